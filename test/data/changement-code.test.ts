import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RelogementDb, VERSIONS } from '../../src/data/db.ts';
import {
  ESSAIS_AVANT_OUBLI,
  abandonnerAnciennesModifications,
  nombreMisesDeCote,
  anciennesModifications,
  changerCode,
  choisirCode,
  creerMenage,
  deverrouiller,
  etatCode,
  recupererAnciennesModifications,
  repartirDUnNouveauCode,
  verrouiller,
} from '../../src/data/index.ts';
import { nomUnique, residenceDeTest } from './base.ts';

// Issue 17 item 2 (docs/chiffrement.md): the officer changes her code without anything encrypted
// again; after ten wrong codes and a new login she starts again with a new code, and what was kept
// sealed by the old one comes back only with it.

const AUJOURDHUI = '2026-03-15';
const ANCIEN = '482913';
const NOUVEAU = '731904';
const ouvertes: RelogementDb[] = [];

afterEach(async () => {
  for (const db of ouvertes.splice(0)) {
    for (const { base } of await anciennesModifications(db)) await abandonnerAnciennesModifications(db, base);
    await db.delete();
  }
});

function baseChiffree(): RelogementDb {
  const db = new RelogementDb(nomUnique('code'), VERSIONS, { chiffree: true });
  ouvertes.push(db);
  return db;
}

const nomDuMenage = async (db: RelogementDb, id: string) =>
  (await db.outbox.where('[table+recordId]').equals(['menages', id]).toArray()).find((c) => c.field === 'nom')?.value;

async function dixCodesFaux(db: RelogementDb) {
  for (let i = 0; i < ESSAIS_AVANT_OUBLI; i++) await deverrouiller(db, '000000');
}

describe('changer de code', () => {
  it('wraps the same data key with the new code: the data reads back, the old code no longer opens', async () => {
    const db = baseChiffree();
    await choisirCode(db, ANCIEN, 'chiffres');
    const residence = await residenceDeTest(db, '2026-01-10');
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
    expect(await changerCode(db, ANCIEN, 'une phrase de passe longue', 'phrase')).toEqual({ ouvert: true });
    verrouiller(db);
    expect(await deverrouiller(db, ANCIEN)).toMatchObject({ ouvert: false, essaisRestants: ESSAIS_AVANT_OUBLI - 1 });
    expect(await deverrouiller(db, 'une phrase de passe longue')).toEqual({ ouvert: true });
    expect((await db.menages.get(m.id))?.nom).toBe('Famille Benali');
    expect(await etatCode(db)).toEqual({ genre: 'phrase', essaisRestants: ESSAIS_AVANT_OUBLI, oublie: false });
  });

  it('counts a wrong current code as a wrong try; the tenth forgets the data and locks the app', async () => {
    const db = baseChiffree();
    await choisirCode(db, ANCIEN, 'chiffres');
    const residence = await residenceDeTest(db, '2026-01-10');
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
    for (let i = 1; i < ESSAIS_AVANT_OUBLI; i++) await changerCode(db, '111111', NOUVEAU, 'chiffres');
    expect(db.coffre?.ouvert).toBe(true);
    expect(await changerCode(db, '111111', NOUVEAU, 'chiffres')).toEqual({ ouvert: false, essaisRestants: 0, oublie: true });
    expect(db.coffre?.ouvert).toBe(false);
    expect(await db.menages.count()).toBe(0);
  });
});

describe('un nouveau code après l’effacement', () => {
  it('sets the kept changes aside, sealed; the old code brings them back into the outbox, under the new key', async () => {
    const db = baseChiffree();
    await choisirCode(db, ANCIEN, 'chiffres');
    const residence = await residenceDeTest(db, '2026-01-10');
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
    const gardees = await db.outbox.count();
    verrouiller(db);
    await dixCodesFaux(db);
    expect(await etatCode(db)).toMatchObject({ oublie: true });

    await repartirDUnNouveauCode(db, NOUVEAU, 'chiffres');
    expect(await etatCode(db)).toEqual({ genre: 'chiffres', essaisRestants: ESSAIS_AVANT_OUBLI, oublie: false });
    expect(await db.outbox.count()).toBe(0);
    const [mises] = await anciennesModifications(db);
    expect(mises).toMatchObject({ genre: 'chiffres', modifications: gardees, fichiers: 0 });
    // Out of the outbox, still waiting: the header counts them (etat-affiche.ts).
    expect(await nombreMisesDeCote(db)).toBe(gardees);

    expect(await recupererAnciennesModifications(db, mises!.base, NOUVEAU)).toMatchObject({ ouvert: false, essaisRestants: 9 });
    expect(await recupererAnciennesModifications(db, mises!.base, ANCIEN)).toEqual({ ouvert: true });
    expect(await anciennesModifications(db)).toEqual([]);
    expect(await nombreMisesDeCote(db)).toBe(0);
    expect(await nomDuMenage(db, m.id)).toBe('Famille Benali');
    verrouiller(db);
    expect(await deverrouiller(db, NOUVEAU)).toEqual({ ouvert: true });
    expect(await db.outbox.count()).toBe(gardees);
  });

  it('erases the kept changes for good after ten wrong tries of the old code', async () => {
    const db = baseChiffree();
    await choisirCode(db, ANCIEN, 'chiffres');
    const residence = await residenceDeTest(db, '2026-01-10');
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
    verrouiller(db);
    await dixCodesFaux(db);
    await repartirDUnNouveauCode(db, NOUVEAU, 'chiffres');
    const [mises] = await anciennesModifications(db);
    for (let i = 1; i < ESSAIS_AVANT_OUBLI; i++) await recupererAnciennesModifications(db, mises!.base, '000000');
    expect(await recupererAnciennesModifications(db, mises!.base, '000000')).toEqual({ ouvert: false, essaisRestants: 0, oublie: true });
    expect(await anciennesModifications(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('is refused while the code is not forgotten', async () => {
    const db = baseChiffree();
    await choisirCode(db, ANCIEN, 'chiffres');
    await expect(repartirDUnNouveauCode(db, NOUVEAU, 'chiffres')).rejects.toThrow('n’a pas été oublié');
    verrouiller(db);
    expect(await deverrouiller(db, ANCIEN)).toEqual({ ouvert: true });
  });
});
