import type { RelogementDb } from './db.ts';
import { constructionEnCours } from './faits-pilotage.ts';
import { prochaineEcriture } from './lecture-gardee.ts';
import { lireEcranPilotage, type SourcePilotage } from './pilotage.ts';
import { rafraichissementEnCours } from './resume-calcul.ts';
import { lireInstantane, menagesEnAttente } from './synchro.ts';

// « Pilotage » prepared ahead of the tap (the app calls this at idle): the tablet's source read
// now is the one kept (`lireGardee`), which the tap then finds, or waits for while it is read.

/**
 * What would make a source prepared now partial or stale at once, and what to wait for before
 * trying again: the background run of summaries and facts (it may write nothing at its end), or a
 * snapshot or a pull whose facts are not made yet (the next write of `meta`: each of its steps
 * writes there, its end among them, though not always a key the source reads).
 */
export async function empechementPreparation(db: RelogementDb): Promise<{ attendre: Promise<unknown> } | null> {
  const chantier = rafraichissementEnCours(db) ?? constructionEnCours(db);
  if (chantier) return { attendre: chantier };
  const synchro = await db.transaction('r', db.meta, async () => (await lireInstantane(db)) !== null || !(await menagesEnAttente(db)).aucun);
  return synchro ? { attendre: prochaineEcriture(db, ['meta']) } : null;
}

/**
 * The tablet's source read and kept; null when the account's figures are not this tablet's, or
 * while too many households lack facts (their build starts, and its writes call for another).
 */
export async function preparerSourcePilotage(db: RelogementDb): Promise<SourcePilotage | null> {
  const ecran = await lireEcranPilotage(db);
  return ecran.origine === 'tablette' && ecran.source.calculEnCours === null ? ecran.source : null;
}
