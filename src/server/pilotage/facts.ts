import {
  CHIFFRES_SIMULATION,
  colonnesFaitsPropositionSchema,
  faitDeProposition,
  faitsDesColonnes,
  type FaitProposition,
} from '../../domain/index.ts';
import { SYNCED_TABLES, recordFromFields } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import type { RecordState } from '../replication/records.ts';
import { backfill } from './backfill.ts';
import { plannedValues, type PlannedWrite } from './planned.ts';

// The proposals' facts (src/domain/pilotage/faits.ts) as the server keeps them in
// `proposal_facts`: derived by the domain from the whole record at each push, in the statement
// that writes its fields (replication/write.ts), kept as one short text per proposal, read back
// by a territory's report as one text the database only joins, and parsed with the facts' own
// schema (docs/pilotage.md).
//
// A fact's text is its values as JSON, joined by commas (no brackets: the facts of a report read
// as one flat JSON array): the proposal's id, its household and its offer, then `rang`, the days
// as their number since 1970-01-01, the four booleans as the bits of one integer, the refusal's
// author and day, and the six figures of the simulation only when one of them is set (a fifth
// bit). The household and the offer are named by the rid of their record when the write finds it
// (a number of a few digits instead of a uuid, which the report turns back into the same id from
// the records it reads), else by their id.

/** A proposal's facts from its current fields; null when deleted, or not complete yet (a batch cut in two). */
export function proposalFact(recordId: string, fields: Iterable<readonly [string, unknown]>): FaitProposition | null {
  const record = SYNCED_TABLES.propositions.schema.safeParse(recordFromFields(recordId, fields));
  return record.success ? faitDeProposition(record.data) : null;
}

const FLAGS = ['retiree', 'comptee', 'temporaire', 'refusLegitime'] as const satisfies readonly (keyof FaitProposition)[];
const WITH_SIMULATION = 1 << FLAGS.length;
/** The values of a fact before the simulation's: id, household, offer, rang, day, lease, flags, refusal's author and day. */
const FIXED = 9;
const FLAGS_AT = 6;

const DAY = 86_400_000;
const dayNumber = (day: string | null) => (day === null ? null : Date.parse(`${day}T00:00:00Z`) / DAY);

// A day back from its number: a territory's facts hold a few thousand distinct days, each
// formatted once (the memory kept is bounded).
const jours = new Map<number, string>();
function jourDe(n: number): string {
  let jour = jours.get(n);
  if (jour === undefined) {
    if (jours.size >= 100_000) jours.clear();
    jours.set(n, (jour = new Date(n * DAY).toISOString().slice(0, 10)));
  }
  return jour;
}
/** A day read: a number of days, else left as read (null, or a value for the facts' schema to refuse). */
const dayRead = (v: unknown) => (Number.isInteger(v) ? jourDe(v as number) : v);

/** What a fact's text holds after its id, household and offer, as JSON values joined by commas. */
export function factTail(f: FaitProposition): string {
  const flags = FLAGS.reduce((bits, key, i) => (f[key] ? bits | (1 << i) : bits), 0);
  const simulation = CHIFFRES_SIMULATION.some((key) => f[key] !== null);
  const values = [
    f.rang,
    dayNumber(f.proposeeLe),
    dayNumber(f.bailSigneLe),
    simulation ? flags | WITH_SIMULATION : flags,
    f.refusPar,
    dayNumber(f.refusLe),
  ];
  return JSON.stringify(simulation ? [...values, ...CHIFFRES_SIMULATION.map((key) => f[key])] : values).slice(1, -1);
}

/**
 * A household's or offer's reference in a fact's text: the rid of its record, looked for among the
 * records stored and, for a push, those it creates (`created`, with tbl, scope, record_id and rid);
 * else its id as JSON. A household is kept under no organisation; an offer under the organisation
 * that wrote it, one of the proposal's territory (a pooled offer).
 */
function reference(table: 'menages' | 'offres', id: string, orgId: string, created?: string): string {
  const scope =
    table === 'menages'
      ? `= ''`
      : `= any(array(select o.id::text from organisations o where o.id = ${orgId} or o.territory_id = (select t.territory_id from organisations t where t.id = ${orgId})))`;
  const where = (source: string) =>
    `(select min(r.rid)::text from ${source} r where r.tbl = '${table}' and r.scope ${scope} and r.record_id = ${id})`;
  return `coalesce(${where('records')}, ${created ? `${where(created)}, ` : ''}to_json(${id})::text)`;
}

/**
 * The upsert of facts from `select rid, org_id, record_id, menage_id, offre_id, tail from …`
 * (tail: factTail), with the records a push creates when it writes them (`created`).
 */
export const upsertFacts = (select: string, created?: string) => `
  insert into proposal_facts (rid, org_id, fact)
  select s.rid, s.org_id, concat_ws(',', to_json(s.record_id)::text, ${reference('menages', 's.menage_id', 's.org_id', created)},
    ${reference('offres', 's.offre_id', 's.org_id', created)}, s.tail)
  from (${select}) as s(rid, org_id, record_id, menage_id, offre_id, tail)
  on conflict (rid) do update set (org_id, fact) = (excluded.org_id, excluded.fact)`;

/** What the upserts take of a fact besides its record, as written in JSON for jsonb_to_recordset. */
export const factRow = (f: FaitProposition) => ({ menage_id: f.menageId, offre_id: f.offreId, tail: factTail(f) });
/** The columns of `factRow` for jsonb_to_recordset. */
export const FACT_ROW_COLUMNS = 'menage_id text, offre_id text, tail text';

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
    upsertFacts(
      `select x.rid, x.org_id, x.record_id, x.menage_id, x.offre_id, x.tail from jsonb_to_recordset($1::jsonb) as x(rid bigint, org_id uuid, record_id text, ${FACT_ROW_COLUMNS})`,
    ),
    [JSON.stringify(rows.map((r) => ({ rid: r.rid, org_id: r.orgId, record_id: r.fact.id, ...factRow(r.fact) })))],
  );
}

/** The record ids of some rids: those of the households and offers a report has read. */
export type RecordIds = ReadonlyMap<number, string>;

/** Where each fact starts among the flat values, and the rids of households and offers that `ids` does not hold. */
function scan(values: readonly unknown[], ids: RecordIds): { starts: number[]; unknown: number[] } {
  const starts: number[] = [];
  const unknown = new Set<number>();
  for (let i = 0; i < values.length;) {
    starts.push(i);
    for (const v of [values[i + 1], values[i + 2]]) if (typeof v === 'number' && !ids.has(v)) unknown.add(v);
    const flags = values[i + FLAGS_AT];
    // Flags that are not an integer: the values are not facts, and where the next one starts is unknown.
    if (!Number.isInteger(flags)) throw new Error('Faits de proposition illisibles.');
    i += FIXED + ((flags as number) & WITH_SIMULATION ? CHIFFRES_SIMULATION.length : 0);
  }
  return { starts, unknown: [...unknown] };
}

/**
 * The facts' flat values back to columns, each household and offer named by its id (`ids`, or
 * `more` for those a report has not read), for the facts' column schema to check.
 */
function columnsOf(
  values: readonly unknown[],
  starts: readonly number[],
  ids: RecordIds,
  more: RecordIds,
): Record<keyof FaitProposition, unknown[]> {
  const n = starts.length;
  const column = () => new Array<unknown>(n);
  const c: Record<keyof FaitProposition, unknown[]> = {
    id: column(),
    menageId: column(),
    offreId: column(),
    rang: column(),
    proposeeLe: column(),
    bailSigneLe: column(),
    retiree: column(),
    refusPar: column(),
    refusLe: column(),
    comptee: column(),
    temporaire: column(),
    refusLegitime: column(),
    racAvant: column(),
    racApres: column(),
    teAvant: column(),
    teApres: column(),
    ravAvant: column(),
    ravApres: column(),
  };
  // A record erased since (a household erased by another organisation than the proposal's) names
  // no record the report reads, as its id did: the proposal counts as one whose household or offer is unknown.
  const idOf = (v: unknown) => (typeof v === 'number' ? (ids.get(v) ?? more.get(v) ?? `erased ${v}`) : v);
  for (let f = 0; f < n; f += 1) {
    const i = starts[f] as number;
    const flags = values[i + FLAGS_AT] as number;
    c.id[f] = values[i];
    c.menageId[f] = idOf(values[i + 1]);
    c.offreId[f] = idOf(values[i + 2]);
    c.rang[f] = values[i + 3];
    c.proposeeLe[f] = dayRead(values[i + 4]);
    c.bailSigneLe[f] = dayRead(values[i + 5]);
    for (let bit = 0; bit < FLAGS.length; bit += 1) c[FLAGS[bit] as (typeof FLAGS)[number]][f] = (flags & (1 << bit)) !== 0;
    c.refusPar[f] = values[i + 7];
    c.refusLe[f] = dayRead(values[i + 8]);
    const simulation = (flags & WITH_SIMULATION) !== 0;
    for (let k = 0; k < CHIFFRES_SIMULATION.length; k += 1)
      c[CHIFFRES_SIMULATION[k] as (typeof CHIFFRES_SIMULATION)[number]][f] = simulation ? values[i + FIXED + k] : null;
  }
  return c;
}

/** The facts' texts of some organisations, joined as one JSON array (not yet checked). */
async function readValues(db: Sql, organisationIds: readonly string[]): Promise<unknown[]> {
  const [row] = await db.query<{ facts: string | null }>(
    `select string_agg(fact, ',') as facts from proposal_facts where org_id = any($1::uuid[])`,
    [organisationIds],
  );
  return row?.facts ? (JSON.parse(`[${row.facts}]`) as unknown[]) : [];
}

/**
 * The facts of the organisations' proposals, parsed by the facts' column schema: one text the
 * database only joins. `ids` names the households and offers the report reads (their rids), given
 * when read, alongside; the others are looked up. On PostgreSQL each organisation's are read on a
 * connection of its own, at the same time.
 */
export async function readFacts(
  db: Database,
  organisationIds: readonly string[],
  ids: Promise<RecordIds> | RecordIds = new Map(),
): Promise<FaitProposition[]> {
  const [parts, named] = await Promise.all([
    Promise.all(db.kind === 'postgres' ? organisationIds.map((id) => readValues(db, [id])) : [readValues(db, organisationIds)]),
    ids,
  ]);
  // `concat`, not `flatMap`: the latter copies hundreds of thousands of values one by one.
  const values = ([] as unknown[]).concat(...parts);
  const { starts, unknown } = scan(values, named);
  const more =
    unknown.length === 0
      ? new Map<number, string>()
      : new Map(
          (
            await db.query<{ rid: string; record_id: string }>('select rid, record_id from records where rid = any($1::bigint[])', [
              unknown,
            ])
          ).map((r) => [Number(r.rid), r.record_id]),
        );
  return faitsDesColonnes(colonnesFaitsPropositionSchema.parse(columnsOf(values, starts, named, more)));
}

/** Derives the facts of the proposals stored before migration 21, once (backfill.ts). */
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
