import { plusMois, plusTardive } from '../calendrier/index.ts';
import { etatEcheance, type Echeance } from './etat.ts';
import type { ReglagesEcheances } from './reglages.ts';
import type { StatutMenage } from '../menage/index.ts';

// Charte §4 step 2: every first interview of a résidence within 3 months of its opening; and,
// all along, a contact with each household at least every 2 to 3 months.
export type SituationAvantRelogement = {
  dateOuvertureResidence: string | null;
  /** The day the first interview was completed, null while it is not. */
  premierEntretienLe: string | null;
  dernierContact: string | null;
};

const STATUTS_APRES_RELOGEMENT: readonly StatutMenage[] = ['reloge', 'suivi', 'clos'];

/**
 * The before-move clocks (first interview, contacts) run until the household is relocated, by its
 * step or by its lease signed, or closed: "À faire" and the caseload both ask this.
 */
export function avantRelogementEnCours(
  m: { statut?: StatutMenage | undefined; dateRelogement?: string | null | undefined },
  aujourdhui: string,
): boolean {
  if (m.statut !== undefined && STATUTS_APRES_RELOGEMENT.includes(m.statut)) return false;
  const bail = m.dateRelogement ?? null;
  return bail === null || bail > aujourdhui;
}

/** The day the first interview was held: the earliest completed one (a follow-up only starts from a completed one). */
export function premierEntretienFait(
  entretiens: readonly { date: string; termineLe: string | null; supprime?: boolean | undefined }[],
): string | null {
  let premier: string | null = null;
  for (const e of entretiens) if (!e.supprime && e.termineLe !== null && (premier === null || e.date < premier)) premier = e.date;
  return premier;
}

/** Null when the résidence has no opening date yet. */
export function echeancePremierEntretien(
  s: SituationAvantRelogement,
  r: Pick<ReglagesEcheances, 'delaiPremiersEntretiensMois'>,
): string | null {
  return s.dateOuvertureResidence === null ? null : plusMois(s.dateOuvertureResidence, r.delaiPremiersEntretiensMois);
}

/** Counted from the last contact, or the first interview, or before either from the opening. */
export function echeanceContact(s: SituationAvantRelogement, r: Pick<ReglagesEcheances, 'cadenceContactMois'>): string | null {
  const contacts = [s.dernierContact, s.premierEntretienLe].filter((d): d is string => d !== null);
  const depart = contacts.length > 0 ? contacts.reduce(plusTardive) : s.dateOuvertureResidence;
  return depart === null ? null : plusMois(depart, r.cadenceContactMois);
}

export type EcheancesAvantRelogement = { premierEntretien: Echeance | null; contact: Echeance | null };

export function echeancesAvantRelogement(s: SituationAvantRelogement, r: ReglagesEcheances, aujourdhui: string): EcheancesAvantRelogement {
  const premier = echeancePremierEntretien(s, r);
  const contact = echeanceContact(s, r);
  return {
    premierEntretien:
      premier === null
        ? null
        : { echeance: premier, etat: s.premierEntretienLe === null ? etatEcheance(premier, aujourdhui, r.bientotJours) : 'fait' },
    contact: contact === null ? null : { echeance: contact, etat: etatEcheance(contact, aujourdhui, r.bientotJours) },
  };
}
