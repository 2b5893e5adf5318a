import { jourIso } from '../domain/index.ts';
import { DigestBuilder, SYNCED_TABLES, bucketOf } from '../sync/index.ts';
import type { BucketDigest, PullResponse, SnapshotResponse, SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { separer } from './meta-champs.ts';
import { TABLES_RESUMES, supprimerResumes } from './paquets-resumes.ts';
import { cleChamp, cleEnregistrement } from './reparation-page.ts';
import type { Reparation } from './reparation-page.ts';
import { appliquerPage, differerResumes, lireCheckpoint } from './synchro.ts';
import { champsRecus } from './instantane-page.ts';

// Divergence detection and repair on the device (docs/sync.md, « Empreintes et réparation »). The
// device folds the clocks of what it holds into the same digest as the server; when they differ,
// or when the officer asks (« Tout retélécharger »), it downloads everything again from sequence
// 0 and takes the server's copy of every field, except those whose changes wait in the outbox or
// were refused: those stay as the officer left them, and so do the outbox and the refused changes
// themselves. Nothing is cleared first: the caseload stays usable offline while it runs. A
// divergence found by the digests is repaired the same way, but only in the buckets that differ,
// downloaded through the snapshot, the checkpoint left where it is.

type Row = Record<string, unknown> & { id: string };

const TABLES = Object.keys(SYNCED_TABLES) as SyncedTable[];
const CLE_REPARATION = 'reparation';

async function modificationsEnAttente(db: RelogementDb): Promise<{ table: string; recordId: string; field: string }[]> {
  return [...(await db.outbox.toArray()), ...(await db.refusees.toArray())];
}

/** The digest of what this device holds, the buckets its unsent changes make unfit to compare, and its checkpoint. */
export async function empreinteLocale(
  db: RelogementDb,
): Promise<{ buckets: Record<string, BucketDigest>; aIgnorer: Set<string>; checkpoint: number }> {
  return db.transaction('r', [...TABLES.map((t) => db.table(t)), db.outbox, db.refusees, db.meta], async () => {
    const empreinte = new DigestBuilder();
    for (const table of TABLES) {
      await db.table(table).each((ligne: Row) => {
        for (const [field, { hlc }] of Object.entries(separer(ligne).meta)) empreinte.add(table, ligne.id, field, hlc);
      });
    }
    const aIgnorer = new Set((await modificationsEnAttente(db)).map((c) => bucketOf(c.table, c.recordId)));
    return { buckets: empreinte.result(), aIgnorer, checkpoint: await lireCheckpoint(db) };
  });
}

const CLE_EMPREINTE = 'empreinteComparee';

/**
 * Whether this device's digest is due for comparison: once a day at most. Computing it
 * decrypts every row the device holds (seconds for a full caseload on a tablet), and a drift is
 * rare enough that finding it the same day is soon enough. The day is kept in storage, so that
 * starting the app again does not start a comparison again.
 */
export const empreinteDue = async (db: RelogementDb, maintenant = new Date()): Promise<boolean> =>
  (await db.meta.get(CLE_EMPREINTE))?.value !== jourIso(maintenant);

/** The digest was compared today, or need not be (what a snapshot just stored is the server's copy). */
export const noterEmpreinteComparee = (db: RelogementDb, maintenant = new Date()) =>
  db.meta.put({ key: CLE_EMPREINTE, value: jourIso(maintenant) });

/** « Tout retélécharger », or a divergence found: the next sync downloads everything again. */
export const demanderRetelechargement = (db: RelogementDb) => db.meta.put({ key: CLE_REPARATION, value: new Date().toISOString() });

export const retelechargementDemande = async (db: RelogementDb): Promise<boolean> => (await db.meta.get(CLE_REPARATION)) !== undefined;

/** A repair about to start: the fields and records its waiting and refused changes keep as they are. */
async function reparationDepart(db: RelogementDb): Promise<Reparation> {
  const attente = await modificationsEnAttente(db);
  return {
    champsEnAttente: new Set(attente.map((c) => cleChamp(c.table, c.recordId, c.field))),
    enregistrementsEnAttente: new Set(attente.map((c) => cleEnregistrement(c.table, c.recordId))),
    vus: new Set(),
  };
}

/** Starts (or starts again, after an interruption) the download from sequence 0. */
export async function commencerReparation(db: RelogementDb): Promise<Reparation> {
  return db.transaction('rw', [db.outbox, db.refusees, db.meta], async () => {
    await db.meta.put({ key: 'checkpoint', value: 0 });
    return reparationDepart(db);
  });
}

/** Starts the repair of the buckets whose digests differ: the rest of the device, and its checkpoint, stay as they are. */
export const commencerReparationSeaux = (db: RelogementDb): Promise<Reparation> =>
  db.transaction('r', [db.outbox, db.refusees], () => reparationDepart(db));

/**
 * Stores one page of the snapshot of the buckets under repair, as a pull page from the repair: the
 * server's copy of each field wins, except where a change waits or was refused. The page's fields
 * are as of its `upto`, past the device's checkpoint, which stays: the pulls that follow bring
 * again what was written since, with the same clocks. A server older than the bucket filter sends
 * every record: those of other buckets are left out.
 */
export async function appliquerSeaux(db: RelogementDb, page: SnapshotResponse, seaux: ReadonlySet<string>, reparation: Reparation) {
  const records = page.records
    .filter((r) => seaux.has(bucketOf(r.table, r.recordId)))
    .map((recu) => ({
      table: recu.table,
      recordId: recu.recordId,
      fields: Object.fromEntries(
        champsRecus(recu.table, recu).map(([field, value, clock]) => [field, [value, clock, page.upto]]),
      ) as PullResponse['records'][number]['fields'],
    }));
  const conflicts = page.conflicts.filter((c) => seaux.has(bucketOf(c.table, c.recordId)));
  const checkpoint = await lireCheckpoint(db);
  return appliquerPage(
    db,
    { records, conflicts, removed: [], checkpoint, hasMore: false, upto: page.upto, serverTime: page.serverTime },
    reparation,
  );
}

/** The ids of `table` held on the device in the buckets `seaux` (all of them when null), read from the keys alone. */
async function idsDansSeaux(db: RelogementDb, table: SyncedTable, seaux: ReadonlySet<string> | null): Promise<string[]> {
  if (seaux === null) return (await db.table(table).toCollection().primaryKeys()) as string[];
  const debuts = [...seaux].filter((s) => s.startsWith(`${table}:`)).map((s) => s.slice(table.length + 1));
  return debuts.length === 0 ? [] : ((await db.table(table).where(':id').startsWithAnyOf(debuts).primaryKeys()) as string[]);
}

/**
 * Once everything is downloaded (or every bucket under repair, `seaux`): the records the server
 * no longer sends, and that hold no waiting or refused change, leave the device; their
 * households' summaries are made again.
 */
export async function terminerReparation(
  db: RelogementDb,
  reparation: Reparation,
  seaux: ReadonlySet<string> | null = null,
): Promise<{ retires: number }> {
  return db.transaction('rw', [...TABLES, ...TABLES_RESUMES, 'meta'].map((t) => db.table(t)), async () => {
    let retires = 0;
    const menages = new Set<string>();
    const tables: SyncedTable[] = [];
    for (const table of TABLES) {
      const cle = SYNCED_TABLES[table].menageKey;
      const ids = (await idsDansSeaux(db, table, seaux)).filter(
        (id) => !reparation.vus.has(cleEnregistrement(table, id)) && !reparation.enregistrementsEnAttente.has(cleEnregistrement(table, id)),
      );
      if (ids.length === 0) continue;
      tables.push(table);
      if (cle !== null)
        for (const ligne of (await db.table(table).bulkGet(ids)) as (Row | undefined)[])
          if (typeof ligne?.[cle] === 'string') menages.add(ligne[cle]);
      await db.table(table).bulkDelete(ids);
      if (table === 'menages') await supprimerResumes(db, ids);
      retires += ids.length;
    }
    const restants = (await db.menages.bulkGet([...menages])).filter((m) => m !== undefined).map((m) => m.id);
    await differerResumes(db, new Set(restants), tables);
    if (seaux === null) await db.meta.delete(CLE_REPARATION);
    return { retires };
  });
}
