import { colonnesFaitsPropositionSchema, faitDeProposition, faitsDesColonnes, type FaitProposition } from '../../domain/index.ts';
import { SYNCED_TABLES, recordFromFields } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import type { RecordState } from '../replication/records.ts';
import { backfill } from './backfill.ts';
import { plannedValues, type PlannedWrite } from './planned.ts';

// The proposals' facts (src/domain/pilotage/faits.ts) as the server keeps them in
// `proposal_facts`: derived by the domain from the whole record at each push, in the statement
// that writes its fields (replication/write.ts), read back by a territory's report in one query
// and parsed with the facts' own schema (docs/pilotage.md).

/** A proposal's facts from its current fields; null when deleted, or not complete yet (a batch cut in two). */
export function proposalFact(recordId: string, fields: Iterable<readonly [string, unknown]>): FaitProposition | null {
  const record = SYNCED_TABLES.propositions.schema.safeParse(recordFromFields(recordId, fields));
  return record.success ? faitDeProposition(record.data) : null;
}

/** The columns after rid and org_id, in the order rows are written and read, each with its fact. */
const COLUMNS = [
  ['record_id', 'uuid', 'id'],
  ['menage_id', 'uuid', 'menageId'],
  ['offre_id', 'uuid', 'offreId'],
  ['rang', 'smallint', 'rang'],
  ['proposee_le', 'date', 'proposeeLe'],
  ['bail_signe_le', 'date', 'bailSigneLe'],
  ['retiree', 'boolean', 'retiree'],
  ['refus_par', 'text', 'refusPar'],
  ['refus_le', 'date', 'refusLe'],
  ['comptee', 'boolean', 'comptee'],
  ['temporaire', 'boolean', 'temporaire'],
  ['refus_legitime', 'boolean', 'refusLegitime'],
  ['rac_avant', 'float8', 'racAvant'],
  ['rac_apres', 'float8', 'racApres'],
  ['te_avant', 'float8', 'teAvant'],
  ['te_apres', 'float8', 'teApres'],
  ['rav_avant', 'float8', 'ravAvant'],
  ['rav_apres', 'float8', 'ravApres'],
] as const satisfies readonly (readonly [string, string, keyof FaitProposition])[];

const NAMES = COLUMNS.map(([column]) => column);
/** A fact as one JSON array, in the columns' order. */
export const factArray = (f: FaitProposition): unknown[] => COLUMNS.map(([, , key]) => f[key]);
/** The columns' values out of a `fact` JSON array. */
const FACT_VALUES = (source: string) => COLUMNS.map(([, type], i) => `(${source} ->> ${i})::${type}`).join(', ');

/** The upsert of facts rows `select rid, org_id, fact from …` (fact not null). */
export const upsertFacts = (select: string) => `
  insert into proposal_facts (rid, org_id, ${NAMES.join(', ')})
  select rid, org_id, ${FACT_VALUES('fact')} from (${select}) as s(rid, org_id, fact)
  on conflict (rid) do update set (org_id, ${NAMES.join(', ')}) = (excluded.org_id, ${NAMES.map((n) => `excluded.${n}`).join(', ')})`;

export type PlannedFact = { record: RecordState; fact: FaitProposition | null };

/**
 * The facts of the proposals a push writes: each record's stored values (`stored`, by rid, none
 * for a new record) with the push's writes over them, as the read side will hold them.
 */
export function plannedFacts(writes: Iterable<PlannedWrite>, stored: ReadonlyMap<number, Record<string, unknown>>): PlannedFact[] {
  return [...plannedValues(writes, stored, ['propositions'])].map(([record, fields]) => ({
    record,
    fact: proposalFact(record.recordId, fields),
  }));
}

/** Writes the facts of proposals whose rids are known (seeding, backfill). */
export async function writeFacts(tx: Sql, rows: readonly { rid: number; orgId: string; fact: FaitProposition }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    upsertFacts(`select x.rid, x.org_id, x.fact from jsonb_to_recordset($1::jsonb) as x(rid bigint, org_id uuid, fact jsonb)`),
    [JSON.stringify(rows.map((r) => ({ rid: r.rid, org_id: r.orgId, fact: factArray(r.fact) })))],
  );
}

// A day read as its number since 1970-01-01 (a tenth of the database's work of formatting it, and
// the same whatever its DateStyle), back to AAAA-MM-JJ: a territory's facts hold a few thousand
// distinct days, each written once (the memory kept is bounded).
const jours = new Map<number, string>();
function jourDe(n: number): string {
  let jour = jours.get(n);
  if (jour === undefined) {
    if (jours.size >= 100_000) jours.clear();
    jours.set(n, (jour = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  }
  return jour;
}

/**
 * Each column's values as text joined by commas (booleans as one character each, absent values
 * empty), and back: a third fewer bytes than a JSON array per column for the database to write
 * and for Node to read, and no quoting.
 */
const AS_TEXT: Record<(typeof COLUMNS)[number][1], { sql: (column: string) => string; value?: (text: string) => unknown }> = {
  uuid: { sql: (c) => `string_agg(${c}::text, ',')` },
  smallint: { sql: (c) => `string_agg(${c}::text, ',')`, value: Number },
  text: { sql: (c) => `string_agg(coalesce(${c}, ''), ',')`, value: (t) => (t === '' ? null : t) },
  date: {
    sql: (c) => `string_agg(coalesce((${c} - date '1970-01-01')::text, ''), ',')`,
    value: (t) => (t === '' ? null : jourDe(Number(t))),
  },
  boolean: { sql: (c) => `string_agg(case when ${c} then '1' else '0' end, '')`, value: (t) => t === '1' },
  float8: { sql: (c) => `string_agg(coalesce(${c}::text, ''), ',')`, value: (t) => (t === '' ? null : Number(t)) },
};
const READ_FACTS = `select count(*)::int as n, ${COLUMNS.map(([column, type]) => `${AS_TEXT[type].sql(column)} as ${column}`).join(', ')}
  from proposal_facts where org_id = any($1::uuid[])`;

/** The columns of the facts of some organisations' proposals, as read (not yet checked). */
async function readColumns(db: Sql, organisationIds: readonly string[]): Promise<Record<string, unknown[]>> {
  const [row] = await db.query<{ n: number } & Record<string, string | null>>(READ_FACTS, [organisationIds]);
  return Object.fromEntries(
    COLUMNS.map(([column, type, key]) => {
      const text = row?.[column] ?? '';
      const values = row?.n ? (type === 'boolean' ? [...text] : text.split(',')) : [];
      const value = AS_TEXT[type].value;
      return [key, value ? values.map(value) : values];
    }),
  );
}

/**
 * The facts of the organisations' proposals: one row of a text per column (far cheaper to decode
 * and check than 200,000 rows), parsed by the facts' column schema. On PostgreSQL each
 * organisation's are read on a connection of its own, at the same time.
 */
export async function readFacts(db: Database, organisationIds: readonly string[]): Promise<FaitProposition[]> {
  const parts = await Promise.all(
    db.kind === 'postgres' ? organisationIds.map((id) => readColumns(db, [id])) : [readColumns(db, organisationIds)],
  );
  // `concat`, not `flatMap`: the latter copies 200,000 values one by one, slower than reading them.
  const columns = Object.fromEntries(COLUMNS.map(([, , key]) => [key, ([] as unknown[]).concat(...parts.map((p) => p[key] ?? []))]));
  return faitsDesColonnes(colonnesFaitsPropositionSchema.parse(columns));
}

/** Derives the facts of the proposals stored before migration 19, once (backfill.ts). */
export const backfillFacts = (db: Database): Promise<void> =>
  backfill(db, 'proposal_facts', ['propositions'], (tx, records) =>
    writeFacts(
      tx,
      records.flatMap((r) => {
        const fact = proposalFact(r.record_id, Object.entries(r.doc));
        return fact ? [{ rid: r.rid, orgId: r.org_id, fact }] : [];
      }),
    ),
  );
