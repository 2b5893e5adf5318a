import { DONNEES_VIDES, REGLAGES_PILOTAGE_PAR_DEFAUT, reglagesTerritoireSchema, type DonneesPilotage, type ReglagesPilotage } from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, type SyncedTable } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// The records a steering report is computed from, for a set of organisations, rebuilt from their
// stored fields and parsed with the same schemas as the sync: the report then runs the domain's
// own functions, never a second definition in SQL.

const TABLES = ['menages', 'residences', 'operations', 'offres', 'propositions', 'mediations', 'enquetes'] as const satisfies readonly (keyof DonneesPilotage & SyncedTable)[];

type FieldRow = { tbl: string; record_id: string; rid: number; field: string; value: unknown };

export async function loadReportData(db: Sql, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  const rows = await db.query<FieldRow>(
    `select r.tbl, r.record_id, r.rid, f.field, f.value
       from records r join fields f on f.rid = r.rid
      where r.org_id::text = any($1::text[]) and r.tbl = any($2::text[])
      order by r.rid`,
    [organisationIds, TABLES],
  );
  const records = new Map<number, { tbl: SyncedTable; row: Record<string, unknown> }>();
  for (const f of rows) {
    const current = records.get(f.rid) ?? { tbl: f.tbl as SyncedTable, row: { id: f.record_id } };
    current.row = applyField(current.row, f.field, f.value);
    records.set(f.rid, current);
  }
  const data: Record<string, unknown[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (const { tbl, row } of records.values()) {
    // A record still missing required fields (a batch cut in two) is left out until complete.
    const parsed = SYNCED_TABLES[tbl].schema.safeParse(row);
    if (parsed.success) data[tbl]?.push(parsed.data);
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
