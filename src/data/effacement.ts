import type { WipeReason } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES } from './resume.ts';

// Forgetting everything this device holds: every table of its database (households, the outbox,
// photos and scans, the session, the clock), and every other database of the application on
// this origin (the demonstration space, or any other store). Used when the officer logs out and
// asks the device to forget its data, when the server says the tablet was declared lost or its
// user gone, and by the lock screen after too many wrong PINs.

const CLE_EFFACEMENT = 'effacement';

/** Why the device was erased, kept after the erasure so that the next screen can say it. */
export type AvisEffacement = { motif: WipeReason | 'deconnexion'; message: string; le: string };

/**
 * Erases all the data of the device; the open database stays open, empty, so the screens follow.
 * With an `avis`, that notice (no personal data) is the one thing written back.
 */
export async function effacerDonneesAppareil(db: RelogementDb, avis?: Omit<AvisEffacement, 'le'>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    // As a new database has it (`populate`): no summary to rebuild.
    await db.meta.put({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES });
    if (avis) await db.meta.put({ key: CLE_EFFACEMENT, value: { ...avis, le: new Date().toISOString() } satisfies AvisEffacement });
  });
  const autres = typeof indexedDB !== 'undefined' && indexedDB.databases ? await indexedDB.databases() : [];
  await Promise.all(
    autres
      .map((d) => d.name)
      .filter((nom): nom is string => nom !== undefined && nom !== db.name)
      .map((nom) => new Promise<void>((fin) => {
        const demande = indexedDB.deleteDatabase(nom);
        // Blocked by another tab still holding it: it is deleted once that tab closes.
        demande.onsuccess = demande.onerror = demande.onblocked = () => fin();
      })),
  );
}

/** The notice of the last erasure, null when the device was not erased (or the notice was read). */
export async function lireAvisEffacement(db: RelogementDb): Promise<AvisEffacement | null> {
  return ((await db.meta.get(CLE_EFFACEMENT))?.value as AvisEffacement | undefined) ?? null;
}

export const oublierAvisEffacement = (db: RelogementDb) => db.meta.delete(CLE_EFFACEMENT);
