import { z } from 'zod';
import {
  DONNEES_VIDES,
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  reglagesTerritoireSchema,
  type DonneesPilotage,
  type ReglagesPilotage,
} from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, recordFromFields, splitField } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { readFacts } from './facts.ts';
import { CUTS, REPORT_TABLES, ROW_TABLES, readRows, recordIdsOf, recordOfRow, type Cut, type RowsRead } from './rows.ts';

// The records a steering report is computed from, for a set of organisations, read from the
// read side (`record_values`: one row per record with its current values, kept in step with the
// fields by every write) and parsed with the sync's schemas cut to the fields the figures read
// (`CHAMPS_PILOTAGE`): the report then runs the domain's own functions, never a second definition
// in SQL. The proposals come as their facts (facts.ts), and the tables without a map field as
// their report rows (rows.ts), both kept at each push.

/** A table's records, each cut in the database to the fields read here (a map's entries are cut once decoded). */
const READ_TABLE = `select record_id, doc - $3::text[] as doc from record_values where org_id = any($1::uuid[]) and tbl = $2`;
/** The yearly reviews: the organisations' own, and their territory's wherever it is kept. */
const READ_REVIEWS = `${READ_TABLE}
  union all
  select v.record_id, v.doc - $3::text[] from records b join record_values v on v.rid = b.rid
  where b.tbl = $2 and b.org_id <> all($1::uuid[])
    and b.territory_id in (select territory_id from organisations where id = any($1::uuid[]))`;

/** The fields of each table's schema that no figure reads, cut in the database. */
const UNREAD: Record<string, string[]> = Object.fromEntries(
  REPORT_TABLES.map((t) => [t, Object.keys((SYNCED_TABLES[t].schema as z.ZodObject).shape).filter((f) => !CUTS[t]?.fields.includes(f))]),
);

type RecordRow = { record_id: string; doc: Record<string, unknown> };

async function readTable(
  db: Sql,
  t: string,
  cut: Cut,
  organisationIds: readonly string[],
  rowsRead?: Promise<RowsRead>,
): Promise<unknown[]> {
  // A record still missing a required field read here (a batch cut in two) has no row, or is left out until complete.
  if (rowsRead) return (await rowsRead).rows.flatMap((values) => recordOfRow(cut, values) ?? []);
  const rows = await db.query<RecordRow>(t === 'bilansAnnuels' ? READ_REVIEWS : READ_TABLE, [organisationIds, t, UNREAD[t]]);
  const names = new Set(cut.fields);
  // A map field (`avis.GTR`) is stored under its name and key: only the maps read here are rebuilt.
  return rows.flatMap((r) => {
    const record = recordFromFields(
      r.record_id,
      Object.entries(r.doc).filter(([field]) => names.has(splitField(field).name)),
    );
    const parsed = cut.schema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadReportData(db: Database, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  // The yearly review is the territory's, whoever wrote it first (docs/pilotage.md), with the names
  // of the territory's organisations as they are now.
  const rowsRead = new Map(ROW_TABLES.map((t) => [t, readRows(db, t, organisationIds)]));
  // The proposals' facts name their household and offer by the rid of its record, the ids of which come with the rows.
  const named = Promise.all(['menages', 'offres'].flatMap((t) => rowsRead.get(t) ?? [])).then(recordIdsOf);
  const [tables, propositions, organisations] = await Promise.all([
    Promise.all(
      REPORT_TABLES.map(async (t) => [t, CUTS[t] ? await readTable(db, t, CUTS[t], organisationIds, rowsRead.get(t)) : []] as const),
    ),
    readFacts(db, organisationIds, named),
    db.query<{ id: string; name: string }>(
      `select id::text as id, name from organisations where territory_id in (select territory_id from organisations where id = any($1::uuid[]))`,
      [organisationIds],
    ),
  ]);
  return { ...(Object.fromEntries(tables) as unknown as Omit<DonneesPilotage, 'propositions'>), propositions, organisations };
}

/** The objectives set in the organisation's territory settings, else the charter's. */
export async function loadReportSettings(db: Sql, organisationId: string): Promise<ReglagesPilotage> {
  const rows = await db.query<{ field: string; value: unknown }>(
    `select f.field, f.value from records r join fields f on f.rid = r.rid where r.tbl = 'parametres' and r.org_id = $1 and r.record_id = 'territoire'`,
    [organisationId],
  );
  const row = rows.reduce<Record<string, unknown>>((acc, f) => applyField(acc, f.field, f.value), { id: 'territoire' });
  return reglagesTerritoireSchema.safeParse(row).data?.pilotage ?? REGLAGES_PILOTAGE_PAR_DEFAUT;
}
