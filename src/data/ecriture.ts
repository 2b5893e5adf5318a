import { jourIso } from '../domain/index.ts';
import { SYNCED_TABLES, diffRecord, initialHlc, formatHlc, isRealHlcState, nodeIdSchema, tick } from '../sync/index.ts';
import type { HlcState, SyncedTable } from '../sync/index.ts';
import { dansLaTransaction } from './db.ts';
import type { RelogementDb, OutboxRow } from './db.ts';
import { avecMeta, separer } from './meta-champs.ts';
import { uuidv7, randomNodeId } from './ids.ts';
import { StockagePleinError, estStockagePlein } from './stockage.ts';
import { TABLES_RESUMES } from './paquets-resumes.ts';
import { FACETTES_DES_TABLES, TABLES_LUES_PAR_LES_RESUMES, recalculerResumes, resumesARefaire } from './resume-calcul.ts';
import { TABLES_FAITS, rafraichirFaits } from './faits-pilotage.ts';
import type { RelaisInstantane } from './instantane-relais.ts';

type Row = Record<string, unknown> & { id: string };

/**
 * The device's clock. One that holds no real instant (fed an impossible clock by an older server)
 * would stop every save: it starts again from the wall time, keeping the device's node. The
 * server refuses clocks more than minutes ahead of its time, so the wall time is close enough.
 */
export async function horloge(db: RelogementDb): Promise<HlcState> {
  const stored = (await db.meta.get('clock'))?.value as HlcState | undefined;
  if (stored === undefined) return initialHlc(randomNodeId());
  if (isRealHlcState(stored)) return stored;
  return initialHlc(nodeIdSchema.safeParse(stored.node).success ? stored.node : randomNodeId());
}

/**
 * Brings the caseload summaries and the pilotage facts of these households up to date after
 * records of these tables were written: only the parts those tables feed, and nothing is written
 * (nor the version key changed) when no summary changes, so an interview's autosave keeps the
 * caseload's cache valid. The facts reuse the records the summaries read. A change of settings has
 * every summary redone in the background. Inside a transaction that includes TABLES_ECRITURE.
 * `relais`: the households' rows as a snapshot just stored them, read from there instead of storage.
 */
export async function rafraichirResumes(db: RelogementDb, menageIds: Iterable<string>, tables: Iterable<SyncedTable>, relais?: RelaisInstantane): Promise<void> {
  const ecrites = new Set(tables);
  if (ecrites.has('parametres')) await resumesARefaire(db);
  const facettes = new Set([...ecrites].flatMap((t) => FACETTES_DES_TABLES[t] ?? []));
  const ids = [...new Set(menageIds)];
  // The device's day: the dossier and the clocks are computed for it.
  const lus = ids.length > 0 && facettes.size > 0 ? await dansLaTransaction(recalculerResumes(db, ids, facettes, jourIso(new Date()), { lecteur: relais?.lecteur })) : {};
  await dansLaTransaction(rafraichirFaits(db, ids, ecrites, { ...relais?.autresFaits(ids), ...lus }));
}

export type Modification = { table: SyncedTable; id: string; modifier: (courant: Row | undefined) => Row };

/**
 * Inside a transaction: validate each new version, write it, and record one outbox row per changed
 * field. A change still waiting in the outbox for the same field is replaced by the newer one, under
 * a new changeId, so that an acknowledgement of the older one never deletes the newer.
 */
async function appliquer(db: RelogementDb, modifications: readonly Modification[]): Promise<Row[]> {
  const courants = new Map<string, Row | undefined>();
  for (const table of new Set(modifications.map((m) => m.table))) {
    const ids = modifications.filter((m) => m.table === table).map((m) => m.id);
    const lus = (await db.table(table).bulkGet(ids)) as (Row | undefined)[];
    ids.forEach((id, i) => courants.set(`${table}|${id}`, lus[i]));
  }
  let clock = await horloge(db);
  const resultats: Row[] = [];
  const ecrits = new Map<string, { table: SyncedTable; ligne: Row }>();
  const lignes: OutboxRow[] = [];
  const menagesTouches = new Set<string>();
  const tablesTouchees = new Set<SyncedTable>();
  for (const { table, id, modifier } of modifications) {
    const cle = `${table}|${id}`;
    const { record: courant, meta } = separer(courants.get(cle));
    const suivant = SYNCED_TABLES[table].schema.parse(modifier(courant)) as Row;
    resultats.push(suivant);
    const changes = diffRecord(table, courant, suivant);
    if (changes.length === 0) continue;
    tablesTouchees.add(table);
    const cleMenage = SYNCED_TABLES[table].menageKey;
    if (cleMenage) menagesTouches.add(String(suivant[cleMenage]));
    const nouvelleMeta = { ...meta };
    for (const { field, value } of changes) {
      clock = tick(clock, Date.now());
      const hlc = formatHlc(clock);
      const seq = meta[field]?.seq ?? null;
      // Found by the field's index, not by reading (decrypting) every pending change of the record.
      if (courant) await db.outbox.bulkDelete(await db.outbox.where('[table+recordId+field]').equals([table, id, field]).primaryKeys());
      lignes.push({ changeId: uuidv7(), table, recordId: id, field, value: value as OutboxRow['value'], hlc, baseSeq: seq });
      nouvelleMeta[field] = { hlc, seq };
    }
    const ligne = avecMeta(suivant, nouvelleMeta);
    courants.set(cle, ligne);
    ecrits.set(cle, { table, ligne });
  }
  for (const { table, ligne } of ecrits.values()) await db.table(table).put(ligne);
  await db.outbox.bulkAdd(lignes);
  await db.meta.put({ key: 'clock', value: clock });
  await rafraichirResumes(db, menagesTouches, tablesTouchees);
  return resultats;
}

/** The tables of every write: its field changes and clock, and what the summaries' and facts' refresh reads and writes. */
export const TABLES_ECRITURE = ['outbox', 'meta', ...TABLES_RESUMES, ...TABLES_LUES_PAR_LES_RESUMES, ...TABLES_FAITS] as const;

async function enTransaction<R>(db: RelogementDb, tables: readonly SyncedTable[], travail: () => Promise<R>): Promise<R> {
  try {
    return await db.transaction('rw', [...new Set([...tables, ...TABLES_ECRITURE])].map((t) => db.table(t)), travail);
  } catch (e) {
    if (estStockagePlein(e)) throw new StockagePleinError();
    throw e;
  }
}

/**
 * The one write path (docs/stockage-local.md): validate, then write the record, its field changes and the
 * clock in one transaction. `modifier` gets the stored record (or undefined) and returns the new one,
 * so concurrent autosaves of different fields never overwrite each other.
 */
export async function ecrire<T extends object>(db: RelogementDb, table: SyncedTable, id: string, modifier: (courant: T | undefined) => T): Promise<T> {
  const [record] = await ecrireEnsemble(db, [modification(table, id, modifier)]);
  return record as unknown as T;
}

/** One record's change for `ecrireEnsemble`, typed by its record. */
export const modification = <T extends object>(table: SyncedTable, id: string, modifier: (courant: T | undefined) => T): Modification =>
  ({ table, id, modifier: modifier as unknown as Modification['modifier'] });

/** Changes of several records that stand or fall together, each made from its stored version; returns the new versions in order. */
export function ecrireEnsemble(db: RelogementDb, modifications: readonly Modification[]): Promise<object[]> {
  return enTransaction(db, [...new Set(modifications.map((m) => m.table))], () => appliquer(db, modifications));
}

export type Ecriture = { table: SyncedTable; record: { id: string } };

/** Many new or replaced records in one transaction (demo data, imports): all or nothing. */
export async function ecrireLot(db: RelogementDb, ecritures: readonly Ecriture[]): Promise<void> {
  await ecrireEnsemble(db, ecritures.map(({ table, record }) => modification(table, record.id, () => record)));
}
