import { SYNCED_TABLES, diffRecord, initialHlc, formatHlc, tick } from '../sync/index.ts';
import type { HlcState, SyncedTable } from '../sync/index.ts';
import type { RelogementDb, OutboxRow } from './db.ts';
import { uuidv7, randomNodeId } from './ids.ts';
import { resumeDe } from './resume.ts';

/** A full device: what is typed stays on screen, what was saved before is untouched. */
export class StockagePleinError extends Error {
  constructor() {
    super('L’espace de stockage de la tablette est plein : la dernière saisie n’a pas pu être enregistrée. Elle reste affichée ; libérez de l’espace puis continuez.');
    this.name = 'StockagePleinError';
  }
}

const estStockagePlein = (e: unknown): boolean => {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
};

type Row = Record<string, unknown>;
const TABLES_RESUME: readonly SyncedTable[] = ['menages', 'personnes', 'entretiens'];

export async function horloge(db: RelogementDb): Promise<HlcState> {
  const row = await db.meta.get('clock');
  return (row?.value as HlcState | undefined) ?? initialHlc(randomNodeId());
}

const fieldKey = (table: string, recordId: string, field: string) => `${table}|${recordId}|${field}`;

export async function rafraichirResume(db: RelogementDb, menageId: string): Promise<void> {
  const menage = await db.menages.get(menageId);
  if (!menage) return;
  const [personnes, entretiens] = await Promise.all([db.personnes.where('menageId').equals(menageId).toArray(), db.entretiens.where('menageId').equals(menageId).toArray()]);
  await db.resumes.put(resumeDe(menage, personnes, entretiens));
}

/** Records a write as field changes in the outbox; a pending change to the same field is replaced. */
async function ajouterAuJournal(db: RelogementDb, table: SyncedTable, recordId: string, changes: { field: string; value: unknown }[]): Promise<void> {
  let clock = await horloge(db);
  const pending = await db.outbox.where('[table+recordId]').equals([table, recordId]).toArray();
  for (const { field, value } of changes) {
    clock = tick(clock, Date.now());
    const key = fieldKey(table, recordId, field);
    const meta = await db.fieldMeta.get(key);
    const previous = pending.find((row) => row.field === field);
    if (previous?.seq !== undefined) await db.outbox.delete(previous.seq);
    const hlc = formatHlc(clock);
    const row: OutboxRow = { changeId: uuidv7(), table, recordId, field, value: value as OutboxRow['value'], hlc, baseSeq: meta?.seq ?? null };
    await db.outbox.add(row);
    await db.fieldMeta.put({ key, hlc, seq: meta?.seq ?? null });
  }
  await db.meta.put({ key: 'clock', value: clock });
}

const TABLES_ECRITURE = ['outbox', 'fieldMeta', 'meta', 'resumes', 'menages', 'personnes', 'entretiens'] as const;
const tablesEcriture = (db: RelogementDb, tables: readonly SyncedTable[]) => [...new Set([...tables, ...TABLES_ECRITURE])].map((t) => db.table(t));

/** Inside a transaction: validate, write the record and its field changes; returns the household touched. */
async function ecrireUn<T extends object>(db: RelogementDb, table: SyncedTable, id: string, modifier: (courant: T | undefined) => T): Promise<{ record: T; menageId: string | null }> {
  const courant = (await db.table(table).get(id)) as T | undefined;
  const suivant = SYNCED_TABLES[table].schema.parse(modifier(courant)) as Row;
  const changes = diffRecord(table, courant as Row | undefined, suivant);
  if (changes.length > 0) {
    await db.table(table).put(suivant);
    await ajouterAuJournal(db, table, id, changes);
  }
  const menageId = !TABLES_RESUME.includes(table) || changes.length === 0 ? null : String(table === 'menages' ? id : suivant.menageId);
  return { record: suivant as T, menageId };
}

async function enTransaction<R>(db: RelogementDb, tables: readonly SyncedTable[], travail: () => Promise<R>): Promise<R> {
  try {
    return await db.transaction('rw', tablesEcriture(db, tables), travail);
  } catch (e) {
    if (estStockagePlein(e)) throw new StockagePleinError();
    throw e;
  }
}

/**
 * The one write path (LESSONS.md §2): validate, then write the record, its field changes and the
 * clock in one transaction. `modifier` gets the stored record (or undefined) and returns the new one,
 * so concurrent autosaves of different fields never overwrite each other.
 */
export function ecrire<T extends object>(db: RelogementDb, table: SyncedTable, id: string, modifier: (courant: T | undefined) => T): Promise<T> {
  return enTransaction(db, [table], async () => {
    const { record, menageId } = await ecrireUn(db, table, id, modifier);
    if (menageId) await rafraichirResume(db, menageId);
    return record;
  });
}

export type Ecriture = { table: SyncedTable; record: { id: string } };

/** Many new or replaced records in one transaction (demo data, imports): all or nothing. */
export function ecrireLot(db: RelogementDb, ecritures: readonly Ecriture[]): Promise<void> {
  return enTransaction(db, [...new Set(ecritures.map((e) => e.table))], async () => {
    const menages = new Set<string>();
    for (const { table, record } of ecritures) {
      const { menageId } = await ecrireUn(db, table, record.id, () => record);
      if (menageId) menages.add(menageId);
    }
    for (const id of menages) await rafraichirResume(db, id);
  });
}
