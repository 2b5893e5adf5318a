import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { pullPage, pushChanges, request } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// A server that runs out of disk or gets stuck answers clearly, and the tablet keeps its work.

/** A promise that passes once `open` is called. */
function gate(): { passed: Promise<void>; open: () => void } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
}

for (const backend of backends()) {
  describe(`a full disk, a stuck server (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('refuses writes with 507 while the disk lacks the margin, and still serves reads and logins', async () => {
      const c = await cast(storage.db);
      const full = await buildApp({ db: storage.db, diskSpace: { path: tmpdir(), minFreeBytes: Number.MAX_SAFE_INTEGER } });
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      const refused = await pushChanges(full, c.claire.token, claire.outbox);
      expect(refused.status).toBe(507);
      expect(refused.body.error).toMatch(/Espace disque du serveur presque plein/);
      const blob = await full.inject({
        method: 'PUT',
        url: `/api/blobs/${'a'.repeat(64)}`,
        headers: { authorization: `Bearer ${c.claire.token}`, 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.7'),
      });
      expect(blob.statusCode).toBe(507);
      expect((await pullPage(full, c.claire.token, 0)).status).toBe(200);
      expect((await request(full, null, 'POST', '/api/login', { email: c.claire.profile.email, password: c.claire.password })).status).toBe(
        200,
      );

      const roomy = await buildApp({ db: storage.db, diskSpace: { path: tmpdir(), minFreeBytes: 0 } });
      expect((await pushChanges(roomy, c.claire.token, claire.outbox)).status).toBe(200);
    });

    it('answers 503 to a request stuck past its time, and the retry is acknowledged', async () => {
      const c = await cast(storage.db);
      const app = await buildApp({ db: storage.db, handlerTimeoutMs: 300 });
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      // Another write holds the sequence every push waits for.
      const locked = gate();
      const released = gate();
      const blocker = storage.db.transaction(async (tx) => {
        await tx.query('select seq from sync_state where id = 1 for update');
        locked.open();
        await released.passed;
      });
      await locked.passed;
      const stuck = await pushChanges(app, c.claire.token, claire.outbox);
      released.open();
      await blocker;
      expect(stuck.status).toBe(503);
      expect(stuck.body.error).toMatch(/trop de temps/);
      const retry = await pushChanges(app, c.claire.token, claire.outbox);
      expect(retry.status).toBe(200);
      expect(retry.body.ackedChangeIds).toHaveLength(claire.outbox.length);
    });
  });
}
