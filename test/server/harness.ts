import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrations.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { pgliteTemplate } from '../../src/server/testing.ts';
import { proposalFact, readFacts } from '../../src/server/pilotage/facts.ts';
import { ROW_TABLES, reportRow } from '../../src/server/pilotage/rows.ts';
import { SNAPSHOT_RECORDS } from '../../src/server/replication/snapshot-records.ts';

// Every server suite runs on PGlite and, when TEST_DATABASE_URL is set, on a real PostgreSQL
// server, each suite in a schema of its own. In CI a missing TEST_DATABASE_URL fails the
// PostgreSQL variant instead of skipping it.

/** `open(until)` migrates up to step `until` (all by default). */
export type Backend = { name: 'pglite' | 'postgres'; open: (until?: number) => Promise<{ db: Database; close: () => Promise<void> }> };

const pglite: Backend = {
  name: 'pglite',
  open: async (until) => {
    const db = await openPglite({ template: await pgliteTemplate() });
    await migrate(db, until);
    return { db, close: () => db.close() };
  },
};

function postgres(url: string): Backend {
  return {
    name: 'postgres',
    open: async (until) => {
      const schema = `test_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const db = openPostgres(url, { schema, max: 4 });
      await migrate(db, until);
      return {
        db,
        close: async () => {
          await db.close();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  };
}

const missingInCi: Backend = {
  name: 'postgres',
  open: () => Promise.reject(new Error('TEST_DATABASE_URL manque : en CI, les tests du serveur doivent aussi tourner sur PostgreSQL.')),
};

export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return [pglite, postgres(url)];
  return process.env.CI ? [pglite, missingInCi] : [pglite];
}

/** Opens the backend's database (migrated up to step `until`) before the suite's tests and closes it after them. */
export function useDatabase(backend: Backend, until?: number): { readonly db: Database } {
  let opened: { db: Database; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await backend.open(until);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get db() {
      if (!opened) throw new Error('Database used outside of a test');
      return opened.db;
    },
  };
}

/** Deletes every household and what hangs on it; accounts and reference data stay. */
export async function resetHouseholds(db: Database): Promise<void> {
  // Deleting a few rows is much faster than truncating on PGlite.
  await db.exec(`
    delete from blob_refs; delete from conflicts; delete from applied_changes; delete from assignments;
    delete from fields where rid in (select rid from records where menage_id is not null);
    delete from record_values where rid in (select rid from records where menage_id is not null);
    delete from proposal_facts where rid in (select rid from records where menage_id is not null);
    delete from report_rows where rid in (select rid from records where menage_id is not null);
    delete from records where menage_id is not null;`);
}

/**
 * The records whose read-side row (`record_values`) is not exactly their record and its fields
 * (their values, and the record as a snapshot gives it), the
 * proposals whose facts are not those the domain derives from their fields, and the read-side rows
 * left without a record: none, whatever was written or erased.
 */
export async function readSideMismatches(db: Database): Promise<string[]> {
  const rows = await db.query<{ record_id: string }>(
    `select coalesce(r.record_id, v.record_id) as record_id
     from records r full join record_values v on v.rid = r.rid
     where r.rid is null or v.rid is null or (v.org_id, v.tbl, v.record_id) <> (r.org_id, r.tbl, r.record_id)
       or v.doc is distinct from (select jsonb_object_agg(f.field, f.value) from fields f where f.rid = r.rid)
       or v.snapshot_record::text is distinct from (
         select s.snapshot_record::text
         from (${SNAPSHOT_RECORDS('select f.rid, r.tbl, r.record_id, f.field, f.value, f.hlc, f.seq from fields f where f.rid = r.rid')}) s)
     order by 1`,
  );
  const proposals = await db.query<{ org_id: string; record_id: string; doc: Record<string, unknown> | null }>(
    `select r.org_id::text, r.record_id, (select jsonb_object_agg(f.field, f.value) from fields f where f.rid = r.rid) as doc
     from records r where r.tbl = 'propositions'`,
  );
  const orphans = await db.query<{ record_id: string }>(
    `select x.rid::text as record_id from proposal_facts x where not exists (select 1 from records r where r.rid = x.rid and r.tbl = 'propositions')`,
  );
  const expected = new Map<string, string>();
  for (const p of proposals) {
    const fact = proposalFact(p.record_id, Object.entries(p.doc ?? {}));
    if (fact) expected.set(`${p.org_id}|${p.record_id}`, JSON.stringify(fact));
  }
  const facts = new Map<string, string>();
  for (const org of new Set(proposals.map((p) => p.org_id)))
    for (const fact of await readFacts(db, [org])) facts.set(`${org}|${fact.id}`, JSON.stringify(fact));
  const wrongFacts = [...new Set([...expected.keys(), ...facts.keys()])]
    .filter((k) => expected.get(k) !== facts.get(k))
    .map((k) => k.slice(k.indexOf('|') + 1));
  const derived = await db.query<{ record_id: string; tbl: string; doc: Record<string, unknown> | null; row: string | null }>(
    `select r.record_id, r.tbl, (select jsonb_object_agg(f.field, f.value) from fields f where f.rid = r.rid) as doc, x.row
     from records r left join report_rows x on x.rid = r.rid and (x.org_id, x.tbl) = (r.org_id, r.tbl)
     where r.tbl = any($1::text[])`,
    [ROW_TABLES],
  );
  const wrongRows = derived
    .filter((r) => JSON.stringify(reportRow(r.tbl, r.record_id, Object.entries(r.doc ?? {}))) !== (r.row ?? 'null'))
    .map((r) => r.record_id);
  const orphanRows = await db.query<{ record_id: string }>(
    `select x.rid::text as record_id from report_rows x where not exists (select 1 from records r where r.rid = x.rid)`,
  );
  return [
    ...rows.map((r) => r.record_id),
    ...wrongFacts,
    ...orphans.map((r) => r.record_id),
    ...wrongRows,
    ...orphanRows.map((r) => r.record_id),
  ].sort();
}
