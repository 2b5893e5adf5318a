import type { RelogementDb } from './db.ts';
import { complets, decoderOffres, paquetsDesOffres, type OffrePilotage } from './paquet-offres.ts';

// The offers as « Pilotage » reads them: their pilotage fields from the 16 rows the middleware
// keeps (paquet-offres.ts). A device upgraded to version 21, or whose rows are of an earlier
// format, reads the offers themselves (the same figures) while the rows are built.

const construire = (db: RelogementDb) =>
  db.transaction('rw', [db.offres, db.offresPilotage], async () => {
    await db.offresPilotage.bulkPut(paquetsDesOffres(await db.offres.toArray()));
  });

/** The rows built from the offers, out of any transaction or live query. */
function construireEnArrierePlan(db: RelogementDb): void {
  setTimeout(() => {
    // A database closed meanwhile (another tab opened a newer version) has nothing left to build.
    construire(db).catch((e: unknown) => (e as { name?: string } | null)?.name === 'DatabaseClosedError' || console.error(e));
  }, 0);
}

/** Every offer's fields the figures read. */
export async function lireOffresPilotage(db: RelogementDb): Promise<OffrePilotage[]> {
  const paquets = await db.offresPilotage.toArray();
  if (complets(paquets)) return paquets.flatMap((p) => decoderOffres(p));
  construireEnArrierePlan(db);
  return db.offres.toArray();
}
