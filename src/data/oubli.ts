import { SYNCED_TABLES } from '../sync/index.ts';
import type { SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { TABLES_RESUMES, supprimerResumes } from './paquets-resumes.ts';
import { supprimerFaits } from './faits-pilotage.ts';
import { dansLaTransaction } from './db.ts';

// A household the officer no longer follows leaves her tablet (CNIL: only the data needed for
// her work): its records, their summaries and pilotage facts, conflict notes, interview positions, form drafts, and the photos
// and scans no other piece on the device names.

const TABLES_ENFANTS = (Object.keys(SYNCED_TABLES) as SyncedTable[]).filter((t) => SYNCED_TABLES[t].menageKey === 'menageId');

/** The tables `oublierMenages` writes, for the caller's transaction. */
export const TABLES_OUBLI = ['menages', ...TABLES_ENFANTS, ...TABLES_RESUMES, 'paquetsFaits', 'conflits', 'reprises', 'brouillons', 'blobs'] as const;

/** Inside a transaction over `TABLES_OUBLI`: removes these households and all that hangs on them. */
export async function oublierMenages(db: RelogementDb, menageIds: readonly string[]): Promise<void> {
  if (menageIds.length === 0) return;
  const ids = [...menageIds];
  const entretiens = await db.entretiens.where('menageId').anyOf(ids).primaryKeys();
  const pages = (await db.pieces.where('menageId').anyOf(ids).toArray()).flatMap((p) => (p.pages ?? []).map((page) => page.blobHash));
  for (const table of TABLES_ENFANTS) await db.table(table).where('menageId').anyOf(ids).delete();
  await db.menages.bulkDelete(ids);
  await supprimerResumes(db, ids);
  await dansLaTransaction(supprimerFaits(db, ids));
  await db.conflits.where('menageId').anyOf(ids).delete();
  await db.reprises.bulkDelete(entretiens);
  await db.brouillons.where('menageId').anyOf(ids).delete();
  const encoreNommes = new Set<string>();
  await db.pieces.each((p) => (p.pages ?? []).forEach((page) => encoreNommes.add(page.blobHash)));
  await db.blobs.bulkDelete(pages.filter((hash) => !encoreNommes.has(hash)));
}

/** The tables `abandonnerModifications` writes, with those it reads, for the caller's transaction. */
export const TABLES_ABANDON = ['outbox', 'refusees', 'menages', ...TABLES_ENFANTS] as const;

/**
 * Inside a transaction over `TABLES_ABANDON`, before `oublierMenages`: drops the changes to these
 * households still waiting or refused on the device. Used for households erased on the server:
 * their changes can never be written again, and they hold the very data that was erased.
 */
export async function abandonnerModifications(db: RelogementDb, menageIds: readonly string[]): Promise<void> {
  if (menageIds.length === 0) return;
  const ids = [...menageIds];
  const cles: [string, string][] = ids.map((id) => ['menages', id]);
  for (const table of TABLES_ENFANTS) for (const id of await db.table(table).where('menageId').anyOf(ids).primaryKeys()) cles.push([table, String(id)]);
  await db.outbox.where('[table+recordId]').anyOf(cles).delete();
  await db.refusees.where('menageId').anyOf(ids).delete();
}

/**
 * After too many wrong codes: the device forgets its local data (docs/chiffrement.md). What is not
 * yet synced (the outbox, the refused changes, the files not uploaded) stays, sealed, with the
 * `meta` rows named here (the wrapped key among them), so the right code still opens it. Needs no
 * key: rows are deleted by their keys, never read.
 */
export async function oublierAppareil(db: RelogementDb, metaGardees: readonly string[]): Promise<void> {
  const gardees = new Set<string>(['outbox', 'refusees', 'blobs', 'meta']);
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) if (!gardees.has(table.name)) await table.clear();
    await db.blobs.bulkDelete(await db.blobs.where('etat').anyOf(['envoye', 'distant']).primaryKeys());
    await db.meta.bulkDelete((await db.meta.toCollection().primaryKeys()).filter((cle) => !metaGardees.includes(cle)));
  });
}
