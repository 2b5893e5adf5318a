import { z } from 'zod';
import {
  CHAMPS_PILOTAGE,
  DONNEES_VIDES,
  faitsDesPropositions,
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  reglagesTerritoireSchema,
  type DonneesPilotage,
  type EnregistrementsPilotage,
  type Proposition,
  type ReglagesPilotage,
} from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, recordFromFields, splitField, type SyncedTable } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';

// The records a steering report is computed from, for a set of organisations, read from the
// read side (`record_values`: one row per record with its current values, kept in step with the
// fields by every write) and parsed with the sync's schemas cut to the fields the figures read
// (`CHAMPS_PILOTAGE`): the report then runs the domain's own functions, never a second definition
// in SQL.

const TABLES = Object.keys(CHAMPS_PILOTAGE) as (keyof EnregistrementsPilotage & SyncedTable)[];
const READ: Record<string, { schema: z.ZodObject; fields: ReadonlySet<string>; unread: readonly string[] }> = Object.fromEntries(
  TABLES.map((t) => {
    const { shape } = SYNCED_TABLES[t].schema as z.ZodObject;
    const fields: readonly string[] = CHAMPS_PILOTAGE[t];
    const unread = Object.keys(shape).filter((f) => !fields.includes(f));
    return [t, { schema: z.object(Object.fromEntries(fields.map((f) => [f, shape[f]]))), fields: new Set(fields), unread }];
  }),
);

// A proposal's simulation is a whole snapshot, of which the figures read only the before and after
// (`avantApres`): the rest stays in the database.
const CUT_SIMULATION = `jsonb_build_object('resultat', jsonb_build_object('avant', doc #> '{simulation,resultat,avant}', 'apres', doc #> '{simulation,resultat,apres}'))`;
/** A table's records, each cut in the database to the fields read here (a map's entries are cut once decoded). */
const READ_TABLE = `
  select record_id, case when doc ? 'simulation' and doc -> 'simulation' <> 'null' then doc - $3::text[] || jsonb_build_object('simulation', ${CUT_SIMULATION})
                         else doc - $3::text[] end as doc
  from record_values where org_id = any($1::uuid[]) and tbl = $2`;
/** The yearly reviews: the organisations' own, and their territory's wherever it is kept. */
const READ_REVIEWS = `${READ_TABLE}
  union all
  select v.record_id, v.doc - $3::text[] from records b join record_values v on v.rid = b.rid
  where b.tbl = $2 and b.org_id <> all($1::uuid[])
    and b.territory_id in (select territory_id from organisations where id = any($1::uuid[]))`;

type RecordRow = { record_id: string; doc: Record<string, unknown> };

export async function loadReportData(db: Database, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  // The yearly review is the territory's, whoever wrote it first (docs/pilotage.md), with the names
  // of the territory's organisations as they are now.
  const [tables, organisations] = await Promise.all([
    Promise.all(
      TABLES.map(async (t) => {
        const read = READ[t];
        if (!read) return [t, []] as const;
        const rows = await db.query<RecordRow>(t === 'bilansAnnuels' ? READ_REVIEWS : READ_TABLE, [organisationIds, t, read.unread]);
        const parsed: unknown[] = [];
        for (const r of rows) {
          // A map field (`avis.GTR`) is stored under its name and key: only the maps read here are rebuilt.
          const fields = Object.entries(r.doc).filter(([field]) => read.fields.has(splitField(field).name));
          // A record still missing a required field read here (a batch cut in two) is left out until complete.
          const record = read.schema.safeParse(recordFromFields(r.record_id, fields));
          if (record.success) parsed.push(record.data);
        }
        return [t, parsed] as const;
      }),
    ),
    db.query<{ id: string; name: string }>(
      `select id::text as id, name from organisations where territory_id in (select territory_id from organisations where id = any($1::uuid[]))`,
      [organisationIds],
    ),
  ]);
  const enregistrements = Object.fromEntries(tables) as unknown as EnregistrementsPilotage;
  return { ...enregistrements, propositions: faitsDesPropositions(enregistrements.propositions as Proposition[]), organisations };
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
