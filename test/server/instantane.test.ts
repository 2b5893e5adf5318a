import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, bucketOf, fieldClocks } from '../../src/sync/index.ts';
import type { SnapshotResponse } from '../../src/sync/index.ts';
import { seedHouseholds } from '../../src/server/testing.ts';
import { pullAll, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// The snapshot a new device starts from (docs/sync.md, « Instantané »): the same records and clocks
// as the field-by-field history, each record once, by pages, limited to what the user may see.

const page = (
  c: Awaited<ReturnType<typeof cast>>,
  token: string,
  after: number,
  limit: number,
  version = PROTOCOL_VERSION,
  buckets: string | null = null,
) =>
  request(
    c.app,
    token,
    'GET',
    `/api/v1/sync/snapshot?protocolVersion=${version}&after=${after}&limit=${limit}${buckets === null ? '' : `&buckets=${encodeURIComponent(buckets)}`}`,
  ) as Promise<{
    status: number;
    body: SnapshotResponse & { error?: string };
  }>;

/** An organisation of `seeded` households and Claire's own, sent from her tablet. */
async function organisationWithClaire(db: Parameters<typeof cast>[0], seeded: number) {
  const c = await cast(db);
  await seedHouseholds(db, c.encadrant.profile, c.residenceId, seeded);
  const claire = new ModelClient(c.claire.token, Date.now);
  const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
  await sync(claire, c.app);
  return { c, claire, menageId };
}

for (const backend of backends()) {
  describe(`snapshot for new devices (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('gives every record the user may see once, by pages, with the values and clocks a pull from 0 gives', async () => {
      const { c, claire, menageId } = await organisationWithClaire(storage.db, 7);

      const vus = new Map<string, Record<string, string>>();
      let after = 0;
      for (let n = 0; ; n++) {
        const { status, body } = await page(c, c.encadrant.token, after, 4);
        expect(status, JSON.stringify(body)).toBe(200);
        for (const r of body.records) {
          expect(vus.has(`${r.table}|${r.recordId}`)).toBe(false);
          vus.set(
            `${r.table}|${r.recordId}`,
            Object.fromEntries(Object.entries(r.fields).map(([f, [, h]]) => [f, fieldClocks(r.hlc)(h) ?? ''])),
          );
        }
        if (body.next === null) break;
        expect(body.records).toHaveLength(4);
        after = body.next;
        expect(n).toBeLessThan(20);
      }
      const { pages } = await pullAll(c.app, c.encadrant.token);
      const tires = new Map<string, Record<string, string>>();
      for (const r of pages.flatMap((p) => p.records))
        tires.set(`${r.table}|${r.recordId}`, {
          ...tires.get(`${r.table}|${r.recordId}`),
          ...Object.fromEntries(Object.entries(r.fields).map(([f, [, h]]) => [f, h])),
        });
      expect(vus).toEqual(tires);

      // A chargée gets the résidence and her own household, not the others.
      const deClaire = new ModelClient(c.claire.token, Date.now, true);
      await sync(deClaire, c.app);
      expect(deClaire.record('menages', menageId)).toEqual(claire.record('menages', menageId));
      expect([...deClaire.records.keys()].filter((k) => k.startsWith('menages|'))).toEqual([`menages|${menageId}`]);
      expect((await page(c, c.other.encadrant.token, 0, 100)).body.records.map((r) => r.table)).toEqual(['residences']);
    });

    it('lets a device go on pulling from the first page’s sequence, and refuses an older protocol', async () => {
      const c = await cast(storage.db);
      await seedHouseholds(storage.db, c.encadrant.profile, c.residenceId, 3);
      const nouvelle = new ModelClient(c.encadrant.token, Date.now, true);
      const premiere = await page(c, c.encadrant.token, 0, 2);
      nouvelle.applySnapshot(premiere.body);
      // Written while the device reads the snapshot: it comes with a later page or the pulls after it.
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      while (nouvelle.snapshotCursor) nouvelle.applySnapshot((await page(c, c.encadrant.token, nouvelle.snapshotCursor.next, 2)).body);
      expect(nouvelle.checkpoint).toBe(premiere.body.upto);
      await sync(nouvelle, c.app);
      const ancienne = new ModelClient(c.encadrant.token, Date.now);
      await sync(ancienne, c.app);
      expect(nouvelle.record('menages', menageId)).toEqual(claire.record('menages', menageId));
      expect(nouvelle.records).toEqual(ancienne.records);

      expect((await page(c, c.encadrant.token, 0, 2, PROTOCOL_VERSION - 1)).status).toBe(426);
    });

    it('gives only the buckets a repair names, with the same rights, and refuses a malformed bucket list', async () => {
      const { c, menageId } = await organisationWithClaire(storage.db, 12);
      const seaux = async (token: string, buckets: string, limit = 3) => {
        const records: SnapshotResponse['records'] = [];
        for (let after = 0; ;) {
          const { status, body } = await page(c, token, after, limit, PROTOCOL_VERSION, buckets);
          expect(status, JSON.stringify(body)).toBe(200);
          records.push(...body.records);
          if (body.next === null) return records;
          after = body.next;
        }
      };
      const tout = new Map<string, SnapshotResponse['records'][number]>();
      for (let after = 0; ;) {
        const { body } = await page(c, c.encadrant.token, after, 100);
        for (const r of body.records) tout.set(`${r.table}|${r.recordId}`, r);
        if (body.next === null) break;
        after = body.next;
      }
      const menage = `menages:${menageId.slice(0, 1)}`;
      const personnes = bucketOf('personnes', [...tout.values()].find((r) => r.table === 'personnes')!.recordId);
      const attendus = [...tout.values()].filter((r) => [menage, personnes].includes(bucketOf(r.table, r.recordId)));
      expect(attendus.length).toBeGreaterThan(1);
      const recus = await seaux(c.encadrant.token, `${menage},${personnes}`);
      expect(new Map(recus.map((r) => [`${r.table}|${r.recordId}`, r]))).toEqual(
        new Map(attendus.map((r) => [`${r.table}|${r.recordId}`, r])),
      );

      // A chargée asking for a bucket gets only what she may see in it: her household, not the others.
      expect((await seaux(c.claire.token, menage)).map((r) => r.recordId)).toEqual([menageId]);
      expect(await seaux(c.other.encadrant.token, menage)).toEqual([]);

      for (const malforme of [
        '',
        'menages',
        'menages:',
        'menages:ab',
        'inconnue:a',
        'menages:a;drop',
        Array(65).fill('menages:a').join(','),
      ]) {
        const { status } = await request(
          c.app,
          c.encadrant.token,
          'GET',
          `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&buckets=${encodeURIComponent(malforme)}`,
        );
        expect(status, malforme).toBe(400);
      }
    });
  });
}
