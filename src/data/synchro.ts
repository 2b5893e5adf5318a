import { SYNCED_TABLES, isSyncedTable, mergePulledField, receive, MAX_PUSH_BYTES, MAX_PUSH_CHANGES } from '../sync/index.ts';
import type { Change, Conflict, LocalFieldMeta, Profile, PullResponse, SyncedTable } from '../sync/index.ts';
import type { RelogementDb, FieldMeta } from './db.ts';
import { fieldKey, horloge, rafraichirResumes } from './ecriture.ts';

// The device's side of the sync (LESSONS.md §3): what waits in the outbox, and how a pulled page
// is applied under the pending local edits, with its checkpoint, in one transaction.

type Row = Record<string, unknown> & { id: string };

export type Session = { token: string; expiresAt: string; user: Profile };

const CLE_CHECKPOINT = 'checkpoint';
const CLE_SESSION = 'session';

export async function lireSession(db: RelogementDb): Promise<Session | null> {
  return ((await db.meta.get(CLE_SESSION))?.value as Session | undefined) ?? null;
}
export const enregistrerSession = (db: RelogementDb, session: Session | null) =>
  session ? db.meta.put({ key: CLE_SESSION, value: session }) : db.meta.delete(CLE_SESSION);

export async function lireCheckpoint(db: RelogementDb): Promise<number> {
  return ((await db.meta.get(CLE_CHECKPOINT))?.value as number | undefined) ?? 0;
}

export const nombreEnAttente = (db: RelogementDb) => db.outbox.count();

/** The identifier this device signs its changes with (the node of its clock). */
export async function identifiantAppareil(db: RelogementDb): Promise<string> {
  return (await horloge(db)).node;
}

/** The oldest pending changes, as many as one push may carry (count and bytes). */
export async function lotAEnvoyer(db: RelogementDb, maximum = MAX_PUSH_CHANGES): Promise<Change[]> {
  const rows = await db.outbox.orderBy('seq').limit(maximum).toArray();
  const lot: Change[] = [];
  let octets = 1024;
  for (const { seq: _seq, ...change } of rows) {
    octets += JSON.stringify(change).length + 1;
    if (octets > MAX_PUSH_BYTES && lot.length > 0) break;
    lot.push(change);
  }
  return lot;
}

/** Drops acknowledged changes; a newer edit of the same field has its own changeId and stays. */
export async function acquitter(db: RelogementDb, changeIds: readonly string[]): Promise<void> {
  await db.outbox.where('changeId').anyOf([...changeIds]).delete();
}

/** Changes the server refused for good (4xx on their content): set aside, never silently dropped. */
export async function mettreDeCote(db: RelogementDb, rejetes: readonly { changeId: string; error: string }[]): Promise<void> {
  const rows = await db.outbox.where('changeId').anyOf(rejetes.map((r) => r.changeId)).toArray();
  const deja = ((await db.meta.get('changesRefusees'))?.value as unknown[] | undefined) ?? [];
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.meta.put({ key: 'changesRefusees', value: [...deja, ...rows.map((r) => ({ ...r, erreur: rejetes.find((x) => x.changeId === r.changeId)?.error }))] });
    await acquitter(db, rejetes.map((r) => r.changeId));
  });
}

const menageDe = (table: SyncedTable, record: Row | undefined): string | null => {
  const cle = SYNCED_TABLES[table].menageKey;
  return cle && record ? String(record[cle]) : null;
};

export async function enregistrerConflits(db: RelogementDb, conflits: readonly Conflict[]): Promise<void> {
  if (conflits.length > 0) await db.conflits.bulkPut(conflits.map((c) => ({ ...c })));
}

/**
 * Applies one pulled page: each field only if its clock beats the local one, so pending local edits
 * stay on top; remembers each field's server seq; advances the clock and the checkpoint with it.
 */
export async function appliquerPage(db: RelogementDb, page: PullResponse): Promise<{ appliques: number }> {
  const tables = [...new Set(page.changes.map((c) => c.table).filter(isSyncedTable))];
  return db.transaction('rw', [...tables.map((t) => db.table(t)), db.fieldMeta, db.meta, db.resumes, db.menages, db.personnes, db.entretiens, db.pieces, db.visites, db.propositions, db.parametres, db.conflits], async () => {
    let clock = await horloge(db);
    let appliques = 0;
    const metas: FieldMeta[] = [];
    const menages = new Set<string>();
    for (const table of tables) {
      const champs = page.changes.filter((c) => c.table === table);
      const ids = [...new Set(champs.map((c) => c.recordId))];
      const lus = (await db.table(table).bulkGet(ids)) as (Row | undefined)[];
      const records = new Map(ids.map((id, i) => [id, lus[i]] as const));
      const modifies = new Set<string>();
      const metasLues = await db.fieldMeta.bulkGet(champs.map((c) => fieldKey(table, c.recordId, c.field)));
      const connues = new Map<string, LocalFieldMeta>();
      champs.forEach((c, i) => {
        const m = metasLues[i];
        if (m) connues.set(fieldKey(table, c.recordId, c.field), m);
      });
      for (const champ of champs) {
        const cle = fieldKey(table, champ.recordId, champ.field);
        const fusion = mergePulledField(records.get(champ.recordId), connues.get(cle), champ);
        connues.set(cle, fusion.meta);
        metas.push({ key: cle, ...fusion.meta });
        clock = receive(clock, champ.hlc, Date.now());
        if (!fusion.applied) continue;
        appliques++;
        records.set(champ.recordId, fusion.record as Row);
        modifies.add(champ.recordId);
      }
      const ecrits: Row[] = [];
      for (const id of modifies) {
        const record = records.get(id);
        if (!record) continue;
        // A record can arrive over several pages: defaults fill what has not arrived yet.
        const lu = SYNCED_TABLES[table].schema.safeParse(record);
        ecrits.push(lu.success ? (lu.data as Row) : record);
        const menageId = menageDe(table, record);
        if (menageId) menages.add(menageId);
      }
      await db.table(table).bulkPut(ecrits);
    }
    await db.fieldMeta.bulkPut(metas);
    await enregistrerConflits(db, page.conflicts);
    await db.meta.put({ key: 'clock', value: clock });
    await db.meta.put({ key: CLE_CHECKPOINT, value: page.checkpoint });
    await rafraichirResumes(db, menages, tables);
    return { appliques };
  });
}

export async function conflitsDuMenage(db: RelogementDb, menageId: string) {
  const tous = await db.conflits.where('menageId').equals(menageId).toArray();
  return tous.filter((c) => !c.acknowledged).sort((a, b) => b.seq - a.seq);
}

export async function marquerConflitVu(db: RelogementDb, id: string): Promise<void> {
  const session = await lireSession(db);
  await db.conflits.update(id, { acknowledged: { by: session?.user.name ?? 'moi', at: new Date().toISOString() } });
}
