import type { RelogementDb } from './db.ts';

/**
 * The records of a household table (occupants, interviews…) of these households. One index range
 * per household: IndexedDB answers each with one request, where `anyOf` walks a cursor record by
 * record, several times slower for the hundreds of households of a pulled page.
 */
export async function lignesDesMenages<T>(db: RelogementDb, table: string, menageIds: readonly string[]): Promise<T[]> {
  const listes = await Promise.all(menageIds.map((id) => db.table<T>(table).where('menageId').equals(id).toArray()));
  return listes.flat();
}
