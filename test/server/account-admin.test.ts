import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEVICE_HEADER, PROTOCOL_VERSION } from '../../src/sync/index.ts';
import type { DevicesResponse } from '../../src/sync/index.ts';
import { createUser, disableUser, enableUser, listUsers, resetPassword } from '../../src/server/accounts/accounts.ts';
import { ABSOLUTE_DAYS } from '../../src/server/accounts/sessions.ts';
import { hashPassword } from '../../src/server/accounts/passwords.ts';
import { request } from './api.ts';
import { cast } from './fixtures.ts';
import type { Cast } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// Issue 17 items 3 and 7: accounts an administrator disables or resets, sessions with an end,
// and tablets an encadrant declares lost or whose user left.

const login = (c: Cast, email: string, password: string, device?: string) =>
  c.app
    .inject({ method: 'POST', url: '/api/login', payload: { email, password }, headers: device ? { [DEVICE_HEADER]: device } : {} })
    .then((r) => ({ status: r.statusCode, body: r.json() }));

const me = (c: Cast, token: string, device?: string) =>
  c.app
    .inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}`, ...(device ? { [DEVICE_HEADER]: device } : {}) },
    })
    .then((r) => ({ status: r.statusCode, body: r.json() }));

const report = (c: Cast, token: string, deviceId: string) =>
  request(c.app, token, 'POST', '/api/v1/devices/report', {
    protocolVersion: PROTOCOL_VERSION,
    deviceId,
    report: {
      syncedAt: new Date().toISOString(),
      durationMs: 1,
      pushed: 0,
      pulled: 0,
      pending: 0,
      refused: 0,
      failuresSinceLastSuccess: 0,
      lastError: null,
      clockOffsetMs: 0,
      storage: { persisted: true, usage: null, quota: null },
    },
  });

for (const backend of backends()) {
  describe(`account administration (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('refuses with a 409, never a 500, the second of two accounts created at the same instant with the same name or address', async () => {
      const c = await cast(storage.db);
      const org = c.claire.profile.organisation.name;
      const hash = await hashPassword(randomUUID());
      const twice = (a: { email: string; name: string }, b: { email: string; name: string }) =>
        Promise.allSettled([
          createUser(storage.db, { organisation: org, role: 'chargé', password: '', ...a }, hash),
          createUser(storage.db, { organisation: org, role: 'chargé', password: '', ...b }, hash),
        ]);
      const sameName = await twice({ email: 'ines.a@exemple.fr', name: 'Inès Roux' }, { email: 'ines.b@exemple.fr', name: ' inès roux ' });
      expect(sameName.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(sameName.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { status: 409, message: expect.stringContaining('déjà celui d’un compte de l’organisation') },
      });
      const sameEmail = await twice({ email: 'paul@exemple.fr', name: 'Paul A' }, { email: 'Paul@exemple.fr', name: 'Paul B' });
      expect(sameEmail.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { status: 409, message: 'Un compte existe déjà pour paul@exemple.fr.' },
      });
      expect((await listUsers(storage.db, org)).filter((u) => /^(ines|paul)/.test(u.email))).toHaveLength(2);
    });

    it('disables an account: its sessions end at once and it cannot log in until enabled again', async () => {
      const c = await cast(storage.db);
      expect((await me(c, c.claire.token)).status).toBe(200);
      expect(await disableUser(storage.db, c.claire.profile.id)).toBe(true);
      expect((await me(c, c.claire.token)).status).toBe(401);
      const refused = await login(c, c.claire.profile.email, c.claire.password);
      expect(refused).toEqual({ status: 403, body: { error: 'Ce compte est désactivé : adressez-vous à votre encadrant.' } });
      const listed = await listUsers(storage.db, c.claire.profile.organisation.name);
      expect(listed.find((u) => u.email === c.claire.profile.email)).toMatchObject({
        disabled: true,
        role: 'chargé',
        name: c.claire.profile.name,
      });
      expect(listed.find((u) => u.email === c.samir.profile.email)).toMatchObject({ disabled: false });
      await enableUser(storage.db, c.claire.profile.id);
      expect((await login(c, c.claire.profile.email, c.claire.password)).status).toBe(200);
    });

    it('resets a password: the old one and every session stop working, the new one logs in', async () => {
      const c = await cast(storage.db);
      await expect(resetPassword(storage.db, c.samir.profile, 'court')).rejects.toThrow(/au moins 12 caractères/);
      await resetPassword(
        storage.db,
        c.samir.profile,
        'une toute nouvelle phrase',
        await hashPassword('une toute nouvelle phrase', { N: 1024, r: 8, p: 1 }),
      );
      expect((await me(c, c.samir.token)).status).toBe(401);
      expect((await login(c, c.samir.profile.email, c.samir.password)).status).toBe(401);
      expect((await login(c, c.samir.profile.email, 'une toute nouvelle phrase')).status).toBe(200);
    });

    it('ends a session at its absolute end however much it is used, and at its idle end', async () => {
      const c = await cast(storage.db);
      await storage.db.query(
        `update sessions set created_at = now() - make_interval(days => ${ABSOLUTE_DAYS}) - interval '1 minute', expires_at = now() + interval '10 days' where user_id = $1`,
        [c.claire.profile.id],
      );
      expect((await me(c, c.claire.token)).status).toBe(401);
      await storage.db.query(
        `update sessions set created_at = now() - interval '20 days', expires_at = now() - interval '1 minute' where user_id = $1`,
        [c.samir.profile.id],
      );
      expect((await me(c, c.samir.token)).status).toBe(401);
      // Used near its absolute end, a session's idle expiry is never pushed past it.
      await storage.db.query(
        `update sessions set created_at = now() - make_interval(days => ${ABSOLUTE_DAYS} - 1), expires_at = now() + interval '1 hour' where user_id = $1`,
        [c.encadrant.profile.id],
      );
      expect((await me(c, c.encadrant.token)).status).toBe(200);
      const [row] = await storage.db.query<{ left: number }>(
        `select extract(epoch from expires_at - now())::int as left from sessions where user_id = $1`,
        [c.encadrant.profile.id],
      );
      expect(row?.left).toBeLessThanOrEqual(24 * 3600);
    });

    it('tells a tablet declared lost to erase everything at its next contact, and only that tablet', async () => {
      const c = await cast(storage.db);
      const tablette = await login(c, c.claire.profile.email, c.claire.password, 'tablette-perdue');
      const autre = await login(c, c.claire.profile.email, c.claire.password, 'tablette-bureau');
      // Each tablet names itself on every request; the session learns its device from the first.
      expect((await me(c, tablette.body.token, 'tablette-perdue')).status).toBe(200);
      expect((await me(c, autre.body.token, 'tablette-bureau')).status).toBe(200);
      await report(c, tablette.body.token, 'tablette-perdue');
      await report(c, autre.body.token, 'tablette-bureau');

      const declare = (token: string, deviceId: string, userId = c.claire.profile.id) =>
        request(c.app, token, 'POST', '/api/v1/devices/wipe', { userId, deviceId });
      expect((await declare(c.samir.token, 'tablette-perdue')).status).toBe(403);
      expect((await declare(c.other.encadrant.token, 'tablette-perdue')).status).toBe(403);
      expect((await declare(c.encadrant.token, 'tablette-perdue')).status).toBe(204);

      const devices = async () => ((await request(c.app, c.encadrant.token, 'GET', '/api/v1/devices')).body as DevicesResponse).devices;
      expect((await devices()).find((d) => d.deviceId === 'tablette-perdue')?.wipe).toMatchObject({ reason: 'perdue', deliveredAt: null });
      const answer = await me(c, tablette.body.token, 'tablette-perdue');
      expect(answer).toEqual({ status: 410, body: { error: expect.stringContaining('déclarée perdue'), wipe: { reason: 'perdue' } } });
      expect((await devices()).find((d) => d.deviceId === 'tablette-perdue')?.wipe?.deliveredAt).not.toBeNull();
      expect((await me(c, autre.body.token, 'tablette-bureau')).status).toBe(200);
      expect((await devices()).find((d) => d.deviceId === 'tablette-bureau')?.wipe).toBeNull();
    });

    it('disables a user who left and erases each of her tablets at its next contact', async () => {
      const c = await cast(storage.db);
      const tablette = await login(c, c.samir.profile.email, c.samir.password, `tablette-${randomUUID()}`);
      expect((await request(c.app, c.claire.token, 'POST', `/api/v1/users/${c.samir.profile.id}/depart`)).status).toBe(403);
      expect((await request(c.app, c.encadrant.token, 'POST', `/api/v1/users/${c.encadrant.profile.id}/depart`)).status).toBe(400);
      expect((await request(c.app, c.encadrant.token, 'POST', `/api/v1/users/${c.samir.profile.id}/depart`)).status).toBe(204);
      for (const token of [c.samir.token, tablette.body.token]) {
        expect(await me(c, token)).toEqual({
          status: 410,
          body: { error: expect.stringContaining('compte a été fermé'), wipe: { reason: 'depart' } },
        });
      }
      expect((await login(c, c.samir.profile.email, c.samir.password)).status).toBe(403);
    });

    it('revokes the session on logout: the tablet is asked to log in again, not to erase', async () => {
      const c = await cast(storage.db);
      expect((await request(c.app, c.claire.token, 'POST', '/api/logout')).status).toBe(204);
      expect((await me(c, c.claire.token)).status).toBe(401);
    });
  });
}
