import type { Database } from './database.ts';
import type { Migration } from './migrations/migration.ts';
import { m001 } from './migrations/001-accounts.ts';
import { m002 } from './migrations/002-sync.ts';
import { m003 } from './migrations/003-blobs.ts';
import { m004 } from './migrations/004-indexes-for-charge-pulls.ts';
import { m005 } from './migrations/005-no-per-row-foreign-key-checks-on-sync-tables.ts';
import { m006 } from './migrations/006-households-taken-from-a-charge.ts';
import { m007 } from './migrations/007-device-sync-telemetry.ts';
import { m008 } from './migrations/008-storage-used-by-each-organisation.ts';
import { m009 } from './migrations/009-login-attempts-per-account-and-address.ts';
import { m010 } from './migrations/010-household-followers-by-user-id.ts';
import { m011 } from './migrations/011-display-names-unique-within-an-organisation.ts';
import { m012 } from './migrations/012-data-protection.ts';
import { m013 } from './migrations/013-territories-partner-organisations-and-pooled-records.ts';
import { m014 } from './migrations/014-pooled-audience-by-sequence.ts';
import { m015 } from './migrations/015-territory-priority-operations.ts';
import { m016 } from './migrations/016-record-values-read-side.ts';
import { m017 } from './migrations/017-pooled-fields-by-territory-and-sequence.ts';
import { m018 } from './migrations/018-yearly-review-shared-by-territory-and-keyed-by-organisation.ts';
import { m019 } from './migrations/019-proposal-facts-for-steering-reports.ts';
import { m020 } from './migrations/020-report-rows-for-steering-reports.ts';
import { m021 } from './migrations/021-proposal-facts-as-short-texts.ts';
import { m022 } from './migrations/022-snapshot-fields-kept-with-each-record.ts';
import { m023 } from './migrations/023-snapshot-records-kept-as-sent.ts';

// The schema, as numbered steps applied once each, in order, on PGlite and PostgreSQL alike.
// A released step is never edited: a change of schema is a new step, in its own file under
// migrations/, added at the end of this list (docs/donnees.md §4).
export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m019,
  m020,
  m021,
  m022,
  m023,
];

/** An advisory lock key of our own (« relo » in ASCII). */
const MIGRATION_LOCK = 0x72656c6f;

/**
 * Applies one step alone, out of order: for tests that check an older step on the data it meets
 * with today's code, which needs the later steps it relies on that do not depend on that step.
 */
export async function applyStep(db: Database, id: number): Promise<void> {
  const step = MIGRATIONS.find((m) => m.id === id);
  if (!step) throw new Error(`Unknown migration ${id}`);
  await db.exec(step.sql);
  await db.query('insert into migrations (id, name) values ($1, $2)', [step.id, step.name]);
}

/**
 * Applies the missing steps, up to step `until` (all by default: tests stop earlier to check a
 * step on the data it meets); safe when several instances start at once (advisory lock).
 */
export async function migrate(db: Database, until = Infinity): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Several servers may start at once on one PostgreSQL: one migrates, the others wait for it.
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists migrations (id int primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set((await tx.query<{ id: number }>('select id from migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const step of MIGRATIONS.filter((m) => !done.has(m.id) && m.id <= until)) {
      await tx.exec(step.sql);
      await tx.query('insert into migrations (id, name) values ($1, $2)', [step.id, step.name]);
      applied.push(step.id);
    }
    return applied;
  });
}
