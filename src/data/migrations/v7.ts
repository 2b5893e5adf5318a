import type { VersionSchema } from './version.ts';

// Each field's sync state moves into its record's row, under the key `_sync`: one row per record
// instead of one per field. Frozen: the key is written as this version wrote it.

/** Per field, until this version: the clock of the value held locally and the server sequence last seen for it. */
type FieldMeta = { key: string; hlc: string; seq: number | null };
type MetaChamps = Record<string, { hlc: string; seq: number | null }>;

export const v7: VersionSchema = {
  numero: 7,
  stores: {},
  async upgrade(tx) {
    const parRecord = new Map<string, MetaChamps>();
    await tx.table<FieldMeta>('fieldMeta').each(({ key, hlc, seq }) => {
      const [table = '', recordId = ''] = key.split('|', 2);
      const cle = `${table}|${recordId}`;
      const meta = parRecord.get(cle) ?? {};
      meta[key.slice(cle.length + 1)] = { hlc, seq };
      parRecord.set(cle, meta);
    });
    const tables = new Set([...parRecord.keys()].map((cle) => cle.split('|', 1)[0] ?? '').filter((t) => tx.storeNames.includes(t)));
    for (const table of tables) {
      await tx.table(table).toCollection().modify((ligne: Record<string, unknown> & { id: string }) => {
        const meta = parRecord.get(`${table}|${ligne.id}`);
        if (meta) ligne['_sync'] = meta;
      });
    }
  },
};
