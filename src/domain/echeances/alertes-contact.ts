import { plusJours, plusMois } from '../calendrier/index.ts';
import { enumeration, type ValeurDe } from '../commun/index.ts';
import type { ReglesContact } from '../parametres/index.ts';
import { echeancePremierEntretien } from './avant-relogement.ts';

// Caseload alerts of the charter's clocks (charte §4 step 2: all first interviews of a résidence
// within 3 months of its opening; "tout au long": a contact at least every 2 to 3 months).
const codesAlerte = enumeration({
  premier_entretien_en_retard: 'Premier entretien en retard',
  contact_en_retard: 'Sans contact depuis trop longtemps',
  /** Raised by the dossier (`dossierAlerte`), not by `regleAlertes`. */
  dossier_a_completer: 'Dossier : pièces manquantes ou à renouveler',
});
export const CODES_ALERTE = codesAlerte.valeurs;
export type CodeAlerte = ValeurDe<typeof codesAlerte>;
export const LIBELLES_ALERTE = codesAlerte.libelles;

export type SituationContact = {
  dateOuvertureResidence: string | null;
  premierEntretienTermineLe: string | null;
  dernierContact: string | null;
  /** Relocated and closed households are no longer chased by these clocks. */
  suiviActif: boolean;
};

/**
 * The first day whose deadline (that day plus `mois` months) is not yet past on `aujourdhui`.
 * Removing months is not the inverse of adding them at month ends (31 December − 3 months =
 * 30 September, but 30 September + 3 months = 30 December), so step forward from there.
 */
function premierJourNonEchu(aujourdhui: string, mois: number): string {
  let jour = plusMois(aujourdhui, -mois);
  while (plusMois(jour, mois) < aujourdhui) jour = plusJours(jour, 1);
  return jour;
}

/**
 * The caseload's alert rule, with its limits computed once for a whole caseload: a contact is
 * overdue when the last one is older than the first day whose deadline is not yet past (the same as
 * `echeanceContact` being past, month ends included), and the first interview when the résidence's
 * deadline (`echeancePremierEntretien`) is past.
 */
export function regleAlertes(p: ReglesContact, aujourdhui: string): (s: SituationContact) => CodeAlerte[] {
  const limiteContact = premierJourNonEchu(aujourdhui, p.cadenceContactMois);
  const limitesOuverture = new Map<string, boolean>();
  const ouverturePassee = (ouverture: string) => {
    let passee = limitesOuverture.get(ouverture);
    if (passee === undefined) {
      const echeance = echeancePremierEntretien({ dateOuvertureResidence: ouverture, premierEntretienLe: null, dernierContact: null }, p);
      limitesOuverture.set(ouverture, (passee = echeance !== null && echeance < aujourdhui));
    }
    return passee;
  };
  return (s) => {
    if (!s.suiviActif) return [];
    const alertes: CodeAlerte[] = [];
    if (s.dateOuvertureResidence && !s.premierEntretienTermineLe && ouverturePassee(s.dateOuvertureResidence))
      alertes.push('premier_entretien_en_retard');
    const depart = s.dernierContact ?? s.dateOuvertureResidence;
    if (depart && depart < limiteContact) alertes.push('contact_en_retard');
    return alertes;
  };
}

export function alertesContact(s: SituationContact, p: ReglesContact, aujourdhui: string): CodeAlerte[] {
  return regleAlertes(p, aujourdhui)(s);
}
