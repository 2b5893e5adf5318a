import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RelogementDb,
  conflitsDuMenage,
  creerMenage,
  enregistrerSession,
  identifiantAppareil,
  marquerConflitVu,
  nombreEnAttente,
} from '../../src/data/index.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import { createTestAccount, createTestResidence, pgliteTemplate, startServer } from '../../src/server/testing.ts';
import type { RunningServer, TestAccount } from '../../src/server/testing.ts';
import { pullAll, pushChanges, request } from './api.ts';
import { ModelClient } from './client-model.ts';
import { newHousehold } from './fixtures.ts';

// The device's sync engine on its Dexie database (fake-indexeddb) against the real server over HTTP.

describe('the sync engine', () => {
  let serveur: RunningServer;
  let claire: TestAccount;
  let nadia: TestAccount;
  let residenceId: string;
  beforeAll(async () => {
    serveur = await startServer({ port: 0, template: await pgliteTemplate() });
    claire = await createTestAccount(serveur.db, { organisation: 'Bailleur', role: 'encadrant', name: 'Claire' });
    nadia = await createTestAccount(serveur.db, { organisation: 'Bailleur', role: 'encadrant', name: 'Nadia' });
    residenceId = await createTestResidence(serveur.db, claire.profile);
  }, 60_000);
  afterAll(async () => {
    await serveur.close();
  });

  it('brings a concurrent edit’s note to the tablet, and tells the server of an acknowledgement made offline at the next sync', async () => {
    // Claire and Nadia change the same phone number without having seen each other's edit.
    const deClaire = new ModelClient(claire.token, Date.now);
    const { menageId } = newHousehold(deClaire, residenceId, claire.profile.id);
    await pushChanges(serveur.app, claire.token, deClaire.outbox, deClaire.deviceId);
    deClaire.outbox = [];
    const deNadia = new ModelClient(nadia.token, Date.now);
    for (const page of (await pullAll(serveur.app, nadia.token)).pages) deNadia.applyPull(page);
    deNadia.edit('menages', menageId, 'telephone', '06 22 22 22 22');
    deClaire.edit('menages', menageId, 'telephone', '06 11 11 11 11');
    await pushChanges(serveur.app, nadia.token, deNadia.outbox, deNadia.deviceId);
    await pushChanges(serveur.app, claire.token, deClaire.outbox, deClaire.deviceId);

    const db = new RelogementDb(`moteur-${Date.now()}`);
    await enregistrerSession(db, { token: claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: claire.profile });
    const moteur = new MoteurSync(db, serveur.url.replace(/\/$/, ''));
    await moteur.synchroniser();
    // Whichever clock wins, the tablet holds the value kept and the note names the one replaced.
    const [note] = await conflitsDuMenage(db, menageId);
    expect(note?.field).toBe('telephone');
    expect([note?.winner.value, note?.loser.value].sort()).toEqual(['06 11 11 11 11', '06 22 22 22 22']);
    expect((await db.menages.get(menageId))?.telephone).toBe(note?.winner.value);

    await marquerConflitVu(db, note!.id);
    expect(await conflitsDuMenage(db, menageId)).toEqual([]);
    expect(await nombreEnAttente(db)).toBe(1);
    expect((await request(serveur.app, claire.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`)).body.conflicts).toHaveLength(1);

    await moteur.synchroniser();
    expect(await nombreEnAttente(db)).toBe(0);
    expect((await request(serveur.app, claire.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`)).body.conflicts).toEqual([]);
    expect(await conflitsDuMenage(db, menageId)).toEqual([]);
    await db.delete();
  });

  it('tells the officer the organisation’s storage is full, and keeps the changes on the tablet', async () => {
    const plein = await startServer({ port: 0, template: await pgliteTemplate(), orgQuotaBytes: 50 });
    try {
      const encadrante = await createTestAccount(plein.db, { organisation: 'Bailleur plein', role: 'encadrant', name: 'Inès' });
      const residence = await createTestResidence(plein.db, encadrante.profile);
      const db = new RelogementDb(`moteur-plein-${Date.now()}`);
      await enregistrerSession(db, { token: encadrante.token, expiresAt: '2099-01-01T00:00:00.000Z', user: encadrante.profile });
      await creerMenage(db, { residenceId: residence, nom: 'Famille Benali' }, '2026-03-15');
      const moteur = new MoteurSync(db, plein.url);
      const etats: (string | null)[] = [];
      moteur.suivre((e) => etats.push(e.message));
      await moteur.synchroniser();
      expect(etats.at(-1)).toMatch(/Espace de stockage de votre organisation plein/);
      expect(await nombreEnAttente(db)).toBeGreaterThan(0);
      await db.delete();
    } finally {
      await plein.close();
    }
  });

  it('reports each sync to the server, with the failures since the last success', async () => {
    const db = new RelogementDb(`moteur-rapport-${Date.now()}`);
    await enregistrerSession(db, { token: claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: claire.profile });
    // Twice out of reach (a port nothing listens on), then back.
    const injoignable = new MoteurSync(db, 'http://127.0.0.1:9');
    await injoignable.synchroniser();
    await injoignable.synchroniser();
    await new MoteurSync(db, serveur.url.replace(/\/$/, '')).synchroniser();

    const { status, body } = await request(serveur.app, claire.token, 'GET', '/api/v1/devices');
    expect(status).toBe(200);
    const deviceId = await identifiantAppareil(db);
    const appareil = body.devices.find((d: { deviceId: string }) => d.deviceId === deviceId);
    expect(appareil).toMatchObject({
      user: { name: 'Claire' },
      report: { failuresSinceLastSuccess: 2, lastError: 'reseau', pending: 0, storage: { persisted: false } },
    });
    expect(appareil.report.pulled).toBeGreaterThan(0);
    expect(Math.abs(appareil.report.clockOffsetMs)).toBeLessThan(60_000);

    // The next report starts afresh.
    await new MoteurSync(db, serveur.url.replace(/\/$/, '')).synchroniser();
    const apres = (await request(serveur.app, claire.token, 'GET', '/api/v1/devices')).body.devices.find(
      (d: { deviceId: string }) => d.deviceId === appareil.deviceId,
    );
    expect(apres.report).toMatchObject({ failuresSinceLastSuccess: 0, lastError: null });
    await db.delete();
  });
});
