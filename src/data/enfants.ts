import type { RelogementDb } from './db.ts';

/** From this many households on, a table with at most 4 records per household is read whole. */
const LOT_LECTURE_ENTIERE = 50;

/**
 * The records of a household table (occupants, interviews…) of these households. Many households
 * of a small table (a pass over a whole caseload): the table in one request. Otherwise one index
 * range per household, one request each, where `anyOf` walks a cursor record by record.
 */
export async function lignesDesMenages<T extends { menageId: string }>(db: RelogementDb, table: string, menageIds: readonly string[]): Promise<T[]> {
  if (menageIds.length === 0) return [];
  const source = db.table<T>(table);
  if (menageIds.length >= LOT_LECTURE_ENTIERE && (await source.count()) <= 4 * menageIds.length) {
    const voulus = new Set(menageIds);
    return (await source.toArray()).filter((r) => voulus.has(r.menageId));
  }
  const listes = await Promise.all(menageIds.map((id) => source.where('menageId').equals(id).toArray()));
  return listes.flat();
}
