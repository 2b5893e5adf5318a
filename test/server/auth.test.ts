import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createOrganisation, createUser } from '../../src/server/accounts/accounts.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { request } from './api.ts';
import { backends, useDatabase } from './harness.ts';

const login = (app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string) =>
  request(app, null, 'POST', '/api/login', { email, password });

for (const backend of backends()) {
  describe(`accounts and sessions (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('logs in with scrypt-hashed passwords and answers the profile', async () => {
      const db = storage.db;
      await createOrganisation(db, 'Métropole de Lille', 'metropole');
      await createUser(db, {
        organisation: 'Métropole de Lille',
        email: 'Claire@Exemple.fr',
        password: 'un mot de passe long',
        role: 'chargé',
        name: 'Claire Exemple',
      });
      const app = await buildApp({ db });
      const ok = await login(app, 'claire@exemple.fr', 'un mot de passe long');
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({
        email: 'claire@exemple.fr',
        name: 'Claire Exemple',
        role: 'chargé',
        organisation: { name: 'Métropole de Lille', kind: 'metropole' },
      });
      const [row] = await db.query<{ password_hash: string }>('select password_hash from users where email = $1', ['claire@exemple.fr']);
      expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);

      const me = await request(app, ok.body.token, 'GET', '/api/me');
      expect(me.body).toEqual(ok.body.user);
      const [session] = await db.query<{ token_hash: string }>('select token_hash from sessions');
      expect(session?.token_hash).not.toBe(ok.body.token);

      expect((await request(app, ok.body.token, 'POST', '/api/logout')).status).toBe(204);
      expect((await request(app, ok.body.token, 'GET', '/api/me')).status).toBe(401);
    });

    it('answers the same to an unknown email and a wrong password, then slows guessing down', async () => {
      const db = storage.db;
      const account = await createTestAccount(db, {
        organisation: 'Bailleur du Nord',
        role: 'encadrant',
        email: 'nadia@exemple.fr',
        password: 'mot de passe juste',
      });
      const app = await buildApp({ db });
      const unknown = await login(app, 'personne@exemple.fr', 'mot de passe juste');
      const wrong = await login(app, 'nadia@exemple.fr', 'mauvais');
      expect(unknown).toEqual({ status: 401, body: { error: 'Adresse électronique ou mot de passe incorrect.' } });
      expect(wrong).toEqual(unknown);
      for (let i = 0; i < 4; i += 1) await login(app, 'nadia@exemple.fr', 'mauvais');
      const blocked = await login(app, 'nadia@exemple.fr', account.password);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toMatch(/Trop de tentatives/);
    });

    it('lets no more than five concurrent guesses through', async () => {
      const db = storage.db;
      await createTestAccount(db, {
        organisation: 'Bailleur concurrent',
        role: 'chargé',
        email: 'sara@exemple.fr',
        password: 'mot de passe juste',
      });
      const app = await buildApp({ db });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(app, 'sara@exemple.fr', `essai ${i}`)));
      expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
    });

    it('slows guessing per account and address with growing waits, never locking an account or an office', async () => {
      const db = storage.db;
      const account = await createTestAccount(db, {
        organisation: 'Bailleur du Sud',
        role: 'chargé',
        email: 'ines@exemple.fr',
        password: 'mot de passe juste',
      });
      const colleague = await createTestAccount(db, {
        organisation: 'Bailleur du Sud',
        role: 'chargé',
        email: 'yanis@exemple.fr',
        password: 'autre mot de passe',
      });
      const app = await buildApp({ db, proxyHops: 1 });
      // Behind one proxy, which appends the address it sees to what the client sent.
      const from = (client: string, forged = '') => ({ 'x-forwarded-for': forged === '' ? client : `${forged}, ${client}` });
      const attempt = async (email: string, password: string, headers: Record<string, string>) => {
        const res = await app.inject({ method: 'POST', url: '/api/login', headers, payload: { email, password } });
        return { status: res.statusCode, retryAfter: Number(res.headers['retry-after'] ?? 0) };
      };
      for (let i = 0; i < 5; i += 1)
        expect((await attempt(account.profile.email, 'mauvais', from('203.0.113.7', `10.9.9.${i}`))).status).toBe(401);
      // A forged X-Forwarded-For does not start the count again.
      const first = await attempt(account.profile.email, 'mauvais', from('203.0.113.7', '10.0.0.99'));
      expect(first.status).toBe(429);
      expect(first.retryAfter).toBeGreaterThan(0);
      // The officer herself, from another address, still logs in; so does a colleague behind the guesser's address.
      expect((await attempt(account.profile.email, account.password, from('198.51.100.20'))).status).toBe(200);
      expect((await attempt(colleague.profile.email, colleague.password, from('203.0.113.7'))).status).toBe(200);

      // Once the wait is over (moved into the past here), one more try, then a longer wait.
      await db.query(`update login_attempts set next_allowed = now() - interval '1 second' where key like 'ines@exemple.fr|%'`);
      expect((await attempt(account.profile.email, 'mauvais', from('203.0.113.7'))).status).toBe(401);
      const second = await attempt(account.profile.email, 'mauvais', from('203.0.113.7'));
      expect(second.status).toBe(429);
      expect(second.retryAfter).toBeGreaterThan(first.retryAfter);
    });

    it('does not lock everyone behind one address out after many failures on other accounts', async () => {
      const db = storage.db;
      const account = await createTestAccount(db, {
        organisation: 'Ville de Tourcoing',
        role: 'chargé',
        email: 'lea@exemple.fr',
        password: 'mot de passe juste',
      });
      const app = await buildApp({ db });
      for (let i = 0; i < 51; i += 1) await login(app, `inconnu-${i}@exemple.fr`, 'mauvais');
      expect((await login(app, account.profile.email, account.password)).status).toBe(200);
    });

    it('refuses requests without a live session with 401', async () => {
      const db = storage.db;
      const account = await createTestAccount(db, { organisation: 'Ville de Roubaix', role: 'chargé' });
      const app = await buildApp({ db });
      const urls = ['/api/me', '/api/v1/users', '/api/v1/sync/pull?protocolVersion=1', '/api/v1/conflicts', `/api/blobs/${'a'.repeat(64)}`];
      for (const token of [null, 'pas-un-jeton', 'A'.repeat(43)]) {
        for (const url of urls) expect((await request(app, token, 'GET', url)).status).toBe(401);
        expect((await request(app, token, 'POST', '/api/v1/sync/push', { protocolVersion: 1, deviceId: 'x', changes: [] })).status).toBe(
          401,
        );
      }
      await db.query("update sessions set expires_at = now() - interval '1 second'");
      expect((await request(app, account.token, 'GET', '/api/me')).status).toBe(401);
    });

    it('checks what the admin command creates', async () => {
      const db = storage.db;
      await expect(
        createUser(db, { organisation: 'Inconnue', email: 'a@b.fr', password: 'assez long pour passer', role: 'chargé' }),
      ).rejects.toThrow(/introuvable/);
      await createOrganisation(db, 'MOUS Sud', 'mous');
      await expect(createOrganisation(db, 'MOUS Sud')).rejects.toThrow(/existe déjà/);
      await expect(createOrganisation(db, 'X', 'banque')).rejects.toThrow(/Type d’organisation inconnu/);
      await expect(createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'court', role: 'chargé' })).rejects.toThrow(
        /au moins 12 caractères/,
      );
      for (const common of ['motdepasse123', 'Azertyuiop123', 'Mot de passe 123', '123456789012']) {
        await expect(createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: common, role: 'chargé' })).rejects.toThrow(
          /plus courants/,
        );
      }
      await expect(
        createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'aaaaaaaaaaaaaaab', role: 'chargé' }),
      ).rejects.toThrow(/répète/);
      await expect(
        createUser(db, { organisation: 'MOUS Sud', email: 'claire.martin@b.fr', password: 'claire.martin2025', role: 'chargé' }),
      ).rejects.toThrow(/adresse électronique/);
      await expect(
        createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'assez long pour passer', role: 'stagiaire' }),
      ).rejects.toThrow(/Rôle inconnu/);
      await createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'assez long pour passer', role: 'administrateur' });
      await expect(
        createUser(db, { organisation: 'MOUS Sud', email: 'A@B.FR', password: 'assez long pour passer', role: 'chargé' }),
      ).rejects.toThrow(/existe déjà/);
    });
  });
}
