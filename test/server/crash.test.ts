import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import type { Change, PushResponse } from '../../src/sync/index.ts';
import { openStorage } from '../../src/server/db/open.ts';
import { createTestAccount, createTestResidence, pgliteTemplate } from '../../src/server/testing.ts';
import type { TestAccount } from '../../src/server/testing.ts';
import { ModelClient } from './client-model.ts';
import { newHousehold } from './fixtures.ts';
import { exited, startServerProcess } from './processus.ts';

// The real server process on an embedded database, killed outright (SIGKILL) while tablets push,
// then started again on the same folder: whatever it acknowledged is there, once.

const temp = mkdtempSync(join(tmpdir(), 'relogement-panne-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const dataDir = join(temp, 'donnees');

/** Households each tablet creates, one push each (retried until acknowledged). */
const HOUSEHOLDS = 40;

const startProcess = () => startServerProcess({ DATA_DIR: dataDir, DIST_DIR: join(temp, 'sans-application') });

async function push(url: string, client: ModelClient): Promise<PushResponse | null> {
  try {
    const res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: client.deviceId, changes: client.outbox }),
    });
    return res.status === 200 ? ((await res.json()) as PushResponse) : null;
  } catch {
    return null;
  }
}

describe('a server killed while tablets push', () => {
  it('keeps every acknowledged change, once, across SIGKILL restarts', async () => {
    const setup = await openStorage({ dataDir, template: await pgliteTemplate() }, 'le test');
    const accounts: TestAccount[] = [];
    let residenceId = '';
    try {
      for (const name of ['Claire', 'Samir', 'Nadia'])
        accounts.push(await createTestAccount(setup.db, { organisation: 'Bailleur en panne', role: 'encadrant', name }));
      residenceId = await createTestResidence(setup.db, accounts[0]!.profile);
    } finally {
      await setup.close();
    }

    let server = await startProcess();
    const acked = new Map<string, Change>();
    let refusedOrLost = 0;
    const tablet = async (account: TestAccount) => {
      const client = new ModelClient(account.token, Date.now);
      let households = 0;
      for (;;) {
        if (client.outbox.length === 0) {
          if (households === HOUSEHOLDS) return;
          newHousehold(client, residenceId, account.profile.id);
          households += 1;
        }
        const sent = new Map(client.outbox.map((c) => [c.changeId, c]));
        const answer = await push(server.url, client);
        if (answer === null) {
          refusedOrLost += 1;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        for (const id of answer.ackedChangeIds) acked.set(id, sent.get(id)!);
        client.acknowledge(answer);
      }
    };
    const tablets = Promise.all(accounts.map(tablet));

    for (let kill = 0; kill < 3; kill += 1) {
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
      server.process.kill('SIGKILL');
      await exited(server.process);
      server = await startProcess();
    }
    await tablets;
    // The kills did cut pushes off: the tablets had to send again.
    expect(refusedOrLost).toBeGreaterThan(0);

    // Stopped the ordinary way, it exits cleanly.
    server.process.kill('SIGTERM');
    expect(await exited(server.process)).toBe(0);

    const check = await openStorage({ dataDir }, 'le test');
    try {
      const ids = [...acked.keys()];
      const [applied] = await check.db.query<{ n: number; distinct: number }>(
        'select count(*)::int as n, count(distinct change_id)::int as distinct from applied_changes where change_id = any($1::uuid[])',
        [ids],
      );
      expect(applied).toEqual({ n: ids.length, distinct: ids.length });
      const stored = await check.db.query<{ record_id: string; field: string; value: unknown }>(
        `select r.record_id, f.field, f.value from fields f join records r using (rid) where r.tbl in ('menages', 'personnes')`,
      );
      const values = new Map(stored.map((s) => [`${s.record_id}|${s.field}`, JSON.stringify(s.value)]));
      for (const change of acked.values())
        expect(values.get(`${change.recordId}|${change.field}`), `${change.table} ${change.field}`).toBe(JSON.stringify(change.value));
      const [households] = await check.db.query<{ n: number }>(`select count(*)::int as n from records where tbl = 'menages'`);
      expect(households?.n).toBe(accounts.length * HOUSEHOLDS);
    } finally {
      await check.close();
    }
  }, 240_000);
});
