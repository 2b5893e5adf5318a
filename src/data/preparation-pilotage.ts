import type { RelogementDb } from './db.ts';
import { constructionEnCours } from './faits-pilotage.ts';
import { lireEcranPilotage, type SourcePilotage } from './pilotage.ts';
import { rafraichissementEnCours } from './resume-calcul.ts';
import { lireInstantane, menagesEnAttente } from './synchro.ts';

// « Pilotage » prepared ahead of the tap (the app calls this at idle): the tablet's source read
// now is the one kept (`lireGardee`), which the tap then finds, or waits for while it is read.

/** A source prepared; the work to wait for before preparing; or nothing to prepare now. */
export type Preparation = { source: SourcePilotage } | { attendre: Promise<unknown> } | null;

/**
 * The tablet's source read and kept, unless the account's figures are not this tablet's, or work
 * under way would make it partial or stale at once: the background run of summaries and facts
 * (to wait for: it may write nothing at its end), a snapshot or a pull whose facts are not made
 * yet (its end writes `meta`, a write that calls for another preparation), or too many households
 * without facts (their build starts, and its writes call for another).
 */
export async function preparerSourcePilotage(db: RelogementDb): Promise<Preparation> {
  const chantier = rafraichissementEnCours(db) ?? constructionEnCours(db);
  if (chantier) return { attendre: chantier };
  const synchro = await db.transaction('r', db.meta, async () => (await lireInstantane(db)) !== null || (await menagesEnAttente(db)).size > 0);
  if (synchro) return null;
  const ecran = await lireEcranPilotage(db);
  return ecran.origine === 'tablette' && ecran.source.calculEnCours === null ? { source: ecran.source } : null;
}
