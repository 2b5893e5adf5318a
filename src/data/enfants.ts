import type { z } from 'zod';
import type { Menage } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';

/** From this many households on, a table with at most 4 records per household is read whole. */
const LOT_LECTURE_ENTIERE = 50;
/** Households per index range: each range's records are opened in one go on the main thread. */
const MENAGES_PAR_PLAGE = 125;

/** Spans of household ids, each from a household's id to another's: an index range reads their records. */
export type Plages = readonly { premier: string; dernier: string }[];

/**
 * The spans of these households' ids when they fill most of the span from the first to the last
 * (a pass over a caseload sorted by id): one index range per table and per span of a hundred or so
 * households then brings their records, with at most as many others, instead of one request per
 * household. Null for a few households, or households scattered among many. Counted on the
 * households' own table, whose ids are in clear: nothing is opened.
 */
export async function plagesDesMenages(db: RelogementDb, menageIds: readonly string[]): Promise<Plages | null> {
  if (menageIds.length < LOT_LECTURE_ENTIERE) return null;
  const tries = [...new Set(menageIds)].sort();
  const dansLaPlage = await db.menages.where(':id').between(tries[0], tries.at(-1), true, true).count();
  if (dansLaPlage > 2 * tries.length) return null;
  const plages: { premier: string; dernier: string }[] = [];
  for (let i = 0; i < tries.length; i += MENAGES_PAR_PLAGE) plages.push({ premier: tries[i]!, dernier: tries[Math.min(i + MENAGES_PAR_PLAGE, tries.length) - 1]! });
  return plages;
}

/** The rows of `table` within these spans of its `index`, keeping those of the given households. */
async function dansLesPlages<T>(db: RelogementDb, table: string, index: string, plages: Plages, garder: (r: T) => boolean): Promise<T[]> {
  const lus = await Promise.all(plages.map((p) => db.table<T>(table).where(index).between(p.premier, p.dernier, true, true).toArray()));
  return lus.flat().filter(garder);
}

/** These households' own records, in order (undefined where none). */
export async function menagesDe(db: RelogementDb, menageIds: readonly string[], plages: Plages | null): Promise<(Menage | undefined)[]> {
  if (!plages) return db.menages.bulkGet([...menageIds]);
  const parId = new Map((await dansLesPlages<Menage>(db, 'menages', ':id', plages, () => true)).map((m) => [m.id, m]));
  return menageIds.map((id) => parId.get(id));
}

/**
 * The records of a household table (occupants, interviews…) of these households. Many households
 * within `plages` (see `plagesDesMenages`): those index ranges, a request each. Many households of
 * a small table: the table in one request. Otherwise one index range per household, one request
 * each, where `anyOf` walks a cursor record by record.
 */
export async function lignesDesMenages<T extends { menageId: string }>(
  db: RelogementDb,
  table: string,
  menageIds: readonly string[],
  plages: Plages | null = null,
): Promise<T[]> {
  if (menageIds.length === 0) return [];
  const source = db.table<T>(table);
  if (menageIds.length >= LOT_LECTURE_ENTIERE) {
    const voulus = new Set(menageIds);
    if (plages) return dansLesPlages<T>(db, table, 'menageId', plages, (r) => voulus.has(r.menageId));
    if ((await source.count()) <= 4 * menageIds.length) return (await source.toArray()).filter((r) => voulus.has(r.menageId));
  }
  const listes = await Promise.all(menageIds.map((id) => source.where('menageId').equals(id).toArray()));
  return listes.flat();
}

/**
 * A record can arrive over several pulled pages: defaults fill what has not arrived yet, and one
 * still incomplete is left out until the page that completes it refreshes the summary (or the pilotage facts) again.
 */
export function complets<T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] {
  const valides: T[] = [];
  for (const r of rows) {
    const lu = schema.safeParse(r);
    if (lu.success) valides.push(lu.data);
  }
  return valides;
}
