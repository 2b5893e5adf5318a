import { z } from 'zod';
import {
  CHAMPS_PILOTAGE,
  DONNEES_VIDES,
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  reglagesTerritoireSchema,
  type DonneesPilotage,
  type ReglagesPilotage,
} from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, recordFromFields, splitField, type SyncedTable } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';

// The records a steering report is computed from, for a set of organisations, read from the
// read side (`record_values`: one row per record with its current values, kept in step with the
// fields by every write) and parsed with the sync's schemas cut to the fields the figures read
// (`CHAMPS_PILOTAGE`): the report then runs the domain's own functions, never a second definition
// in SQL.

const TABLES = Object.keys(CHAMPS_PILOTAGE) as (keyof DonneesPilotage & SyncedTable)[];
const READ: Record<string, { schema: z.ZodObject; fields: ReadonlySet<string> }> = Object.fromEntries(
  TABLES.map((t) => {
    const { shape } = SYNCED_TABLES[t].schema as z.ZodObject;
    const fields: readonly string[] = CHAMPS_PILOTAGE[t];
    return [t, { schema: z.object(Object.fromEntries(fields.map((f) => [f, shape[f]]))), fields: new Set(fields) }];
  }),
);

type RecordRow = { tbl: string; record_id: string; doc: Record<string, unknown> };

export async function loadReportData(db: Database, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  // `org_id = any(uuid[])` keeps to the index on (org_id, tbl).
  // The yearly review is the territory's, whoever wrote it first (docs/pilotage.md), with the names
  // of the territory's organisations as they are now.
  const [rows, organisations] = await Promise.all([
    db.query<RecordRow>(
      `select tbl, record_id, doc from record_values where org_id = any($1::uuid[]) and tbl = any($2::text[])
       union all
       select v.tbl, v.record_id, v.doc from records b join record_values v on v.rid = b.rid
         where b.tbl = 'bilansAnnuels' and b.org_id <> all($1::uuid[])
           and b.territory_id in (select territory_id from organisations where id = any($1::uuid[]))`,
      [organisationIds, TABLES],
    ),
    db.query<{ id: string; name: string }>(
      `select id::text as id, name from organisations where territory_id in (select territory_id from organisations where id = any($1::uuid[]))`,
      [organisationIds],
    ),
  ]);
  const data: Record<string, unknown[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (const r of rows) {
    const read = READ[r.tbl];
    if (!read) continue;
    // Only the fields read here are rebuilt: a map field (`avis.GTR`) is stored under its name and key.
    const fields = Object.entries(r.doc).filter(([field]) => read.fields.has(splitField(field).name));
    // A record still missing a required field read here (a batch cut in two) is left out until complete.
    const parsed = read.schema.safeParse(recordFromFields(r.record_id, fields));
    if (parsed.success) data[r.tbl]?.push(parsed.data);
  }
  return { ...(data as unknown as DonneesPilotage), organisations };
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
