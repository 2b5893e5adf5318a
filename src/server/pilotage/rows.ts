import { z } from 'zod';
import { CHAMPS_PILOTAGE, type EnregistrementsPilotage } from '../../domain/index.ts';
import { SYNCED_TABLES, recordFromFields, type SyncedTable } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import type { RecordState } from '../replication/records.ts';
import { backfill } from './backfill.ts';
import { plannedValues, type PlannedWrite } from './planned.ts';

// The records a report reads whole, cut to the fields the figures read (`CHAMPS_PILOTAGE`) and
// kept as such in `report_rows` (migration 20): one short JSON array per record, the id then the
// fields in order, derived at each push from the whole record (`reportRow`), in the statement that
// writes its fields (replication/write.ts). A report then reads a table's rows as one text the
// database only joins, instead of taking four to fourteen fields out of each record's JSON.
// A row is positional: changing these tables' fields in `CHAMPS_PILOTAGE` needs a migration step
// that empties `report_rows` and names its backfill again.

/** How a table is cut: its cut schema, and the fields of a row after the id. */
export type Cut = {
  schema: z.ZodObject;
  fields: readonly string[];
  /** The fields of a row after the id. */
  rowFields: readonly string[];
  /** For each of them, whether a null read is the value itself, else an absent field. */
  nullKept: readonly boolean[];
  /**
   * Kept as rows when no field is a map and a field stored as null means the same whether it is
   * null or absent: the schema refuses null (a null is an absent field), or gives null for an
   * absent one.
   */
  asRows: boolean;
};

// The proposals come as their facts (facts.ts).
export const REPORT_TABLES = (Object.keys(CHAMPS_PILOTAGE) as (keyof EnregistrementsPilotage & SyncedTable)[]).filter(
  (t) => t !== 'propositions',
);

export const CUTS: Record<string, Cut> = Object.fromEntries(
  REPORT_TABLES.map((t) => {
    const { shape } = SYNCED_TABLES[t].schema as z.ZodObject;
    const fields: readonly string[] = CHAMPS_PILOTAGE[t];
    const maps: readonly string[] = SYNCED_TABLES[t].mapFields;
    const rowFields = fields.filter((f) => f !== 'id');
    const kept = rowFields.map((f) => {
      const schema = shape[f] as z.ZodType;
      const absent = schema.safeParse(undefined);
      return { kept: schema.safeParse(null).success, same: absent.success && absent.data === null };
    });
    return [
      t,
      {
        schema: z.object(Object.fromEntries(fields.map((f) => [f, shape[f]]))),
        fields,
        rowFields,
        nullKept: kept.map((k) => k.kept),
        asRows: t !== 'bilansAnnuels' && fields.every((f) => !maps.includes(f)) && kept.every((k) => !k.kept || k.same),
      },
    ];
  }),
);

/** The tables kept as rows in `report_rows`. */
export const ROW_TABLES: readonly string[] = REPORT_TABLES.filter((t) => CUTS[t]?.asRows);

/** A row back to its cut record, parsed; null when the cut schema refuses it. */
export function recordOfRow(cut: Cut, values: readonly unknown[]): Record<string, unknown> | null {
  const record: Record<string, unknown> = { id: values[0] };
  cut.rowFields.forEach((f, i) => {
    const v = values[i + 1];
    if (v !== null || cut.nullKept[i]) record[f] = v;
  });
  const parsed = cut.schema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/**
 * A record's report row from its current fields; null when the table has none, or when the record
 * misses a field read here (a batch cut in two): it counts once complete.
 */
export function reportRow(table: string, recordId: string, fields: Iterable<readonly [string, unknown]>): unknown[] | null {
  const cut = CUTS[table];
  if (!cut?.asRows) return null;
  const parsed = cut.schema.safeParse(recordFromFields(recordId, fields));
  if (!parsed.success) return null;
  const record = parsed.data as Record<string, unknown>;
  return [record.id, ...cut.rowFields.map((f) => record[f] ?? null)];
}

/** The upsert of rows `select rid, org_id, tbl, row from …` (row not null, as text). */
export const upsertRows = (select: string) => `
  insert into report_rows (rid, org_id, tbl, row)
  select rid, org_id, tbl, row from (${select}) as s(rid, org_id, tbl, row)
  on conflict (rid) do update set (org_id, tbl, row) = (excluded.org_id, excluded.tbl, excluded.row)`;

export type PlannedRow = { record: RecordState; row: unknown[] | null };

/**
 * The rows of the records a push writes: each record's stored values (`stored`, by rid, none
 * for a new record) with the push's writes over them, as the read side will hold them.
 */
export function plannedRows(writes: Iterable<PlannedWrite>, stored: ReadonlyMap<number, Record<string, unknown>>): PlannedRow[] {
  return [...plannedValues(writes, stored, ROW_TABLES)].map(([record, fields]) => ({
    record,
    row: reportRow(record.table, record.recordId, fields),
  }));
}

/** Writes the rows of records whose rids are known (seeding, backfill). */
export async function writeRows(tx: Sql, rows: readonly { rid: number; orgId: string; table: string; row: unknown[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    upsertRows(`select x.rid, x.org_id, x.tbl, x.row from jsonb_to_recordset($1::jsonb) as x(rid bigint, org_id uuid, tbl text, row text)`),
    [JSON.stringify(rows.map((r) => ({ rid: r.rid, org_id: r.orgId, tbl: r.table, row: JSON.stringify(r.row) })))],
  );
}

/** A table's rows for some organisations and the rids of their records, in the same order. */
export type RowsRead = { rows: unknown[][]; rids: number[] };

/** A table's rows for some organisations, as one JSON text the database only joins. */
export async function readRows(db: Sql, table: string, organisationIds: readonly string[]): Promise<RowsRead> {
  const [found] = await db.query<{ rows: string | null; rids: string | null }>(
    `select string_agg(row, ',') as rows, string_agg(rid::text, ',') as rids from report_rows where org_id = any($1::uuid[]) and tbl = $2`,
    [organisationIds, table],
  );
  return found?.rows && found.rids
    ? { rows: JSON.parse(`[${found.rows}]`) as unknown[][], rids: JSON.parse(`[${found.rids}]`) as number[] }
    : { rows: [], rids: [] };
}

/** The record id of each rid read (a row's first value), as the proposals' facts name them (facts.ts). */
export function recordIdsOf(read: readonly RowsRead[]): Map<number, string> {
  const ids = new Map<number, string>();
  for (const { rows, rids } of read) rids.forEach((rid, i) => ids.set(rid, rows[i]?.[0] as string));
  return ids;
}

/** Derives the rows of the records stored before migration 20, once (backfill.ts). */
export const backfillRows = (db: Database): Promise<void> =>
  backfill(db, 'report_rows', ROW_TABLES, (tx, records) =>
    writeRows(
      tx,
      records.flatMap((r) => {
        const row = reportRow(r.tbl, r.record_id, Object.entries(r.doc));
        return row ? [{ rid: r.rid, orgId: r.org_id, table: r.tbl, row }] : [];
      }),
    ),
  );
