import { jourIso } from '../domain/index.ts';
import { DigestBuilder, SYNCED_TABLES, bucketOf } from '../sync/index.ts';
import type { BucketDigest, SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { separer } from './meta-champs.ts';
import { TABLES_RESUMES, supprimerResumes } from './paquets-resumes.ts';
import { cleChamp, cleEnregistrement } from './reparation-page.ts';
import type { Reparation } from './reparation-page.ts';
import { differerResumes, lireCheckpoint } from './synchro.ts';

// Divergence detection and repair on the device (docs/sync.md, « Empreintes et réparation »). The
// device folds the clocks of what it holds into the same digest as the server; when they differ,
// or when the officer asks (« Tout retélécharger »), it downloads everything again from sequence
// 0 and takes the server's copy of every field, except those whose changes wait in the outbox or
// were refused: those stay as the officer left them, and so do the outbox and the refused changes
// themselves. Nothing is cleared first: the caseload stays usable offline while it runs.

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

/** Starts (or starts again, after an interruption) the download from sequence 0. */
export async function commencerReparation(db: RelogementDb): Promise<Reparation> {
  return db.transaction('rw', [db.outbox, db.refusees, db.meta], async () => {
    const attente = await modificationsEnAttente(db);
    await db.meta.put({ key: 'checkpoint', value: 0 });
    return {
      champsEnAttente: new Set(attente.map((c) => cleChamp(c.table, c.recordId, c.field))),
      enregistrementsEnAttente: new Set(attente.map((c) => cleEnregistrement(c.table, c.recordId))),
      vus: new Set(),
    };
  });
}

/**
 * Once everything is downloaded: the records the server no longer sends, and that hold no waiting
 * or refused change, leave the device; their households' summaries are made again.
 */
export async function terminerReparation(db: RelogementDb, reparation: Reparation): Promise<{ retires: number }> {
  return db.transaction('rw', [...TABLES, ...TABLES_RESUMES, 'meta'].map((t) => db.table(t)), async () => {
    let retires = 0;
    const menages = new Set<string>();
    const tables: SyncedTable[] = [];
    for (const table of TABLES) {
      const cle = SYNCED_TABLES[table].menageKey;
      const enTrop = (await db.table(table).toArray()).filter(
        (ligne: Row) => !reparation.vus.has(cleEnregistrement(table, ligne.id)) && !reparation.enregistrementsEnAttente.has(cleEnregistrement(table, ligne.id)),
      ) as Row[];
      if (enTrop.length === 0) continue;
      tables.push(table);
      for (const ligne of enTrop) if (cle !== null && typeof ligne[cle] === 'string') menages.add(ligne[cle]);
      await db.table(table).bulkDelete(enTrop.map((l) => l.id));
      if (table === 'menages') await supprimerResumes(db, enTrop.map((l) => l.id));
      retires += enTrop.length;
    }
    const restants = (await db.menages.bulkGet([...menages])).filter((m) => m !== undefined).map((m) => m.id);
    await differerResumes(db, new Set(restants), tables);
    await db.meta.delete(CLE_REPARATION);
    return { retires };
  });
}
