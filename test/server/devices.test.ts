import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import type { DeviceReport } from '../../src/sync/index.ts';
import { request } from './api.ts';
import { cast } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

const rapport = (syncedAt: string, over: Partial<DeviceReport> = {}): DeviceReport => ({
  syncedAt,
  durationMs: 420,
  pushed: 3,
  pulled: 120,
  pending: 0,
  refused: 0,
  failuresSinceLastSuccess: 0,
  lastError: null,
  clockOffsetMs: -1200,
  storage: { persisted: true, usage: 12_000_000, quota: 2_000_000_000 },
  ...over,
});

for (const backend of backends()) {
  describe(`device sync reports (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('lists the organisation’s tablets to its encadrants, the longest silent first, the latest report of each', async () => {
      const c = await cast(storage.db);
      const envoyer = (token: string, deviceId: string, report: DeviceReport) =>
        request(c.app, token, 'POST', '/api/v1/devices/report', { protocolVersion: PROTOCOL_VERSION, deviceId, report });
      expect((await envoyer(c.claire.token, 'tablette-claire', rapport('2026-03-10T08:00:00.000Z'))).status).toBe(204);
      expect((await envoyer(c.claire.token, 'tablette-claire', rapport('2026-03-15T08:00:00.000Z', { pending: 4 }))).status).toBe(204);
      await envoyer(
        c.samir.token,
        'tablette-samir',
        rapport('2026-03-01T08:00:00.000Z', { failuresSinceLastSuccess: 5, lastError: 'reseau' }),
      );
      await envoyer(c.other.chargee.token, 'tablette-autre', rapport('2026-02-01T08:00:00.000Z'));
      // A tablet of an older version reports no refused changes: read as none.
      const { refused: _refused, ...ancien } = rapport('2026-03-20T08:00:00.000Z');
      expect(
        (
          await request(c.app, c.encadrant.token, 'POST', '/api/v1/devices/report', {
            protocolVersion: PROTOCOL_VERSION,
            deviceId: 'tablette-ancienne',
            report: ancien,
          })
        ).status,
      ).toBe(204);
      await envoyer(c.encadrant.token, 'tablette-encadrante', rapport('2026-03-21T08:00:00.000Z', { refused: 3 }));

      const { status, body } = await request(c.app, c.encadrant.token, 'GET', '/api/v1/devices');
      expect(status).toBe(200);
      expect(body.devices.map((d: { deviceId: string }) => d.deviceId)).toEqual([
        'tablette-samir',
        'tablette-claire',
        'tablette-ancienne',
        'tablette-encadrante',
      ]);
      expect(body.devices.map((d: { report: DeviceReport }) => d.report.refused)).toEqual([0, 0, 0, 3]);
      expect(body.devices[0]).toMatchObject({
        user: { name: c.samir.profile.name },
        report: { failuresSinceLastSuccess: 5, lastError: 'reseau' },
      });
      expect(body.devices[1].report).toEqual(rapport('2026-03-15T08:00:00.000Z', { pending: 4 }));
    });

    it('refuses the list to a chargée, a malformed report, and a request without a session', async () => {
      const c = await cast(storage.db);
      expect((await request(c.app, c.claire.token, 'GET', '/api/v1/devices')).status).toBe(403);
      const mauvais = await request(c.app, c.claire.token, 'POST', '/api/v1/devices/report', {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: 'x',
        report: { ...rapport('hier'), pending: -1 },
      });
      expect(mauvais.status).toBe(400);
      expect(
        (
          await request(c.app, null, 'POST', '/api/v1/devices/report', {
            protocolVersion: PROTOCOL_VERSION,
            deviceId: 'x',
            report: rapport('2026-03-15T08:00:00.000Z'),
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await request(c.app, c.claire.token, 'POST', '/api/v1/devices/report', {
            protocolVersion: 1,
            deviceId: 'x',
            report: rapport('2026-03-15T08:00:00.000Z'),
          })
        ).status,
      ).toBe(426);
    });
  });
}
