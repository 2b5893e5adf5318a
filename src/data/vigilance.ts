import { vigilanceVisite } from '../domain/index.ts';
import type { CodeVigilance, ReglagesVigilance, VisiteCourtoisie } from '../domain/index.ts';

// The watch flag after the move (charte §4 step 13), apart from the rest of the follow-up so the
// write path, which puts it in the caseload summaries, does not load the agenda with it.

/** The watch flags of a household: those of its latest visit whose budget was computed. */
export function vigilanceMenage(visites: readonly VisiteCourtoisie[], r: ReglagesVigilance): CodeVigilance[] {
  const chiffrees = visites.filter((v) => !v.supprime && v.issue !== 'annulee' && v.grille.budget.apres !== null);
  const derniere = chiffrees.reduce<VisiteCourtoisie | null>((d, v) => (d === null || v.numero > d.numero ? v : d), null);
  return derniere ? vigilanceVisite(derniere, r) : [];
}
