import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RelogementDb, enregistrerSession, lireSourcePilotage } from '../../src/data/index.ts';
import { complets } from '../../src/data/paquet-offres.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { nomUnique } from '../data/base.ts';
import { serveurDeClairePourLaSuite } from './serveur-de-test.ts';

// Claire's « Pilotage » source, kept on her tablet (lecture-gardee.ts), across real sync cycles:
// each cycle writes `meta` (the clock, the checkpoint) and lists her team and her territory's
// organisations again; only a change to what the source reads has it read again.

describe('« Pilotage » kept across sync cycles', () => {
  const s = serveurDeClairePourLaSuite(10);

  it('is kept by a cycle that brings nothing, and read again, with her new colleague’s name, by one that lists her', async () => {
    const db = new RelogementDb(nomUnique('pilotage-synchro'));
    await enregistrerSession(db, { token: s.claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: s.claire.profile });
    const moteur = new MoteurSync(db, s.serveur.url.replace(/\/$/, ''));
    await moteur.synchroniser();
    // Her organisation has no offer: the first read builds their (empty) rows in the background, once.
    await lireSourcePilotage(db);
    await expect.poll(async () => complets(await db.offresPilotage.toArray())).toBe(true);
    const source = await lireSourcePilotage(db);
    expect(source.calculEnCours).toBeNull();
    expect(source.donnees.menages).toHaveLength(10);
    await moteur.synchroniser();
    expect(await lireSourcePilotage(db)).toBe(source);
    await createTestAccount(s.serveur.db, { organisation: 'Bailleur', role: 'chargé', name: 'Nadia' });
    await moteur.synchroniser();
    const apres = await lireSourcePilotage(db);
    expect(apres).not.toBe(source);
    expect([...apres.noms.values()]).toContain('Nadia');
    await db.delete();
  });
});
