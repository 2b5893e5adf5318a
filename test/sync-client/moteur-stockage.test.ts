import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RelogementDb } from '../../src/data/index.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import type { EtatSync } from '../../src/sync-client/index.ts';
import { nomUnique } from '../data/base.ts';

// The engine is started without anyone awaiting it (at start, on `online`, on a timer): a cycle
// that rejected would lose its error. Storage that cannot be read is shown like any other failure.
describe('a sync cycle on storage that cannot be read', () => {
  it('resolves, and the state says the sync failed with the reason', async () => {
    const db = new RelogementDb(nomUnique('moteur-stockage'));
    await db.open();
    db.close();
    const moteur = new MoteurSync(db, 'http://127.0.0.1:9');
    const etats: EtatSync[] = [];
    moteur.suivre((e) => etats.push(e));

    await expect(moteur.synchroniser()).resolves.toBeUndefined();

    expect(etats.at(-1)).toMatchObject({ phase: 'erreur', message: expect.stringMatching(/./) });
  });
});
