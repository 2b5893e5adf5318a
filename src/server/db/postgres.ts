import pg from 'pg';
import type { Database, Row, Sql } from './database.ts';

const INT8 = 20;

// bigint columns (sequences) stay below 2^53: read them as numbers, not strings.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (text: string) => Number(text) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
  async query<R extends Row>(text: string, params: readonly unknown[] = []) {
    return (await client.query<R>(text, [...params])).rows;
  },
  async exec(script: string) {
    await client.query(script);
  },
});

/** A pool on a PostgreSQL server; `schema` sets the search path (tests use one schema each). */
export function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  async function transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      const result = await work(wrap(client));
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is discarded rather than handed out again.
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction,
    close: () => pool.end(),
  };
}
