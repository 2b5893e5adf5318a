import { join } from 'node:path';
import type { Database } from './database.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { makePrivateDir } from './private-dir.ts';
import { backfillFacts } from '../pilotage/facts.ts';
import { backfillRows } from '../pilotage/rows.ts';
import { backfillSnapshotRecords } from '../replication/snapshot-records.ts';

export type StorageOptions = {
  /** A PostgreSQL server; wins over dataDir. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; without it (and without databaseUrl), an in-memory database. */
  dataDir?: string | undefined;
  /** A dump to start a new PGlite database from (see dumpPglite), to skip its slow creation. */
  template?: Blob | undefined;
};

/** Derives the read sides that migrations left to the server's start (pilotage/backfill.ts). */
async function backfillReadSides(db: Database): Promise<void> {
  await backfillFacts(db);
  await backfillRows(db);
  await backfillSnapshotRecords(db);
}

/** Opens and migrates the configured database; `holder` names the process in the PGlite lock. */
export async function openStorage(options: StorageOptions, holder: string): Promise<{ db: Database; close: () => Promise<void> }> {
  if (options.databaseUrl) {
    const db = openPostgres(options.databaseUrl);
    await migrate(db);
    await backfillReadSides(db);
    return { db, close: () => db.close() };
  }
  const release = options.dataDir === undefined ? () => undefined : lockDataDir(options.dataDir, holder);
  try {
    const db = await openPglite({
      dataDir: options.dataDir === undefined ? undefined : join(options.dataDir, 'pglite'),
      template: options.template,
    });
    // The files PGlite has just made follow the umask: they are made private too.
    if (options.dataDir !== undefined) makePrivateDir(options.dataDir);
    await migrate(db);
    await backfillReadSides(db);
    // PGlite runs no autovacuum: refresh the planner's statistics once per start.
    await db.exec('analyze');
    return {
      db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
