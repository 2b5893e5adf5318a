import { z } from 'zod';
import {
  CHAMPS_PILOTAGE,
  DONNEES_VIDES,
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  reglagesTerritoireSchema,
  type DonneesPilotage,
  type EnregistrementsPilotage,
  type ReglagesPilotage,
} from '../../domain/index.ts';
import { SYNCED_TABLES, applyField, recordFromFields, splitField, type SyncedTable } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { readFacts } from './facts.ts';

// The records a steering report is computed from, for a set of organisations, read from the
// read side (`record_values`: one row per record with its current values, kept in step with the
// fields by every write) and parsed with the sync's schemas cut to the fields the figures read
// (`CHAMPS_PILOTAGE`): the report then runs the domain's own functions, never a second definition
// in SQL.

// The proposals come as their facts, kept at each push (facts.ts).
const TABLES = (Object.keys(CHAMPS_PILOTAGE) as (keyof EnregistrementsPilotage & SyncedTable)[]).filter((t) => t !== 'propositions');

type Read = {
  schema: z.ZodObject;
  fields: readonly string[];
  unread: readonly string[];
  /**
   * Read as one JSON array of rows, each the id then the fields in order (`ROWS`), when no field
   * is a map and a field read as null means the same whether it is stored null or absent: the
   * schema refuses null (a null read is an absent field: the server stores only valid values), or
   * gives null for an absent one.
   */
  asRows: boolean;
  /** The fields of a row after the id. */
  rowFields: readonly string[];
  /** For each of them, whether a null read is the value itself, else an absent field. */
  nullKept: readonly boolean[];
};
const READ: Record<string, Read> = Object.fromEntries(
  TABLES.map((t) => {
    const { shape } = SYNCED_TABLES[t].schema as z.ZodObject;
    const fields: readonly string[] = CHAMPS_PILOTAGE[t];
    const unread = Object.keys(shape).filter((f) => !fields.includes(f));
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
        unread,
        asRows: t !== 'bilansAnnuels' && fields.every((f) => !maps.includes(f)) && kept.every((k) => !k.kept || k.same),
        rowFields,
        nullKept: kept.map((k) => k.kept),
      },
    ];
  }),
);

/** A table's records, each cut in the database to the fields read here (a map's entries are cut once decoded). */
const READ_TABLE = `select record_id, doc - $3::text[] as doc from record_values where org_id = any($1::uuid[]) and tbl = $2`;
/** A table's records as one JSON array of rows: a fifth of the bytes of the cut records, for the database and for Node. */
const ROWS = (fields: number) =>
  `select coalesce(json_agg(json_build_array(record_id${Array.from({ length: fields }, (_, i) => `, doc -> ($3::text[])[${i + 1}]`).join('')})), '[]') as rows
   from record_values where org_id = any($1::uuid[]) and tbl = $2`;
/** The yearly reviews: the organisations' own, and their territory's wherever it is kept. */
const READ_REVIEWS = `${READ_TABLE}
  union all
  select v.record_id, v.doc - $3::text[] from records b join record_values v on v.rid = b.rid
  where b.tbl = $2 and b.org_id <> all($1::uuid[])
    and b.territory_id in (select territory_id from organisations where id = any($1::uuid[]))`;

type RecordRow = { record_id: string; doc: Record<string, unknown> };

async function readTable(db: Sql, t: string, read: Read, organisationIds: readonly string[]): Promise<unknown[]> {
  const parsed: unknown[] = [];
  // A record still missing a required field read here (a batch cut in two) is left out until complete.
  const keep = (record: Record<string, unknown>) => {
    const r = read.schema.safeParse(record);
    if (r.success) parsed.push(r.data);
  };
  if (read.asRows) {
    const [row] = await db.query<{ rows: unknown[][] }>(ROWS(read.rowFields.length), [organisationIds, t, read.rowFields]);
    const { rowFields: fields, nullKept } = read;
    for (const values of row?.rows ?? []) {
      const record: Record<string, unknown> = { id: values[0] };
      fields.forEach((f, i) => {
        const v = values[i + 1];
        if (v !== null || nullKept[i]) record[f] = v;
      });
      keep(record);
    }
    return parsed;
  }
  const rows = await db.query<RecordRow>(t === 'bilansAnnuels' ? READ_REVIEWS : READ_TABLE, [organisationIds, t, read.unread]);
  const names = new Set(read.fields);
  for (const r of rows)
    // A map field (`avis.GTR`) is stored under its name and key: only the maps read here are rebuilt.
    keep(
      recordFromFields(
        r.record_id,
        Object.entries(r.doc).filter(([field]) => names.has(splitField(field).name)),
      ),
    );
  return parsed;
}

export async function loadReportData(db: Database, organisationIds: readonly string[]): Promise<DonneesPilotage> {
  if (organisationIds.length === 0) return DONNEES_VIDES;
  // The yearly review is the territory's, whoever wrote it first (docs/pilotage.md), with the names
  // of the territory's organisations as they are now.
  const [tables, propositions, organisations] = await Promise.all([
    Promise.all(TABLES.map(async (t) => [t, READ[t] ? await readTable(db, t, READ[t], organisationIds) : []] as const)),
    readFacts(db, organisationIds),
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
