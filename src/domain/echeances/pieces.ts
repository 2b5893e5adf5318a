import { etatEcheance, type Echeance } from './etat.ts';
import type { ReglagesEcheances } from './reglages.ts';

// Charte §4 step 3: every piece of the administrative dossier is refreshed at least every
// 6 months; the dossier gives each piece its end of validity.
export type PieceAExpirer = { pieceId: string; libelle: string; finValidite: string };

/** A piece is still valid on its last day of validity. */
export const echeancePiece = (p: PieceAExpirer, r: Pick<ReglagesEcheances, 'bientotJours'>, aujourdhui: string): Echeance => ({
  echeance: p.finValidite,
  etat: etatEcheance(p.finValidite, aujourdhui, r.bientotJours),
});
