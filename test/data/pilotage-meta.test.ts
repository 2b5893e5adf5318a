import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie, { RangeSet } from 'dexie';
import {
  differerResumes,
  effacerEchecs,
  enregistrerEquipe,
  enregistrerOrganisationsTerritoire,
  enregistrerSession,
  lireSourcePilotage,
  noterEchec,
  type RelogementDb,
} from '../../src/data/index.ts';
import { ecrireLot } from '../../src/data/ecriture.ts';
import { lireGardee } from '../../src/data/lecture-gardee.ts';
import type { Session } from '../../src/data/session.ts';
import { CLAIRE, KARIM, ORGANISATION_A, idMenage } from '../fixtures/pilotage.ts';
import { nouvelleBase } from './base.ts';

// The officer's « Pilotage » source is kept until a write makes it stale (lecture-gardee.ts). Of
// `meta`, only the keys its read reads count: every sync cycle writes the clock and the checkpoint,
// which it never reads. Habitat Nord's records (test/fixtures/pilotage.ts), its encadrant's session.

const SESSION: Session = {
  token: 'jeton',
  expiresAt: '2099-01-01T00:00:00Z',
  user: {
    id: CLAIRE,
    email: 'claire@relogement.invalid',
    name: 'Claire',
    role: 'encadrant',
    organisation: { id: '0190a6e0-0000-7000-8009-0000000000b1', name: 'Habitat Nord', kind: 'bailleur', territory: null },
  },
};
const EQUIPE = [
  { id: CLAIRE, name: 'Claire', role: 'encadrant' as const },
  { id: KARIM, name: 'Karim', role: 'chargé' as const },
];
const ORGANISATIONS = [{ id: SESSION.user.organisation.id, name: 'Habitat Nord', kind: 'bailleur' as const }];

/** The reads of `meta` made while `pendant` runs, seen from below the app's layers: point reads by key, a range as `PLAGE`. */
const PLAGE = '(plage de clés)';
function observee(): RelogementDb & { lectures: <T>(pendant: () => Promise<T>) => Promise<Set<unknown>> } {
  let lues: Set<unknown> | null = null;
  const db = nouvelleBase();
  db.use({
    stack: 'dbcore',
    name: 'lectures-observees',
    create: (bas) => ({
      ...bas,
      table: (nom) => {
        const table = bas.table(nom);
        if (nom !== 'meta') return table;
        const plage = () => lues?.add(PLAGE);
        return {
          ...table,
          get: (req) => (lues?.add(req.key), table.get(req)),
          getMany: (req) => (req.keys.forEach((k) => lues?.add(k)), table.getMany(req)),
          query: (req) => (plage(), table.query(req)),
          openCursor: (req) => (plage(), table.openCursor(req)),
          count: (req) => (plage(), table.count(req)),
        };
      },
    }),
  });
  return Object.assign(db, {
    lectures: async <T,>(pendant: () => Promise<T>) => {
      lues = new Set();
      const vues = lues;
      await pendant();
      lues = null;
      return vues;
    },
  });
}

async function tablette() {
  const db = observee();
  await ecrireLot(
    db,
    (['operations', 'residences', 'offres', 'menages', 'propositions', 'mediations', 'enquetes', 'plansRelogement'] as const).flatMap((table) =>
      ORGANISATION_A[table].map((record) => ({ table, record })),
    ),
  );
  await enregistrerSession(db, SESSION);
  await enregistrerEquipe(db, EQUIPE);
  await enregistrerOrganisationsTerritoire(db, ORGANISATIONS);
  return db;
}

describe('the « Pilotage » source kept, and `meta`', () => {
  it('is read again after a write of each `meta` key its read reads, as seen under the app', async () => {
    const db = await tablette();
    const cles = await db.lectures(() => lireSourcePilotage(db));
    // A range would be followed whole; this test would then have to write inside it.
    expect(cles).not.toContain(PLAGE);
    expect([...cles]).toEqual(expect.arrayContaining(['session', 'equipe', 'organisationsTerritoire', 'resumesEnAttente']));
    for (const key of cles as Set<string>) {
      const avant = await lireSourcePilotage(db);
      expect(await lireSourcePilotage(db)).toBe(avant);
      // The same value written back, or a key that holds nothing deleted: a write all the same.
      const ligne = await db.meta.get(key);
      await (ligne ? db.meta.put(ligne) : db.meta.delete(key));
      expect(await lireSourcePilotage(db), `after a write of « ${key} »`).not.toBe(avant);
    }
  });

  it('is kept across what a sync cycle writes of `meta` besides: the clock, the checkpoint, its failures, the same team', async () => {
    const db = await tablette();
    const avant = await lireSourcePilotage(db);
    await db.meta.put({ key: 'clock', value: { wall: Date.now(), counter: 0, node: 'x' } });
    await db.meta.put({ key: 'checkpoint', value: 42 });
    await noterEchec(db, 'reseau');
    await effacerEchecs(db);
    // The sync lists the team and the organisations at every cycle: the same lists write nothing.
    await enregistrerEquipe(db, EQUIPE);
    await enregistrerOrganisationsTerritoire(db, ORGANISATIONS);
    expect(await lireSourcePilotage(db)).toBe(avant);
  });

  it('shows what changed under a key it reads: a chargé renamed, the account become a chargée, a household a pull marked', async () => {
    const db = await tablette();
    expect((await lireSourcePilotage(db)).noms.get(KARIM)).toBe('Karim');
    await enregistrerEquipe(db, [EQUIPE[0]!, { ...EQUIPE[1]!, name: 'Karim B.' }]);
    expect((await lireSourcePilotage(db)).noms.get(KARIM)).toBe('Karim B.');
    await enregistrerSession(db, { ...SESSION, user: { ...SESSION.user, role: 'chargé' } });
    expect((await lireSourcePilotage(db)).portefeuille).toBe(true);
    const avant = await lireSourcePilotage(db);
    await db.transaction('rw', db.meta, () => differerResumes(db, new Set([idMenage(1)]), ['menages']));
    // Its facts wait for the end of the pull: read from its records, and nothing kept meanwhile.
    const pendant = await lireSourcePilotage(db);
    expect(pendant).not.toBe(avant);
    expect(await lireSourcePilotage(db)).not.toBe(pendant);
  });

  it('is read again when the page comes back from the back-forward cache, the other tabs’ writes meanwhile untold', async () => {
    const db = await tablette();
    const avant = await lireSourcePilotage(db);
    // What Dexie tells on `pageshow` from that cache.
    Dexie.on.storagemutated.fire({ all: new RangeSet(-Infinity, [[]]) });
    expect(await lireSourcePilotage(db)).not.toBe(avant);
  });

  it('follows the keys a kept value was read from, whichever they are, and all of them without a transaction to follow', async () => {
    const db = nouvelleBase();
    await db.meta.bulkPut([
      { key: 'lue', value: 1 },
      { key: 'autre', value: 2 },
    ]);
    let lectures = 0;
    const lire = () => {
      lectures++;
      return db.meta.get('lue');
    };
    const dansUneTransaction = () => db.transaction('r', db.meta, () => lireGardee(db, 'essai', ['meta'], lire, () => true));
    await dansUneTransaction();
    await db.meta.put({ key: 'autre', value: 3 });
    await dansUneTransaction();
    expect(lectures).toBe(1);
    await db.meta.put({ key: 'lue', value: 4 });
    expect((await dansUneTransaction())?.value).toBe(4);
    expect(lectures).toBe(2);
    const horsTransaction = () => lireGardee(db, 'essai-hors', ['meta'], lire, () => true);
    await horsTransaction();
    await db.meta.put({ key: 'autre', value: 5 });
    await horsTransaction();
    expect(lectures).toBe(4);
  });

  it('keeps nothing when a key it follows is written while it reads', async () => {
    const db = nouvelleBase();
    await db.meta.put({ key: 'lue', value: 1 });
    let lectures = 0;
    // Out of a transaction, so that a write can commit while it reads (a transaction over `meta`
    // would hold it back); every key is then followed.
    const lu = () =>
      lireGardee(
        db,
        'pendant',
        ['meta'],
        async () => {
          lectures++;
          const lue = await db.meta.get('lue');
          if (lectures === 1) await db.meta.put({ key: 'autre', value: 2 });
          return lue;
        },
        () => true,
      );
    await lu();
    await lu();
    await lu();
    expect(lectures).toBe(2);
  });
});
