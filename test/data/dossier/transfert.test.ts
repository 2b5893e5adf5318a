import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ajouterPages, creerMenage, empreinte, enregistrerFichiersSurReseauNonMesure } from '../../../src/data/index.ts';
import type { RelogementDb } from '../../../src/data/index.ts';
import { ApiSync, EffacementDemande } from '../../../src/sync-client/api.ts';
import { TransfertFichiers, connexionNonMesuree } from '../../../src/sync-client/blobs.ts';
import { DEVICE_HEADER } from '../../../src/sync/index.ts';
import { nouvelleBase, residenceDeTest } from '../base.ts';

const AUJOURDHUI = '2026-03-15';
const jpeg = (n: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, n, n + 1])], { type: 'image/jpeg' });

async function unePage(db: RelogementDb, n: number) {
  const residence = await residenceDeTest(db, '2026-01-10');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Test' }, AUJOURDHUI);
  const piece = await ajouterPages(
    db,
    { menageId: menage.id, kind: 'bail', personneId: null },
    [{ blob: jpeg(n), mime: 'image/jpeg' }],
    AUJOURDHUI,
  );
  return piece.pages[0]!.blobHash;
}

/** A blob server in memory: answers like /api/blobs, and can refuse the next upload as corrupted. */
function serveurFactice() {
  const stockes = new Map<string, Blob>();
  const appels: string[] = [];
  let corrompre = 0;
  const appareils = new Set<unknown>();
  let effacement = false;
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const hash = url.split('/').at(-1) ?? '';
    appels.push(`${init.method} ${hash.slice(0, 6)}`);
    appareils.add((init.headers as Record<string, string>)[DEVICE_HEADER]);
    // As the server answers a tablet declared lost: the reason in the body, none to a HEAD.
    if (effacement)
      return new Response(init.method === 'HEAD' ? null : '{"error":"Cette tablette a été déclarée perdue.","wipe":{"reason":"perdue"}}', {
        status: 410,
        headers: { 'content-type': 'application/json' },
      });
    if (init.method === 'HEAD') return new Response(null, { status: stockes.has(hash) ? 200 : 404 });
    if (init.method === 'PUT') {
      if (corrompre > 0) {
        corrompre--;
        return new Response('{"error":"empreinte"}', { status: 400 });
      }
      stockes.set(hash, init.body as Blob);
      return new Response('{}', { status: 201 });
    }
    const b = stockes.get(hash);
    return b ? new Response(b, { status: 200, headers: { 'content-type': 'image/jpeg' } }) : new Response(null, { status: 404 });
  });
  return { stockes, appels, appareils, fetch, corrompreProchain: () => corrompre++, declarerPerdue: () => (effacement = true) };
}

afterEach(() => vi.unstubAllGlobals());

const api = () =>
  new ApiSync(
    '',
    async () => 'jeton',
    async () => 'tablette-test',
  );

describe('blob transfer of the sync engine', () => {
  it('uploads new pages once, skips known ones, and sends again a page refused as corrupted', async () => {
    const db = nouvelleBase();
    const hash = await unePage(db, 1);
    const serveur = serveurFactice();
    vi.stubGlobal('fetch', serveur.fetch);
    const progres: unknown[] = [];
    const t = new TransfertFichiers(
      db,
      api(),
      (p) => progres.push(p),
    );
    serveur.corrompreProchain();
    await t.envoyer();
    expect((await db.blobs.get(hash))?.etat).toBe('local');
    await t.envoyer();
    expect((await db.blobs.get(hash))?.etat).toBe('envoye');
    expect(serveur.stockes.has(hash)).toBe(true);
    await t.envoyer();
    expect(serveur.appels).toEqual([
      `HEAD ${hash.slice(0, 6)}`,
      `PUT ${hash.slice(0, 6)}`,
      `HEAD ${hash.slice(0, 6)}`,
      `PUT ${hash.slice(0, 6)}`,
    ]);
    expect(progres).toContainEqual({ sens: 'envoi', faits: 0, total: 1 });
    expect(serveur.appareils).toEqual(new Set(['tablette-test']));
  });

  it('names the device on every transfer, and hears the order to erase a tablet declared lost', async () => {
    const db = nouvelleBase();
    const hash = await unePage(db, 4);
    const serveur = serveurFactice();
    vi.stubGlobal('fetch', serveur.fetch);
    serveur.declarerPerdue();
    const envoi = new TransfertFichiers(db, api(), () => undefined).envoyer();
    await expect(envoi).rejects.toThrow(EffacementDemande);
    await expect(envoi).rejects.toMatchObject({ motif: 'perdue', message: 'Cette tablette a été déclarée perdue.' });
    expect(serveur.appels).toEqual([`HEAD ${hash.slice(0, 6)}`, `GET ${hash.slice(0, 6)}`]);
    expect(serveur.appareils).toEqual(new Set(['tablette-test']));
    expect((await db.blobs.get(hash))?.etat).toBe('local');
  });

  it('downloads the pages of pulled pieces, keeping only content that matches its hash', async () => {
    const db = nouvelleBase();
    const hash = await unePage(db, 1);
    await db.blobs.delete(hash);
    const serveur = serveurFactice();
    vi.stubGlobal('fetch', serveur.fetch);
    const t = new TransfertFichiers(
      db,
      api(),
      () => undefined,
    );
    serveur.stockes.set(hash, jpeg(2));
    await t.recevoirEnFond();
    expect(await db.blobs.get(hash)).toBeUndefined();
    serveur.stockes.set(hash, jpeg(1));
    await t.recevoirEnFond();
    const recu = await db.blobs.get(hash);
    expect(recu?.etat).toBe('distant');
    expect(await empreinte(recu!.blob)).toBe(hash);
  });

  it('moves nothing on a metered connection when the officer asked so', async () => {
    expect(connexionNonMesuree({})).toBe(true);
    expect(connexionNonMesuree({ connection: { type: 'wifi' } })).toBe(true);
    expect(connexionNonMesuree({ connection: { type: 'cellular' } })).toBe(false);
    expect(connexionNonMesuree({ connection: { saveData: true } })).toBe(false);
    const db = nouvelleBase();
    await unePage(db, 3);
    await enregistrerFichiersSurReseauNonMesure(db, true);
    const serveur = serveurFactice();
    vi.stubGlobal('fetch', serveur.fetch);
    vi.stubGlobal('navigator', { connection: { type: 'cellular' } });
    await new TransfertFichiers(
      db,
      api(),
      () => undefined,
    ).envoyer();
    expect(serveur.appels).toEqual([]);
  });
});
