import type { AccessReport } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';

// Prints and exports of a household made on the device, offline too, kept until the sync engine
// reports them to the server's access log. They hold the household's id, never its data.

const CLE_JOURNAL = 'journalAcces';
type Evenement = AccessReport['events'][number];

export async function noterAcces(db: RelogementDb, menageId: string, action: Evenement['action']): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const deja = await accesANoter(db);
    await db.meta.put({ key: CLE_JOURNAL, value: [...deja, { menageId, action, at: new Date().toISOString() }] satisfies Evenement[] });
  });
}

export async function accesANoter(db: RelogementDb): Promise<Evenement[]> {
  return ((await db.meta.get(CLE_JOURNAL))?.value as Evenement[] | undefined) ?? [];
}

/** Drops the events the server received (those noted meanwhile stay). */
export async function accesNotes(db: RelogementDb, envoyes: readonly Evenement[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const restants = (await accesANoter(db)).slice(envoyes.length);
    await (restants.length > 0 ? db.meta.put({ key: CLE_JOURNAL, value: restants }) : db.meta.delete(CLE_JOURNAL));
  });
}
