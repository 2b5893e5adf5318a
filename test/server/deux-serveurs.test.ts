import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { convergenceSuite } from './convergence.ts';
import type { Transport } from './convergence.ts';
import { backends } from './harness.ts';
import { exited, startServerProcess } from './processus.ts';

// Several servers behind one address: two server processes on one PostgreSQL, the devices
// reaching one then the other, request by request. Nothing a process keeps in memory may be
// needed by the other (sessions, login limits, sequences, locks): the convergence property holds.

async function deuxProcessus(db: Database): Promise<Transport> {
  const [row] = await db.query<{ schema: string }>('select current_schema() as schema');
  const env = {
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
    PGOPTIONS: `-c search_path=${row?.schema ?? 'public'}`,
    DIST_DIR: 'sans-application',
  };
  const serveurs = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  let tour = 0;
  return {
    async send(token, method, url, payload) {
      const serveur = serveurs[tour++ % serveurs.length]!;
      const res = await fetch(`${serveur.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
        ...(payload ? { body: JSON.stringify(payload) } : {}),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    restart: null,
    async close() {
      for (const s of serveurs) s.process.kill('SIGTERM');
      await Promise.all(serveurs.map((s) => exited(s.process)));
    },
  };
}

const postgres = backends().filter((b) => b.name === 'postgres');
for (const backend of postgres) convergenceSuite(backend, 100, { name: 'deux processus serveur', open: deuxProcessus });

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('two servers starting at once on an empty PostgreSQL', () => {
    it('migrate it once: one migrates, the other waits and finds it done', async () => {
      const schema = `test_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        const env = { DATABASE_URL: url, PGOPTIONS: `-c search_path=${schema}`, DIST_DIR: 'sans-application' };
        const serveurs = await Promise.all([startServerProcess(env), startServerProcess(env)]);
        for (const s of serveurs) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
        for (const s of serveurs) s.process.kill('SIGTERM');
        await Promise.all(serveurs.map((s) => exited(s.process)));
        const { rows } = await admin.query<{ n: number; distinct: number }>(
          `select count(*)::int as n, count(distinct id)::int as distinct from ${schema}.migrations`,
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
        expect(rows[0]?.n).toBe(rows[0]?.distinct);
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    });
  });
}
if (postgres.length === 0)
  describe.skip('two server processes on one PostgreSQL (TEST_DATABASE_URL unset)', () => it('needs a PostgreSQL server', () => undefined));
