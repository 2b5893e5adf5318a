import { addDays, addMonths, parseISO, subMonths } from 'date-fns';
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

/**
 * The first day whose deadline (that day plus `mois` months) is not yet past on `aujourdhui`.
 * Removing months is not the inverse of adding them at month ends (31 December − 3 months =
 * 30 September, but 30 September + 3 months = 30 December), so step forward from there.
 */
function premierJourNonEchu(aujourdhui: string, mois: number): string {
  let jour = subMonths(parseISO(aujourdhui), mois);
  while (jourIso(addMonths(jour, mois)) < aujourdhui) jour = addDays(jour, 1);
  return jourIso(jour);
}

/**
 * The caseload's alert rule, with its limits computed once for a whole caseload: a contact is
 * overdue when the last one is older than today minus the cadence (the same as "last contact plus
 * the cadence is past", month ends included), and the first interview when the résidence's
 * deadline is past.
 */
export function regleAlertes(p: Pick<Parametres, 'delaiPremiersEntretiensMois' | 'cadenceContactMois'>, aujourdhui: string): (s: SituationContact) => CodeAlerte[] {
  const limiteContact = premierJourNonEchu(aujourdhui, p.cadenceContactMois);
  const limitesOuverture = new Map<string, boolean>();
  const ouverturePassee = (ouverture: string) => {
    let passee = limitesOuverture.get(ouverture);
    if (passee === undefined) limitesOuverture.set(ouverture, (passee = echeancePremierEntretien(ouverture, p) < aujourdhui));
    return passee;
  };
  return (s) => {
    if (!s.suiviActif) return [];
    const alertes: CodeAlerte[] = [];
    if (s.dateOuvertureResidence && !s.premierEntretienTermineLe && ouverturePassee(s.dateOuvertureResidence)) alertes.push('premier_entretien_en_retard');
    const depart = s.dernierContact ?? s.dateOuvertureResidence;
    if (depart && depart < limiteContact) alertes.push('contact_en_retard');
    return alertes;
  };
}

export function alertesContact(s: SituationContact, p: Pick<Parametres, 'delaiPremiersEntretiensMois' | 'cadenceContactMois'>, aujourdhui: string): CodeAlerte[] {
  return regleAlertes(p, aujourdhui)(s);
}
