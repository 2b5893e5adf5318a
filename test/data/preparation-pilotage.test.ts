import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  RelogementDb,
  VERSIONS,
  choisirCode,
  deverrouiller,
  differerResumes,
  empechementPreparation,
  enregistrerSession,
  lireEcranPilotage,
  lireSourcePilotage,
  preparerSourcePilotage,
  verrouiller,
} from '../../src/data/index.ts';
import { ecrireLot, type Ecriture } from '../../src/data/ecriture.ts';
import { construireFaits } from '../../src/data/faits-pilotage.ts';
import { lireGardee } from '../../src/data/lecture-gardee.ts';
import { ORGANISATION_A, idMenage } from '../fixtures/pilotage.ts';
import { nomUnique, nouvelleBase } from './base.ts';
import { sessionMetropole } from '../fixtures/session-metropole.ts';
import { relogementsDuTrimestre, signerLeBailDuMenage10 } from './pilotage-bail.ts';

// « Pilotage » prepared at idle (preparation-pilotage.ts): the source read ahead of the tap is the
// one the tap finds, or waits for while it is read; it is never older than the records, never
// read during a pull or a build of the facts, and never survives the lock. Habitat Nord's records
// (test/fixtures/pilotage.ts): 6 relocations in the first quarter 2026, 7 once household 10 signs.

const ecritures = (): Ecriture[] =>
  (['operations', 'residences', 'offres', 'menages', 'propositions', 'mediations', 'enquetes', 'plansRelogement'] as const).flatMap((table) =>
    ORGANISATION_A[table].map((record) => ({ table, record })),
  );


async function remplie(): Promise<RelogementDb> {
  const db = nouvelleBase();
  await ecrireLot(db, ecritures());
  return db;
}

const preparee = async (db: RelogementDb) => {
  const source = await preparerSourcePilotage(db);
  if (!source) throw new Error('Aucune source préparée.');
  return source;
};

describe('« Pilotage » prepared ahead of the tap', () => {
  it('is the source the tap then opens on, read once', async () => {
    const db = await remplie();
    const source = await preparee(db);
    const ecran = await lireEcranPilotage(db);
    expect(ecran.origine === 'tablette' && ecran.source).toBe(source);
    expect(relogementsDuTrimestre(source)).toBe(6);
  });

  it('is waited for by a tap while it reads: both get the one read', async () => {
    const db = await remplie();
    const [preparation, ecran] = await Promise.all([preparerSourcePilotage(db), lireEcranPilotage(db)]);
    expect(preparation).toBe(ecran.origine === 'tablette' && ecran.source);
  });

  it('never hides a change made while it reads: the tap after the change counts it', async () => {
    const db = await remplie();
    const preparation = preparerSourcePilotage(db);
    await signerLeBailDuMenage10(db);
    const ecran = await lireEcranPilotage(db);
    expect(ecran.origine === 'tablette' && relogementsDuTrimestre(ecran.source)).toBe(7);
    await preparation;
    expect(relogementsDuTrimestre(await lireSourcePilotage(db))).toBe(7);
  });

  it('waits while a pull’s facts wait, and for the facts’ build, then reads', async () => {
    const db = await remplie();
    await db.transaction('rw', db.meta, () => differerResumes(db, new Set([idMenage(1)]), ['menages']));
    const pull = await empechementPreparation(db);
    expect(pull).not.toBeNull();
    // Its end is a write of `meta`, which the wait ends with.
    await db.meta.delete('resumesEnAttente');
    await pull?.attendre;
    await db.paquetsFaits.clear();
    const construction = construireFaits(db);
    const attente = await empechementPreparation(db);
    expect(attente !== null && (await attente.attendre)).toBeUndefined();
    await construction;
    expect(await empechementPreparation(db)).toBeNull();
    expect(relogementsDuTrimestre(await preparee(db))).toBe(6);
  });

  it('reads nothing for an account whose figures come from the server', async () => {
    const db = await remplie();
    await enregistrerSession(db, sessionMetropole());
    expect(await preparerSourcePilotage(db)).toBeNull();
  });

  it('keeps nothing that a lock interrupted, nor anything across the lock', async () => {
    const db = new RelogementDb(nomUnique('preparation'), VERSIONS, { chiffree: true });
    await choisirCode(db, '135790', 'chiffres');
    await ecrireLot(db, ecritures());
    const interrompue = preparerSourcePilotage(db).catch(() => null);
    verrouiller(db);
    await deverrouiller(db, '135790');
    const lue = await interrompue;
    const apres = await preparee(db);
    expect(lue).not.toBe(apres);
    verrouiller(db);
    await deverrouiller(db, '135790');
    const ensuite = await lireSourcePilotage(db);
    expect(ensuite).not.toBe(apres);
    expect(relogementsDuTrimestre(ensuite)).toBe(6);
    await db.delete();
  });

  it('keeps no value whose read the lock overtook', async () => {
    const db = new RelogementDb(nomUnique('verrou'), VERSIONS, { chiffree: true });
    await choisirCode(db, '135790', 'chiffres');
    let finir: (v: string) => void = () => undefined;
    const avant = lireGardee(db, 'essai', ['menages'], () => new Promise<string>((f) => (finir = f)), () => true);
    verrouiller(db);
    finir('lue avant le verrouillage');
    expect(await avant).toBe('lue avant le verrouillage');
    await deverrouiller(db, '135790');
    const apres = lireGardee(db, 'essai', ['menages'], async () => 'lue après', () => true);
    expect(await apres).toBe('lue après');
    await db.delete();
  });
});
