import { REGLAGES_TERRITOIRE_PAR_DEFAUT, reglagesTerritoireSchema } from '../domain/index.ts';
import type { ReglagesTerritoire } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';

// Apart from the repositories of the territory (referentiel.ts), which write through the write
// path: the write path itself reads the settings to compute the caseload summaries.

/** The territory's settings as stored, with the defaults for whatever was never set. */
export async function lireParametres(db: RelogementDb): Promise<ReglagesTerritoire> {
  const stockes = await db.parametres.get('territoire');
  return stockes ? reglagesTerritoireSchema.parse(stockes) : REGLAGES_TERRITOIRE_PAR_DEFAUT;
}
