import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestAccount, pgliteTemplate, startServer } from '../../src/server/testing.ts';
import { backends, useDatabase } from './harness.ts';

// The server as it runs: the built PWA with its cache rules, the health check, a real port, the
// PGlite data directory locked against a second process.

const temp = mkdtempSync(join(tmpdir(), 'relogement-http-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function fakeDist(): string {
  const dist = join(temp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relogement</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'assets', 'app-3f2a.js'), 'export {};');
  return dist;
}

for (const backend of backends()) {
  describe(`serving the PWA (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('serves the shell fresh, hashed assets for good, and app routes from index.html', async () => {
      const app = await buildApp({ db: storage.db, distDir: fakeDist() });
      const get = (url: string) => app.inject({ method: 'GET', url });
      const index = await get('/');
      expect(index.statusCode).toBe(200);
      expect(index.headers['cache-control']).toBe('no-cache');
      expect((await get('/sw.js')).headers['cache-control']).toBe('no-cache');
      expect((await get('/assets/app-3f2a.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const route = await get('/menages/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
      expect(route.statusCode).toBe(200);
      expect(route.body).toBe(index.body);
      expect(route.headers['cache-control']).toBe('no-cache');
      expect((await get('/assets/absent-1234.js')).statusCode).toBe(404);
      const api = await get('/api/inconnue');
      expect(api.statusCode).toBe(404);
      expect(api.json()).toEqual({ error: 'Adresse d’API inconnue.' });
      expect((await get('/api/health')).json()).toEqual({ status: 'ok', database: backend.name });
      await app.close();
    });

    it('sends the security headers on every answer, and never lets an API answer be cached', async () => {
      const app = await buildApp({ db: storage.db, distDir: fakeDist() });
      const account = await createTestAccount(storage.db, { organisation: 'Bailleur des en-têtes', role: 'chargé' });
      const answers = await Promise.all([
        app.inject({ method: 'GET', url: '/' }),
        app.inject({ method: 'GET', url: '/assets/app-3f2a.js' }),
        app.inject({ method: 'GET', url: '/api/health' }),
        app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${account.token}` } }),
        app.inject({ method: 'GET', url: '/api/me' }),
        app.inject({ method: 'GET', url: `/api/blobs/${'a'.repeat(64)}`, headers: { authorization: `Bearer ${account.token}` } }),
        app.inject({ method: 'POST', url: '/api/login', payload: '{', headers: { 'content-type': 'application/json' } }),
      ]);
      for (const answer of answers) {
        const csp = String(answer.headers['content-security-policy']);
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
      }
      for (const answer of answers.slice(2)) expect(answer.headers['cache-control']).toBe('no-store');
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 401, 403, 400]);
      await app.close();
    });
  });
}

describe('the server process', () => {
  it('listens on 127.0.0.1, keeps PGlite to one process, and closes cleanly', async () => {
    const dataDir = join(temp, 'data');
    const server = await startServer({ port: 0, dataDir, distDir: fakeDist(), template: await pgliteTemplate() });
    const account = await createTestAccount(server.db, {
      organisation: 'Ville de Tourcoing',
      role: 'administrateur',
      password: 'mot de passe du test',
    });
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.profile.email, password: account.password }),
    });
    expect(login.status).toBe(200);
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${account.token}` } })).status).toBe(200);

    const admin = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', 'create-org', 'Autre'], {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(admin.status).toBe(1);
    expect(admin.stderr).toMatch(/La base intégrée .* est utilisée par le serveur \(pid \d+\)/);

    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    // A password is never an argument: read from standard input here (a prompt at a terminal).
    const runAdmin = (args: string[], input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
        input,
      });
    const newUser = ['create-user', '--org', 'Ville de Tourcoing', '--email', 'lina@exemple.fr', '--role', 'chargé'];
    const argument = runAdmin([...newUser, '--password', 'un mot de passe long'], '');
    expect(argument.status).toBe(1);
    expect(argument.stderr).toMatch(/--password n’est plus acceptée/);
    const common = runAdmin(newUser, 'motdepasse123\n');
    expect(common.status).toBe(1);
    expect(common.stderr).toMatch(/plus courants/);
    const created = runAdmin(newUser, 'trois chats sur un toit\n');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const reopened = await startServer({ port: 0, dataDir });
    expect((await fetch(`${reopened.url}/api/me`, { headers: { authorization: `Bearer ${account.token}` } })).status).toBe(200);
    const lina = await fetch(`${reopened.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lina@exemple.fr', password: 'trois chats sur un toit' }),
    });
    expect(lina.status).toBe(200);
    await reopened.close();
  }, 120_000);
});
