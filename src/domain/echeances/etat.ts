import { enumeration, type ValeurDe } from '../commun/index.ts';
import { plusJours } from '../calendrier/index.ts';

// Where a due date stands. A deadline runs until midnight on its last day (CPC art. 642), so it
// is late only from the next day.
const etatsEcheance = enumeration({
  fait: 'Fait',
  en_retard: 'En retard',
  bientot: 'Bientôt',
  a_venir: 'À venir',
});
export const ETATS_ECHEANCE = etatsEcheance.valeurs;
export type EtatEcheance = ValeurDe<typeof etatsEcheance>;
export const LIBELLES_ETAT_ECHEANCE = etatsEcheance.libelles;

export type Echeance = { echeance: string; etat: EtatEcheance };

export function etatEcheance(echeance: string, aujourdhui: string, bientotJours: number): Exclude<EtatEcheance, 'fait'> {
  if (echeance < aujourdhui) return 'en_retard';
  return echeance <= plusJours(aujourdhui, bientotJours) ? 'bientot' : 'a_venir';
}
