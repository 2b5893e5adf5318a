import { plusJours } from '../calendrier/index.ts';

// Where a due date stands. A deadline runs until midnight on its last day (CPC art. 642), so it
// is late only from the next day.
export const ETATS_ECHEANCE = ['fait', 'en_retard', 'bientot', 'a_venir'] as const;
export type EtatEcheance = (typeof ETATS_ECHEANCE)[number];
export const LIBELLES_ETAT_ECHEANCE: Record<EtatEcheance, string> = {
  fait: 'Fait',
  en_retard: 'En retard',
  bientot: 'Bientôt',
  a_venir: 'À venir',
};

export type Echeance = { echeance: string; etat: EtatEcheance };

export function etatEcheance(echeance: string, aujourdhui: string, bientotJours: number): Exclude<EtatEcheance, 'fait'> {
  if (echeance < aujourdhui) return 'en_retard';
  return echeance <= plusJours(aujourdhui, bientotJours) ? 'bientot' : 'a_venir';
}
