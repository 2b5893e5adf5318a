import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createOrganisation, createUser } from '../../src/server/accounts/accounts.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { request } from './api.ts';
import { backends, useDatabase } from './harness.ts';

const login = (app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string) => request(app, null, 'POST', '/api/login', { email, password });

for (const backend of backends()) {
  describe(`accounts and sessions (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('logs in with scrypt-hashed passwords and answers the profile', async () => {
      const db = storage.db;
      await createOrganisation(db, 'Métropole de Lille', 'metropole');
      await createUser(db, { organisation: 'Métropole de Lille', email: 'Claire@Exemple.fr', password: 'un mot de passe long', role: 'chargé', name: 'Claire Exemple' });
      const app = await buildApp({ db });
      const ok = await login(app, 'claire@exemple.fr', 'un mot de passe long');
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({ email: 'claire@exemple.fr', name: 'Claire Exemple', role: 'chargé', organisation: { name: 'Métropole de Lille', kind: 'metropole' } });
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
      const account = await createTestAccount(db, { organisation: 'Bailleur du Nord', role: 'encadrant', email: 'nadia@exemple.fr', password: 'mot de passe juste' });
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

    it('refuses requests without a live session with 401', async () => {
      const db = storage.db;
      const account = await createTestAccount(db, { organisation: 'Ville de Roubaix', role: 'chargé' });
      const app = await buildApp({ db });
      const urls = ['/api/me', '/api/v1/users', '/api/v1/sync/pull?protocolVersion=1', '/api/v1/conflicts', `/api/blobs/${'a'.repeat(64)}`];
      for (const token of [null, 'pas-un-jeton', 'A'.repeat(43)]) {
        for (const url of urls) expect((await request(app, token, 'GET', url)).status).toBe(401);
        expect((await request(app, token, 'POST', '/api/v1/sync/push', { protocolVersion: 1, deviceId: 'x', changes: [] })).status).toBe(401);
      }
      await db.query('update sessions set expires_at = now() - interval \'1 second\'');
      expect((await request(app, account.token, 'GET', '/api/me')).status).toBe(401);
    });

    it('checks what the admin command creates', async () => {
      const db = storage.db;
      await expect(createUser(db, { organisation: 'Inconnue', email: 'a@b.fr', password: 'assez long pour passer', role: 'chargé' })).rejects.toThrow(/introuvable/);
      await createOrganisation(db, 'MOUS Sud', 'mous');
      await expect(createOrganisation(db, 'MOUS Sud')).rejects.toThrow(/existe déjà/);
      await expect(createOrganisation(db, 'X', 'banque')).rejects.toThrow(/Type d’organisation inconnu/);
      await expect(createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'court', role: 'chargé' })).rejects.toThrow(/au moins 12 caractères/);
      await expect(createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'assez long pour passer', role: 'stagiaire' })).rejects.toThrow(/Rôle inconnu/);
      await createUser(db, { organisation: 'MOUS Sud', email: 'a@b.fr', password: 'assez long pour passer', role: 'administrateur' });
      await expect(createUser(db, { organisation: 'MOUS Sud', email: 'A@B.FR', password: 'assez long pour passer', role: 'chargé' })).rejects.toThrow(/existe déjà/);
    });
  });
}
