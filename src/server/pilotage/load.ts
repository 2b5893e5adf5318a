import { z } from 'zod';
import {
  CHAMPS_PILOTAGE,
  DONNEES_VIDES,
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  reglagesTerritoireSchema,
  type DonneesPilotage,
  type ReglagesPilotage,
} from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, type SyncedTable } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';

// The records a steering report is computed from, for a set of organisations, rebuilt from the
// stored fields the figures read (`CHAMPS_PILOTAGE`) and parsed with the sync's schemas cut to
// those fields: the report then runs the domain's own functions, never a second definition in SQL.

const TABLES = Object.keys(CHAMPS_PILOTAGE) as (keyof DonneesPilotage & SyncedTable)[];
// The fields asked for, all tables together (a plain list keeps PGlite's plan simple; the parse
// drops what a table does not read). A map field (`avis.GTR`) is stored under its name and key.
const FIELDS = [...new Set(TABLES.flatMap((t) => CHAMPS_PILOTAGE[t]))];
const SCHEMAS = Object.fromEntries(
  TABLES.map((t) => {
    const { shape } = SYNCED_TABLES[t].schema as z.ZodObject;
    return [t, z.object(Object.fromEntries(CHAMPS_PILOTAGE[t].map((f) => [f, shape[f]])))];
  }),
);

type RecordRow = { tbl: string; record_id: string; fields: Record<string, unknown> };

export async function loadReportData(db: Database, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  // One row per record: far fewer rows to carry than one per field. `org_id = any(uuid[])` keeps
  // to the index on (org_id, tbl).
  // Grouping a territory's fields by record overflows the default 4 MB of sort memory into
  // temporary files (several times slower on PGlite): this one query gets more.
  const rows = await db.transaction(async (tx) => {
    await tx.query(`set local work_mem = '128MB'`);
    return tx.query<RecordRow>(
      `select r.tbl, r.record_id, jsonb_object_agg(f.field, f.value) as fields
       from records r join fields f on f.rid = r.rid
      where r.org_id = any($1::uuid[]) and r.tbl = any($2::text[]) and split_part(f.field, '.', 1) = any($3::text[])
      group by r.rid, r.tbl, r.record_id`,
      [organisationIds, TABLES, FIELDS],
    );
  });
  const data: Record<string, unknown[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (const r of rows) {
    const tbl = r.tbl as SyncedTable;
    const row = Object.entries(r.fields).reduce<Record<string, unknown>>(
      (acc, [field, value]) => (field.includes('.') ? applyField(acc, field, value) : Object.assign(acc, { [field]: value })),
      { id: r.record_id },
    );
    // A record still missing a required field read here (a batch cut in two) is left out until complete.
    const parsed = SCHEMAS[tbl]?.safeParse(row);
    if (parsed?.success) data[tbl]?.push(parsed.data);
  }
  return data as unknown as DonneesPilotage;
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
