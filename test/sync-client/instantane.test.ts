import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RelogementDb, enregistrerSession, lireCheckpoint, lireInstantane } from '../../src/data/index.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import type { EtatSync } from '../../src/sync-client/index.ts';
import type { SnapshotResponse } from '../../src/sync/index.ts';
import { serveurDeClairePourLaSuite } from './serveur-de-test.ts';

// A new device's snapshot through the sync engine (docs/sync.md, « Instantané »): each page is
// read while the previous one is stored, against the real server over HTTP.

describe('a first sync from the snapshot', () => {
  const s = serveurDeClairePourLaSuite(30);

  const appareil = async (nom: string) => {
    const db = new RelogementDb(`${nom}-${Date.now()}`);
    await enregistrerSession(db, { token: s.claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: s.claire.profile });
    return db;
  };
  const moteurDe = (db: RelogementDb) => new MoteurSync(db, s.serveur.url.replace(/\/$/, ''));
  const synchroniser = (db: RelogementDb) => moteurDe(db).synchroniser();
  /** A new device's engine, with every state it publishes. */
  const suivie = async (nom: string) => {
    const db = await appareil(nom);
    const etats: EtatSync[] = [];
    const moteur = moteurDe(db);
    moteur.suivre((e) => etats.push(e));
    return { db, etats, moteur };
  };
  const TABLES = ['menages', 'personnes', 'entretiens', 'residences'] as const;
  const contenu = async (db: RelogementDb) =>
    Object.fromEntries(
      await Promise.all(TABLES.map(async (t) => [t, (await db.table(t).toArray()).sort((a, b) => a.id.localeCompare(b.id))])),
    );
  const cles = async (db: RelogementDb) =>
    (await Promise.all(TABLES.map(async (t) => (await db.table(t).toCollection().primaryKeys()).map((id) => `${t}|${String(id)}`))))
      .flat()
      .sort();

  /**
   * Runs `etape` with the snapshot asked for in pages of 40 records; the page after `apres` (if
   * given) comes back with a field's clock that cannot be read back; the one after `perdueApres` (if
   * given) never comes (the network is lost). Gives the `after` of each page
   * asked for, and the records (`table|id`) of each page as the server sent it.
   */
  async function enPetitesPages(etape: () => Promise<void>, malFormeeApres: number | null = null, perdueApres: number | null = null) {
    const apres: number[] = [];
    const pages: string[][] = [];
    const fetchReel = globalThis.fetch;
    globalThis.fetch = async (entree, init) => {
      const url = new URL(String(entree instanceof Request ? entree.url : entree));
      if (!url.pathname.endsWith('/sync/snapshot')) return fetchReel(entree, init);
      url.searchParams.set('limit', '40');
      apres.push(Number(url.searchParams.get('after')));
      if (apres.length - 1 === perdueApres) throw new TypeError('Failed to fetch');
      const page = (await (await fetchReel(url, init)).json()) as SnapshotResponse;
      pages.push(page.records.map((r) => `${r.table}|${r.recordId}`));
      // A count past the start of its record's day: well formed on the wire, no clock once read back.
      const [premier] = page.records.slice(-1);
      if (apres.length - 1 === malFormeeApres) premier!.fields[Object.keys(premier!.fields)[0]!] = ['valeur', Number.MAX_SAFE_INTEGER];
      return Response.json(page);
    };
    try {
      await etape();
    } finally {
      globalThis.fetch = fetchReel;
    }
    return { apres, pages };
  }

  it('stores the pages before a malformed one, stores nothing of it, and resumes there at the next sync, every record once', async () => {
    const temoin = await appareil('temoin');
    await synchroniser(temoin);

    const { db, etats, moteur } = await suivie('interrompue');
    const { apres: demandees, pages } = await enPetitesPages(() => moteur.synchroniser(), 2);
    // The page after the malformed one is asked for as soon as the malformed one arrives, before it is
    // read; nothing is asked after that, and nothing of either is stored.
    expect(demandees).toHaveLength(4);
    expect(pages.flat().every((cle) => TABLES.some((t) => cle.startsWith(`${t}|`)))).toBe(true);
    expect(etats.at(-1)).toMatchObject({ phase: 'erreur', message: expect.stringContaining('Instantané mal formé') });
    // The third page, malformed, was read while the second was stored: the snapshot resumes at the third.
    expect(await lireInstantane(db)).toMatchObject({ next: demandees[2] });
    expect(await lireCheckpoint(db)).toBe(0);
    expect(await cles(db)).toEqual([...pages[0]!, ...pages[1]!].sort());

    const { apres: reprise } = await enPetitesPages(() => synchroniser(db));
    expect(reprise[0]).toBe(demandees[2]);
    expect(await lireInstantane(db)).toBeNull();
    expect(await lireCheckpoint(db)).toBeGreaterThan(0);
    expect(await contenu(db)).toEqual(await contenu(temoin));
  });

  it('stores the pages before one the network lost, says the network failed, and resumes there', async () => {
    const temoin = await appareil('temoin-reseau');
    await synchroniser(temoin);

    const { db, etats, moteur } = await suivie('coupee');
    // The fourth page is lost while the third is read and the second stored.
    const { apres: demandees, pages } = await enPetitesPages(() => moteur.synchroniser(), null, 3);
    expect(demandees).toHaveLength(4);
    // Said last: nothing of the cycle is published after it.
    expect(etats.at(-1)).toMatchObject({ phase: 'hors_ligne', recus: null });
    expect(await cles(db)).toEqual([...pages[0]!, ...pages[1]!, ...pages[2]!].sort());
    expect(await lireInstantane(db)).toMatchObject({ next: demandees[3] });

    const { apres: reprise } = await enPetitesPages(() => synchroniser(db));
    expect(reprise[0]).toBe(demandees[3]);
    expect(await contenu(db)).toEqual(await contenu(temoin));
  });
});
