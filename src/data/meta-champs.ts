import type { LocalFieldMeta } from '../sync/index.ts';

// What the device knows of each field of a synced record (the clock of the value it holds, the
// server sequence it last saw), kept in the record's own row: IndexedDB costs about the same per
// row whatever its size, so one row per record instead of one per field makes a first sync of a
// caseload store tens of thousands of rows, not hundreds of thousands.

export const META = '_sync';

export type MetaChamps = Record<string, LocalFieldMeta>;
type Row = Record<string, unknown> & { id: string };

/** A stored row as the record the screens and schemas see, and its fields' sync state apart. */
export function separer(ligne: Row | undefined): { record: Row | undefined; meta: MetaChamps } {
  if (!ligne) return { record: undefined, meta: {} };
  const { [META]: meta, ...record } = ligne;
  return { record: record as Row, meta: (meta as MetaChamps | undefined) ?? {} };
}

export const avecMeta = (record: Row, meta: MetaChamps): Row => ({ ...record, [META]: meta });
