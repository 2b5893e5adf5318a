import { PGlite } from '@electric-sql/pglite';
import type { Database, Row, Sql } from './database.ts';

const wrap = (db: Pick<PGlite, 'query' | 'exec'>): Sql => ({
  async query<R extends Row>(text: string, params: readonly unknown[] = []) {
    return (await db.query<R>(text, [...params])).rows;
  },
  async exec(script: string) {
    await db.exec(script);
  },
});

/**
 * PGlite in `dataDir`, or in memory without one. `template` is a data directory dump to start
 * from, which skips the slow initialisation of a new cluster (tests use it).
 */
export async function openPglite(options: { dataDir?: string; template?: Blob } = {}): Promise<Database> {
  const db = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.template === undefined ? {} : { loadDataDir: options.template }),
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    // PGlite has one connection and runs a transaction alone: transactions are serialised.
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

/** The data directory of a PGlite database as a tarball, to start other databases from. */
export async function dumpPglite(dataDir: string): Promise<Blob> {
  const db = await PGlite.create({ dataDir });
  try {
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}
