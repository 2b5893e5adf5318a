import { vigilanceVisite } from '../domain/index.ts';
import type { CodeVigilance, ReglagesVigilance, VisiteCourtoisie } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { lireParametres } from './referentiel.ts';

// The watch flag after the move (charte §4 step 13), apart from the rest of the follow-up so the
// caseload, the first screen, does not load the agenda and the simulation engine with it.

/** The watch flags of a household: those of its latest visit whose budget was computed. */
export function vigilanceMenage(visites: readonly VisiteCourtoisie[], r: ReglagesVigilance): CodeVigilance[] {
  const chiffrees = visites.filter((v) => !v.supprime && v.issue !== 'annulee' && v.grille.budget.apres !== null);
  const derniere = chiffrees.reduce<VisiteCourtoisie | null>((d, v) => (d === null || v.numero > d.numero ? v : d), null);
  return derniere ? vigilanceVisite(derniere, r) : [];
}

/** The households under watch among these, with their flags (the caseload asks for the rows it shows). */
export async function vigilancesDesMenages(db: RelogementDb, menageIds: readonly string[]): Promise<Map<string, CodeVigilance[]>> {
  const [visites, { vigilance }] = await Promise.all([db.visites.where('menageId').anyOf([...menageIds]).toArray(), lireParametres(db)]);
  const resultat = new Map<string, CodeVigilance[]>();
  for (const menageId of new Set(visites.map((v) => v.menageId))) {
    const codes = vigilanceMenage(visites.filter((v) => v.menageId === menageId), vigilance);
    if (codes.length > 0) resultat.set(menageId, codes);
  }
  return resultat;
}
