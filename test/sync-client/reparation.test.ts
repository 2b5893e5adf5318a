import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  RelogementDb,
  empreinteLocale,
  noterEmpreinteComparee,
  enregistrerSession,
  lireMenage,
  listerRefusees,
  mettreDeCote,
  modifierMenage,
  nombreEnAttente,
  retelechargementDemande,
} from '../../src/data/index.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import { PROTOCOL_VERSION, bucketOf, divergentBuckets, digestResponseSchema } from '../../src/sync/index.ts';
import { serveurDeClairePourLaSuite } from './serveur-de-test.ts';
import { request } from '../server/api.ts';

// Divergence detection and repair (docs/sync.md, « Empreintes et réparation »): the device's sync
// engine on its Dexie database (fake-indexeddb) against the real server over HTTP.

describe('a device that drifted from the server', () => {
  const s = serveurDeClairePourLaSuite(30);

  const appareil = async (nom: string) => {
    const db = new RelogementDb(`${nom}-${Date.now()}`);
    await enregistrerSession(db, { token: s.claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: s.claire.profile });
    return db;
  };
  const empreinteServeur = async () =>
    digestResponseSchema.parse(
      (await request(s.serveur.app, s.claire.token, 'GET', `/api/v1/sync/digest?protocolVersion=${PROTOCOL_VERSION}`)).body,
    );
  const ecarts = async (db: RelogementDb) => {
    const locale = await empreinteLocale(db);
    return divergentBuckets(locale.buckets, (await empreinteServeur()).buckets, locale.aIgnorer);
  };

  /** What a bug, a restored profile or an evicted storage leaves: a row gone, a value with a clock of its own, a record the server never had. */
  async function fausserLeNom(db: RelogementDb, menageId: string): Promise<void> {
    const ligne = (await db.menages.get(menageId)) as unknown as Record<string, unknown> & {
      _sync: Record<string, { hlc: string; seq: number | null }>;
    };
    await db.menages.put({
      ...ligne,
      nom: 'Valeur fausse',
      _sync: { ...ligne._sync, nom: { hlc: '2099-01-01T00:00:00.000Z-0000-ffffffffffffffff', seq: 1 } },
    } as never);
  }

  async function corrompre(db: RelogementDb): Promise<{ perdue: string; faussee: string; intrus: string }> {
    const [perdue] = await db.personnes.where('menageId').equals(s.menages[1]!).primaryKeys();
    await db.personnes.delete(perdue!);
    const faussee = s.menages[2]!;
    await fausserLeNom(db, faussee);
    const intrus = '00000000-0000-4000-8000-000000000001';
    await db.personnes.put({ ...((await db.personnes.where('menageId').equals(s.menages[3]!).first()) as object), id: intrus } as never);
    return { perdue: String(perdue), faussee, intrus };
  }

  it('agrees with the server on what it holds after a first sync: the same digest, computed by PostgreSQL and by the device', async () => {
    const db = await appareil('empreinte');
    await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();
    const locale = await empreinteLocale(db);
    const distante = await empreinteServeur();
    expect(locale.checkpoint).toBe(distante.upto);
    expect(Object.keys(locale.buckets).length).toBeGreaterThan(10);
    expect(locale.buckets).toEqual(distante.buckets);
    await db.delete();
  });

  it('finds out at its next sync and heals, its waiting and refused changes intact', async () => {
    const db = await appareil('reparation');
    await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();
    const { perdue, faussee, intrus } = await corrompre(db);
    // A change refused earlier (kept aside with its value shown), and one waiting to be sent.
    await modifierMenage(db, s.menages[4]!, { telephone: '06 44 44 44 44' });
    const [refusee] = await db.outbox.toArray();
    await mettreDeCote(db, [{ changeId: refusee!.changeId, error: 'Refusée pour l’exemple.' }]);
    // A drift in the very bucket of the refused change, which no digest can compare.
    await fausserLeNom(db, s.menages[4]!);
    await modifierMenage(db, s.menages[5]!, { telephone: '06 55 55 55 55' });
    expect(await ecarts(db)).not.toEqual([]);

    // The same day, a restarted app does not read its whole storage again to compare.
    await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();
    expect(await db.personnes.get(perdue)).toBeUndefined();
    expect(await ecarts(db)).not.toEqual([]);

    // The next day's first sync compares, and heals.
    await noterEmpreinteComparee(db, new Date(Date.now() - 86_400_000));
    await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();

    expect(await ecarts(db)).toEqual([]);
    expect(await db.personnes.get(perdue)).toBeDefined();
    expect((await lireMenage(db, faussee))?.nom).toBe('Ménage 3');
    expect(await db.personnes.get(intrus)).toBeUndefined();
    expect(await retelechargementDemande(db)).toBe(false);
    // The refused change is still aside and still shown; the waiting one reached the server.
    expect((await listerRefusees(db)).flatMap((g) => g.changes.map((c) => c.value))).toEqual(['06 44 44 44 44']);
    expect(await lireMenage(db, s.menages[4]!)).toMatchObject({ nom: 'Ménage 5', telephone: '06 44 44 44 44' });
    expect(await nombreEnAttente(db)).toBe(0);
    const pull = await request(s.serveur.app, s.claire.token, 'GET', `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=0`);
    expect(JSON.stringify(pull.body.records)).toContain('06 55 55 55 55');
    await db.delete();
  });

  it('repairs exactly the two buckets a corruption touched, through the snapshot, and keeps a waiting change elsewhere', async () => {
    const db = await appareil('seaux');
    await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();
    const [perdue] = await db.personnes.where('menageId').equals(s.menages[7]!).primaryKeys();
    await db.personnes.delete(perdue!);
    const faussee = s.menages[8]!;
    await fausserLeNom(db, faussee);
    const corrompus = [bucketOf('personnes', String(perdue)), bucketOf('menages', faussee)].sort();
    // A change waiting in another bucket: that bucket is not compared, and the change stays.
    const ailleurs = s.menages.find((id) => !corrompus.includes(bucketOf('menages', id)))!;
    await modifierMenage(db, ailleurs, { telephone: '06 77 77 77 77' });
    expect(await ecarts(db)).toEqual(corrompus);

    const demandes: string[] = [];
    const fetchReel = globalThis.fetch;
    globalThis.fetch = (entree, init) => {
      demandes.push(String(entree instanceof Request ? entree.url : entree));
      return fetchReel(entree, init);
    };
    try {
      await noterEmpreinteComparee(db, new Date(Date.now() - 86_400_000));
      await new MoteurSync(db, s.serveur.url.replace(/\/$/, '')).synchroniser();
    } finally {
      globalThis.fetch = fetchReel;
    }

    const instantanes = demandes.filter((u) => u.includes('/sync/snapshot'));
    expect(instantanes.map((u) => new URL(u).searchParams.get('buckets'))).toEqual([corrompus.join(',')]);
    expect(demandes.some((u) => u.includes('/sync/pull') && new URL(u).searchParams.get('since') === '0')).toBe(false);
    expect(await ecarts(db)).toEqual([]);
    expect(await db.personnes.get(perdue!)).toBeDefined();
    expect((await lireMenage(db, faussee))?.nom).toBe('Ménage 9');
    expect((await lireMenage(db, ailleurs))?.telephone).toBe('06 77 77 77 77');
    expect(await nombreEnAttente(db)).toBe(0);
    await db.delete();
  });

  it('downloads everything again on « Tout retélécharger », keeping a change that could not be sent', async () => {
    const db = await appareil('retelecharger');
    const moteur = new MoteurSync(db, s.serveur.url.replace(/\/$/, ''));
    await moteur.synchroniser();
    const { perdue, faussee } = await corrompre(db);
    await modifierMenage(db, s.menages[6]!, { telephone: '06 66 66 66 66' });
    // Offline: the request is kept, and the change waits.
    await new MoteurSync(db, 'http://127.0.0.1:9').toutRetelecharger();
    expect(await retelechargementDemande(db)).toBe(true);
    expect(await nombreEnAttente(db)).toBe(1);
    expect((await lireMenage(db, s.menages[6]!))?.telephone).toBe('06 66 66 66 66');

    await moteur.synchroniser();
    expect(await retelechargementDemande(db)).toBe(false);
    expect(await ecarts(db)).toEqual([]);
    expect(await db.personnes.get(perdue)).toBeDefined();
    expect((await lireMenage(db, faussee))?.nom).toBe('Ménage 3');
    expect((await lireMenage(db, s.menages[6]!))?.telephone).toBe('06 66 66 66 66');
    expect(await nombreEnAttente(db)).toBe(0);
    await db.delete();
  });
});
