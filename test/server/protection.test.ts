import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEVICE_HEADER } from '../../src/sync/index.ts';
import type { AccessLog } from '../../src/sync/index.ts';
import { purgeAccessLog } from '../../src/server/protection/access-log.ts';
import { runDailyPurges } from '../../src/server/protection/housekeeping.ts';
import type { HouseholdExport } from '../../src/server/protection/household-export.ts';
import { expiredHouseholds, purgeExpiredHouseholds, purgedCounts } from '../../src/server/protection/retention.ts';
import { pullAll, pushChanges, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { account, cast, newHousehold } from './fixtures.ts';
import type { Cast } from './fixtures.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';

// Issue 17 items 4 to 6 (docs/protection-donnees.md): the access log, the retention purge, the
// export and the erasure of a household.

/** A scan of its own for each household, so that no other test's household names it. */
const scan = () => Buffer.from(`%PDF-1.7\navis d’imposition ${randomUUID()}\n%%EOF\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const YEAR_MS = 365 * 24 * 3_600_000;

type Entry = AccessLog['entries'][number];

async function putScan(c: Cast, token: string): Promise<{ hash: string; size: number }> {
  const file = scan();
  const hash = sha256(file);
  const res = await c.app.inject({
    method: 'PUT',
    url: `/api/blobs/${hash}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
    payload: file,
  });
  expect(res.statusCode).toBeLessThan(300);
  return { hash, size: file.length };
}

/** Claire's household with an occupant, a piece naming a photo, and a conflict on its phone number. */
async function fullHousehold(c: Cast) {
  const claire = new ModelClient(c.claire.token, Date.now);
  const { menageId, personneId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
  claire.edit('menages', menageId, 'telephone', '06 11 22 33 44');
  const { hash, size } = await putScan(c, c.claire.token);
  const pieceId = randomUUID();
  claire.edit('pieces', pieceId, 'menageId', menageId);
  claire.edit('pieces', pieceId, 'pages', [{ blobHash: hash, mime: 'application/pdf', size }]);
  await sync(claire, c.app);
  const encadrante = new ModelClient(c.encadrant.token, Date.now);
  await sync(encadrante, c.app);
  // Two edits of the phone number from the same base: the later clock wins, the other is kept as a conflict.
  const phones = [`07 ${randomUUID()}`, `06 ${randomUUID()}`] as const;
  encadrante.edit('menages', menageId, 'telephone', phones[0]);
  claire.edit('menages', menageId, 'telephone', phones[1]);
  await sync(encadrante, c.app);
  await sync(claire, c.app);
  return { claire, encadrante, menageId, personneId, pieceId, hash, size, phones };
}

const journal = async (c: Cast, token: string, menageId: string) =>
  (await request(c.app, token, 'GET', `/api/v1/journal?menageId=${menageId}`)) as { status: number; body: AccessLog };

for (const backend of backends()) {
  describe(`data protection (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('logs who read, changed, downloaded, exported and printed a household, from which device, for the administrator only', async () => {
      const c = await cast(storage.db);
      const admin = await account(storage.db, c.encadrant.profile.organisation.name, 'administrateur', `Admin ${randomUUID().slice(0, 6)}`);
      const { menageId, hash } = await fullHousehold(c);
      const download = await c.app.inject({
        method: 'GET',
        url: `/api/blobs/${hash}`,
        headers: { authorization: `Bearer ${c.samir.token}` },
      });
      expect(download.statusCode).toBe(403);
      await c.app.inject({
        method: 'GET',
        url: `/api/blobs/${hash}`,
        headers: { authorization: `Bearer ${c.encadrant.token}`, [DEVICE_HEADER]: 'tablette-encadrante' },
      });
      const printed = await request(c.app, c.claire.token, 'POST', '/api/v1/journal', {
        deviceId: 'tablette-claire',
        events: [
          { menageId, action: 'impression', at: '2026-03-02T10:00:00.000Z' },
          { menageId: randomUUID(), action: 'export', at: '2026-03-02T10:00:00.000Z' },
        ],
      });
      expect(printed.status).toBe(204);

      expect((await journal(c, c.encadrant.token, menageId)).status).toBe(403);
      const { status, body } = await journal(c, admin.token, menageId);
      expect(status).toBe(200);
      const seen = (who: string, action: Entry['action']) => body.entries.some((e) => e.user.name === who && e.action === action);
      expect(seen(c.claire.profile.name, 'modification')).toBe(true);
      expect(seen(c.claire.profile.name, 'lecture')).toBe(true);
      expect(seen(c.encadrant.profile.name, 'lecture')).toBe(true);
      expect(seen(c.encadrant.profile.name, 'modification')).toBe(true);
      expect(seen(c.samir.profile.name, 'lecture')).toBe(false);
      expect(body.entries.find((e) => e.action === 'impression')).toMatchObject({
        at: '2026-03-02T10:00:00.000Z',
        deviceId: 'tablette-claire',
        user: { name: c.claire.profile.name },
      });
      expect(body.entries.some((e) => e.deviceId === 'tablette-encadrante' && e.action === 'lecture')).toBe(true);
      // The household of another organisation is not in this one's log, nor the unknown one reported.
      expect((await journal(c, admin.token, randomUUID())).body.entries).toEqual([]);
    });

    it('keeps the access log twelve months, then the daily purge removes the older entries', async () => {
      const c = await cast(storage.db);
      const admin = await account(storage.db, c.encadrant.profile.organisation.name, 'administrateur', `Admin ${randomUUID().slice(0, 6)}`);
      const menageId = randomUUID();
      const org = c.encadrant.profile.organisation.id;
      await storage.db.query(
        `insert into access_log (at, org_id, user_id, menage_id, action) values
           (now() - interval '13 months', $1, $2, $3, 'lecture'), (now() - interval '11 months', $1, $2, $3, 'modification')`,
        [org, c.claire.profile.id, menageId],
      );
      expect(await purgeAccessLog(storage.db)).toBeGreaterThanOrEqual(1);
      expect((await journal(c, admin.token, menageId)).body.entries.map((e) => e.action)).toEqual(['modification']);
    });

    it('runs the daily purges once a day whichever process asks', async () => {
      await storage.db.query('delete from housekeeping');
      expect(await runDailyPurges(storage.db)).not.toBeNull();
      expect(await runDailyPurges(storage.db)).toBeNull();
    });

    it.skipIf(backend.name !== 'pglite')(
      'refreshes the planner’s statistics with the daily run on PGlite, which has no autovacuum',
      async () => {
        await cast(storage.db);
        const estimate = async () =>
          (await storage.db.query<{ n: number }>(`select reltuples::int as n from pg_class where relname = 'fields'`))[0]?.n;
        const [rows] = await storage.db.query<{ n: number }>('select count(*)::int as n from fields');
        await storage.db.query('delete from housekeeping');
        await runDailyPurges(storage.db);
        expect(await estimate()).toBe(rows?.n);
      },
    );

    it('exports everything held about a household, as JSON and as a PDF, to encadrants, and logs it', async () => {
      const c = await cast(storage.db);
      const { menageId, personneId, pieceId, hash, size, phones } = await fullHousehold(c);
      const { status, body } = (await request(c.app, c.encadrant.token, 'GET', `/api/v1/menages/${menageId}/export`)) as {
        status: number;
        body: HouseholdExport;
      };
      expect(status).toBe(200);
      expect(body.records.menages).toEqual([
        expect.objectContaining({ id: menageId, nom: 'Famille Martin', referentId: c.claire.profile.id }),
      ]);
      expect(body.records.personnes).toEqual([
        expect.objectContaining({ id: personneId, prenom: 'Awa', nom: 'Martin', lien: 'titulaire' }),
      ]);
      expect(body.records.pieces).toEqual([{ id: pieceId, menageId, pages: [{ blobHash: hash, mime: 'application/pdf', size }] }]);
      expect(body.files).toEqual([{ hash, contentType: 'application/pdf', size, table: 'pieces', recordId: pieceId }]);
      expect(body.conflicts).toHaveLength(1);
      expect(new Set([body.conflicts[0]?.keptValue, body.conflicts[0]?.overwrittenValue])).toEqual(new Set(phones));
      expect(body.accessLog.some((a) => a.user === c.claire.profile.name && a.action === 'modification')).toBe(true);

      const pdf = await c.app.inject({
        method: 'GET',
        url: `/api/v1/menages/${menageId}/export.pdf`,
        headers: { authorization: `Bearer ${c.encadrant.token}` },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      expect((await request(c.app, c.claire.token, 'GET', `/api/v1/menages/${menageId}/export`)).status).toBe(403);
      expect((await request(c.app, c.other.encadrant.token, 'GET', `/api/v1/menages/${menageId}/export`)).status).toBe(403);
      const [logged] = await storage.db.query<{ n: number }>(
        `select count(*)::int as n from access_log where menage_id = $1 and action = 'export'`,
        [menageId],
      );
      expect(logged?.n).toBe(2);
    });

    it('erases a household for real: fields, conflict values and files go, devices forget it, and it cannot come back', async () => {
      const c = await cast(storage.db);
      const { claire, encadrante, menageId, hash, phones } = await fullHousehold(c);
      expect((await request(c.app, c.claire.token, 'DELETE', `/api/v1/menages/${menageId}`)).status).toBe(403);
      expect((await request(c.app, c.other.encadrant.token, 'DELETE', `/api/v1/menages/${menageId}`)).status).toBe(403);
      const [usageBefore] = await storage.db.query<{ n: string }>('select field_bytes as n from organisation_usage where org_id = $1', [
        c.encadrant.profile.organisation.id,
      ]);

      expect((await request(c.app, c.encadrant.token, 'DELETE', `/api/v1/menages/${menageId}`)).status).toBe(204);

      const [left] = await storage.db.query<{ records: number; read_side: number; fields: number; conflicts: number; blobs: number }>(
        `select (select count(*)::int from records where menage_id = $1) as records,
           (select count(*)::int from record_values where record_id = $1 or doc ->> 'menageId' = $1) as read_side,
           (select count(*)::int from fields f where f.value #>> '{}' = any($3::text[])) as fields,
           (select count(*)::int from conflicts where loser_value #>> '{}' = any($3::text[]) or winner_value #>> '{}' = any($3::text[])) as conflicts,
           (select count(*)::int from blobs where hash = $2) as blobs`,
        [menageId, hash, phones],
      );
      expect(left).toEqual({ records: 0, read_side: 0, fields: 0, conflicts: 0, blobs: 0 });
      expect(await readSideMismatches(storage.db)).toEqual([]);
      const [usageAfter] = await storage.db.query<{ n: string }>('select field_bytes as n from organisation_usage where org_id = $1', [
        c.encadrant.profile.organisation.id,
      ]);
      expect(Number(usageAfter?.n)).toBeLessThan(Number(usageBefore?.n));

      // Claire's device held it: her next pull tells her to forget it, with no field of it.
      expect(claire.record('menages', menageId)).toBeDefined();
      const { pages } = await pullAll(c.app, c.claire.token, claire.checkpoint);
      expect(pages.flatMap((p) => p.erased ?? [])).toEqual([menageId]);
      expect(pages.flatMap((p) => p.records)).toEqual([]);
      for (const page of pages) claire.applyPull(page);
      expect([...claire.records.values()].filter((r) => r.id === menageId || r.menageId === menageId)).toEqual([]);

      // The encadrante's tablet, before its pull, still writes to it: refused, naming the change.
      const late = encadrante.edit('menages', menageId, 'telephone', '06 99 99 99 99');
      const refused = await pushChanges(c.app, c.encadrant.token, [late]);
      expect(refused.status).toBe(403);
      expect(refused.body.rejected).toEqual([{ changeId: late.changeId, error: expect.stringContaining('effacé') }]);
      const export_ = await request(c.app, c.encadrant.token, 'GET', `/api/v1/menages/${menageId}/export`);
      expect(export_.status).toBe(403);
    });

    it('purges households whose follow-up ended longer ago than their organisation keeps them, on the server and the tablets, keeping counts', async () => {
      const c = await cast(storage.db);
      const org = c.encadrant.profile.organisation.id;
      const longAgo = () => Date.now() - 3 * YEAR_MS;
      const lastYear = () => Date.now() - YEAR_MS;
      const household = async (
        now: () => number,
        statut: string,
        extra: (client: ModelClient, menageId: string) => void = () => undefined,
      ) => {
        const client = new ModelClient(c.claire.token, now);
        const { menageId } = newHousehold(client, c.residenceId, c.claire.profile.id);
        client.edit('menages', menageId, 'statut', statut);
        extra(client, menageId);
        await sync(client, c.app);
        return menageId;
      };
      const survey = (issue: string) => (client: ModelClient, menageId: string) => {
        const visite = randomUUID();
        client.edit('visites', visite, 'menageId', menageId);
        client.edit('visites', visite, 'issue', 'realisee');
        const enquete = randomUUID();
        client.edit('enquetes', enquete, 'menageId', menageId);
        client.edit('enquetes', enquete, 'issue', issue);
      };
      const closedLongAgo = await household(longAgo, 'clos');
      const closedLastYear = await household(lastYear, 'clos');
      const activeLongAgo = await household(longAgo, 'entretien');
      const followedUpLongAgo = await household(longAgo, 'suivi', survey('realisee'));
      const surveyPending = await household(longAgo, 'suivi', survey('a_faire'));
      const { hash, size } = await putScan(c, c.claire.token);
      const tablet = new ModelClient(c.claire.token, Date.now);
      const pieceId = randomUUID();
      tablet.edit('pieces', pieceId, 'menageId', closedLongAgo);
      // The piece gets a clock of long ago, as if written then: the last contact stays three years old.
      await sync(tablet, c.app);
      await storage.db.query(
        `update fields set hlc = '2020-01-01T00:00:00.000Z-0000-0000000000000000' where rid in (select rid from records where tbl = 'pieces' and record_id = $1)`,
        [pieceId],
      );
      tablet.edit('pieces', pieceId, 'pages', [{ blobHash: hash, mime: 'application/pdf', size }]);
      await sync(tablet, c.app);
      await storage.db.query(
        `update fields set hlc = '2020-01-01T00:00:00.000Z-0000-0000000000000000' where rid in (select rid from records where tbl = 'pieces' and record_id = $1)`,
        [pieceId],
      );

      const preview = await expiredHouseholds(storage.db, org);
      expect(new Set(preview.map((e) => e.menageId))).toEqual(new Set([closedLongAgo, followedUpLongAgo]));
      const ids = (await purgeExpiredHouseholds(storage.db, org)).map((e) => e.menageId);
      expect(new Set(ids)).toEqual(new Set([closedLongAgo, followedUpLongAgo]));
      const [left] = await storage.db.query<{ n: number; read_side: number; blobs: number }>(
        `select (select count(*)::int from records where menage_id = any($1::text[])) as n,
           (select count(*)::int from record_values where record_id = any($1::text[]) or doc ->> 'menageId' = any($1::text[])) as read_side,
           (select count(*)::int from blobs where hash = $2) as blobs`,
        [ids, hash],
      );
      expect(left).toEqual({ n: 0, read_side: 0, blobs: 0 });
      expect(await readSideMismatches(storage.db)).toEqual([]);
      const counts = await purgedCounts(storage.db, org);
      expect(counts.reduce((n, r) => n + r.households, 0)).toBe(2);
      expect(counts.map((r) => r.statut).sort()).toEqual(['clos', 'suivi']);

      await sync(tablet, c.app);
      expect(tablet.record('menages', closedLongAgo)).toBeUndefined();
      expect(tablet.record('menages', followedUpLongAgo)).toBeUndefined();
      for (const kept of [closedLastYear, activeLongAgo, surveyPending]) expect(tablet.record('menages', kept)).toBeDefined();

      // An organisation that keeps files ten years purges nothing of these.
      await storage.db.query('update organisations set retention_months = 120 where id = $1', [org]);
      expect(await expiredHouseholds(storage.db, org)).toEqual([]);
    });
  });
}
