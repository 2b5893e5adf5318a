import { sameJson } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';

/**
 * Puts `value` under `key` in `meta` unless it is there already: the sync lists the team and the
 * territory's organisations at every cycle, and a write, even of the same value, makes what was
 * read from that key read again (the « Pilotage » kept, lecture-gardee.ts).
 */
export const enregistrerSiChangee = (db: RelogementDb, key: string, value: unknown): Promise<void> =>
  db.transaction('rw', db.meta, async () => {
    if (!sameJson((await db.meta.get(key))?.value, value)) await db.meta.put({ key, value });
  });
