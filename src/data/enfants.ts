import type { RelogementDb } from './db.ts';

/**
 * The records of a household table (occupants, interviews…) of each of these households. One
 * index range per household: IndexedDB answers each with one request, where `anyOf` walks a
 * cursor record by record, several times slower for the hundreds of households of a pulled page.
 */
export async function enfantsDesMenages<T extends { menageId: string }>(db: RelogementDb, table: string, menageIds: readonly string[]): Promise<Map<string, T[]>> {
  const listes = await Promise.all(menageIds.map((id) => db.table<T>(table).where('menageId').equals(id).toArray()));
  return new Map(menageIds.map((id, i) => [id, listes[i] ?? []]));
}
