import { addMonths, parseISO } from 'date-fns';
import { jourIso } from '../commun/index.ts';
import type { Parametres } from '../parametres/index.ts';

// Caseload alerts of the charter's clocks (charte §4 step 2: all first interviews of a résidence
// within 3 months of its opening; "tout au long": a contact at least every 2 to 3 months).
export const CODES_ALERTE = ['premier_entretien_en_retard', 'contact_en_retard'] as const;
export type CodeAlerte = (typeof CODES_ALERTE)[number];
export const LIBELLES_ALERTE: Record<CodeAlerte, string> = {
  premier_entretien_en_retard: 'Premier entretien en retard',
  contact_en_retard: 'Sans contact depuis trop longtemps',
};

export type SituationContact = {
  dateOuvertureResidence: string | null;
  premierEntretienTermineLe: string | null;
  dernierContact: string | null;
  /** Relocated and closed households are no longer chased by these clocks. */
  suiviActif: boolean;
};

const plus = (date: string, mois: number) => jourIso(addMonths(parseISO(date), mois));

export function echeancePremierEntretien(dateOuverture: string, p: Pick<Parametres, 'delaiPremiersEntretiensMois'>): string {
  return plus(dateOuverture, p.delaiPremiersEntretiensMois);
}

/** The date by which the household must be contacted again; counted from the opening before any contact. */
export function echeanceContact(s: SituationContact, p: Pick<Parametres, 'cadenceContactMois'>): string | null {
  const depart = s.dernierContact ?? s.dateOuvertureResidence;
  return depart ? plus(depart, p.cadenceContactMois) : null;
}

export function alertesContact(s: SituationContact, p: Pick<Parametres, 'delaiPremiersEntretiensMois' | 'cadenceContactMois'>, aujourdhui: string): CodeAlerte[] {
  if (!s.suiviActif) return [];
  const alertes: CodeAlerte[] = [];
  if (s.dateOuvertureResidence && !s.premierEntretienTermineLe && echeancePremierEntretien(s.dateOuvertureResidence, p) < aujourdhui) {
    alertes.push('premier_entretien_en_retard');
  }
  const contact = echeanceContact(s, p);
  if (contact && contact < aujourdhui) alertes.push('contact_en_retard');
  return alertes;
}
