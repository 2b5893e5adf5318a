import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Runs `mesure` on a PostgreSQL schema of its own, dropped afterwards: a bench's server sees only
 * what the bench seeded, and the database is left as it was found.
 */
export async function dansUnSchemaJetable<T>(postgres: string, mesure: (url: string) => Promise<T>): Promise<T> {
  const schema = `banc_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const url = new URL(postgres);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return await mesure(url.toString());
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
