import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { entretienSchema, menageSchema, personneSchema } from '../../src/domain/index.ts';
import type { Entretien, Personne } from '../../src/domain/index.ts';
import { RelogementDb } from '../../src/data/db.ts';
import { liveQuery, personnesDuMenage } from '../../src/data/index.ts';
import { avecEnfants, deplacerEnfants } from '../../src/data/ligne-menage-disposition.ts';
import { nouvelleBase } from './base.ts';

// The `personnes` and `entretiens` tables the app sees over records kept in their households' rows
// (versions 20 and 22, `src/data/ligne-menage.ts`): every way the app reads and writes them gives what
// a table of their own gave.

const id = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const menage = (n: number) => menageSchema.parse({ id: id(n), residenceId: id(999), nom: `Ménage ${n}`, creeLe: '2026-03-15' });
const occupant = (n: number, menageN: number, prenom = `Prénom ${n}`): Personne => personneSchema.parse({ id: id(n), menageId: id(menageN), prenom });
const entretien = (n: number, menageN: number, date = '2026-04-01'): Entretien =>
  entretienSchema.parse({ id: id(n), menageId: id(menageN), date, type: 'premier', statut: 'brouillon' });

/** Where IndexedDB holds each record of a table inside households, read without the app's layers. */
async function places(nom: string, table = 'personnes', champ = 'occupants'): Promise<{ apart: string[]; dedans: Record<string, string[]> }> {
  const brute = new Dexie(nom);
  await brute.open();
  const apart = (await brute.table(table).toCollection().primaryKeys()) as string[];
  const lignes = (await brute.table('menages').toArray()) as ({ id: string } & Record<string, Record<string, unknown> | undefined>)[];
  brute.close();
  return { apart, dedans: Object.fromEntries(lignes.map((m) => [m.id, Object.keys(m[champ] ?? {}).sort()])) };
}

describe('occupants kept in their households’ rows', () => {
  it('are read by id, by household, in order, by cursor and counted as a table of their own would be', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2), menage(3)]);
    const occupants = [occupant(11, 1), occupant(12, 1), occupant(21, 2), occupant(31, 3, 'Zoé'), occupant(32, 3, 'Adam')];
    await db.personnes.bulkPut(occupants);
    expect((await places(db.name)).apart).toEqual([]);
    expect(await db.personnes.get(id(21))).toEqual(occupants[2]);
    expect(await db.personnes.bulkGet([id(32), id(99), id(11)])).toEqual([occupants[4], undefined, occupants[0]]);
    expect(await db.personnes.where('menageId').equals(id(1)).toArray()).toEqual([occupants[0], occupants[1]]);
    expect(await db.personnes.where('menageId').anyOf([id(3), id(1)]).primaryKeys()).toEqual([id(11), id(12), id(31), id(32)]);
    expect(await db.personnes.where('menageId').between(id(2), id(3), true, true).count()).toBe(3);
    expect(await db.personnes.count()).toBe(5);
    expect(await db.personnes.orderBy('id').reverse().limit(2).primaryKeys()).toEqual([id(32), id(31)]);
    const vus: string[] = [];
    await db.personnes.filter((p) => p.menageId === id(3)).each((p) => vus.push(p.prenom));
    expect(vus).toEqual(['Zoé', 'Adam']);
    expect(await db.personnes.where('menageId').equals(id(3)).first()).toEqual(occupants[3]);
    expect(Object.keys((await db.menages.get(id(1)))!)).not.toContain('occupants');
  });

  it('follow their household when it changes, leave with a delete, and refuse an add of one already there', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2)]);
    await db.personnes.bulkPut([occupant(11, 1), occupant(12, 1)]);
    await db.personnes.put(occupant(12, 2));
    expect(await db.personnes.where('menageId').equals(id(2)).primaryKeys()).toEqual([id(12)]);
    expect((await places(db.name)).dedans).toEqual({ [id(1)]: [id(11)], [id(2)]: [id(12)] });
    await db.personnes.where('menageId').equals(id(1)).delete();
    expect(await db.personnes.get(id(11))).toBeUndefined();
    await expect(db.personnes.add(occupant(12, 1))).rejects.toThrow();
    expect((await db.personnes.get(id(12)))?.menageId).toBe(id(2));
  });

  it('received before their household are kept apart, still found, and move in when written again or moved', async () => {
    const db = nouvelleBase();
    await db.personnes.bulkPut([occupant(11, 1), occupant(12, 1)]);
    await db.menages.put(menage(1));
    expect(await db.personnes.where('menageId').equals(id(1)).count()).toBe(2);
    await db.personnes.put(occupant(11, 1, 'Nadia'));
    expect(await places(db.name)).toEqual({ apart: [id(12)], dedans: { [id(1)]: [id(11)] } });
    expect((await db.personnes.where('menageId').equals(id(1)).toArray()).map((p) => p.prenom)).toEqual(['Nadia', 'Prénom 12']);
    await db.menages.put({ ...menage(1), nom: 'Famille Haddad' });
    expect((await db.personnes.get(id(11)))?.prenom).toBe('Nadia');
  });

  it('written by another tab are seen here, and a household it stored keeps them when written here', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1)]);
    await db.personnes.bulkPut([occupant(11, 1)]);
    expect(await db.personnes.count()).toBe(1);
    const autre = new RelogementDb(db.name);
    await autre.menages.put(menage(2));
    await autre.personnes.bulkPut([occupant(21, 2), occupant(12, 1)]);
    await autre.personnes.delete(id(11));
    await autre.entretiens.put(entretien(22, 2));
    autre.close();
    expect(await db.entretiens.get(id(22))).toEqual(entretien(22, 2));
    expect(await db.personnes.count()).toBe(2);
    expect(await db.personnes.bulkGet([id(11), id(12), id(21)])).toEqual([undefined, occupant(12, 1), occupant(21, 2)]);
    // Written here without its occupants, as a snapshot page or a pull writes it.
    await db.menages.bulkPut([{ ...menage(2), nom: 'Famille Haddad' }]);
    expect(await db.personnes.where('menageId').equals(id(2)).toArray()).toEqual([occupant(21, 2)]);
    expect(await db.entretiens.where('menageId').equals(id(2)).toArray()).toEqual([entretien(22, 2)]);
    expect((await places(db.name)).dedans).toEqual({ [id(1)]: [id(12)], [id(2)]: [id(21)] });
  });

  it('changed by a transaction that fails are found as they were', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2)]);
    const occupants = [occupant(11, 1), occupant(12, 1), occupant(21, 2)];
    await db.personnes.bulkPut(occupants);
    const echec = db.transaction('rw', db.menages, db.personnes, async () => {
      await db.personnes.put(occupant(13, 1));
      await db.personnes.put(occupant(12, 3));
      await db.personnes.delete(id(11));
      await db.menages.delete(id(2));
      await db.menages.put(menage(3));
      throw new Error('interrompue');
    });
    await expect(echec).rejects.toThrow('interrompue');
    expect(await db.personnes.count()).toBe(3);
    expect(await db.personnes.bulkGet([id(11), id(12), id(13), id(21)])).toEqual([occupants[0], occupants[1], undefined, occupants[2]]);
    await db.menages.bulkPut([{ ...menage(2), nom: 'Famille Haddad' }]);
    expect(await db.personnes.where('menageId').equals(id(2)).toArray()).toEqual([occupant(21, 2)]);
    expect(await places(db.name)).toEqual({ apart: [], dedans: { [id(1)]: [id(11), id(12)], [id(2)]: [id(21)] } });
  });
});

describe('interviews kept in their households’ rows', () => {
  it('are read by id, by household, in order, by cursor and counted as a table of their own would be, beside the occupants', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2)]);
    await db.personnes.bulkPut([occupant(11, 1), occupant(21, 2)]);
    const entretiens = [entretien(13, 1, '2026-05-02'), entretien(14, 1, '2026-04-01'), entretien(23, 2)];
    await db.entretiens.bulkPut(entretiens);
    expect(await places(db.name, 'entretiens', 'entretiens')).toEqual({ apart: [], dedans: { [id(1)]: [id(13), id(14)], [id(2)]: [id(23)] } });
    expect((await places(db.name)).dedans).toEqual({ [id(1)]: [id(11)], [id(2)]: [id(21)] });
    expect(await db.entretiens.get(id(14))).toEqual(entretiens[1]);
    expect(await db.entretiens.bulkGet([id(23), id(11), id(13)])).toEqual([entretiens[2], undefined, entretiens[0]]);
    expect(await db.personnes.get(id(13))).toBeUndefined();
    expect(await db.entretiens.where('menageId').equals(id(1)).toArray()).toEqual([entretiens[0], entretiens[1]]);
    expect(await db.entretiens.where('menageId').anyOf([id(2), id(1)]).primaryKeys()).toEqual([id(13), id(14), id(23)]);
    expect(await db.entretiens.count()).toBe(3);
    expect(await db.personnes.count()).toBe(2);
    expect(await db.entretiens.orderBy('id').reverse().limit(2).primaryKeys()).toEqual([id(23), id(14)]);
    expect((await db.entretiens.filter((e) => e.date < '2026-05-01').toArray()).map((e) => e.id)).toEqual([id(14), id(23)]);
    expect(Object.keys((await db.menages.get(id(1)))!)).not.toContain('entretiens');
  });

  it('stay with their household written alone, follow a write, leave with a delete or with their household, and refuse an add of one already there', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2)]);
    await db.entretiens.bulkPut([entretien(13, 1), entretien(14, 1), entretien(23, 2)]);
    await db.personnes.put(occupant(11, 1));
    await db.menages.put({ ...menage(1), nom: 'Famille Haddad' });
    await db.entretiens.put({ ...entretien(13, 1), statut: 'termine', termineLe: '2026-04-02' });
    expect((await db.entretiens.get(id(13)))?.statut).toBe('termine');
    expect(await db.entretiens.where('menageId').equals(id(1)).count()).toBe(2);
    expect(await db.personnes.where('menageId').equals(id(1)).count()).toBe(1);
    await expect(db.entretiens.add(entretien(14, 2))).rejects.toThrow();
    await db.entretiens.delete(id(14));
    expect(await db.entretiens.where('menageId').equals(id(1)).primaryKeys()).toEqual([id(13)]);
    await db.menages.delete(id(1));
    expect(await db.entretiens.toCollection().primaryKeys()).toEqual([id(23)]);
    expect(await db.entretiens.count()).toBe(1);
    expect(await db.personnes.count()).toBe(0);
  });

  it('received before their household are kept apart, still found, and move in when written again', async () => {
    const db = nouvelleBase();
    await db.entretiens.bulkPut([entretien(13, 1), entretien(14, 1)]);
    await db.menages.put(menage(1));
    expect(await db.entretiens.where('menageId').equals(id(1)).count()).toBe(2);
    await db.entretiens.put(entretien(13, 1, '2026-06-01'));
    expect(await places(db.name, 'entretiens', 'entretiens')).toEqual({ apart: [id(14)], dedans: { [id(1)]: [id(13)] } });
    expect((await db.entretiens.where('menageId').equals(id(1)).toArray()).map((e) => e.date)).toEqual(['2026-06-01', '2026-04-01']);
  });
});

describe('the map of the records inside households', () => {
  /** The map's rows as IndexedDB holds them: its 64 rows, and its journal's. */
  async function carte(nom: string): Promise<{ seaux: number; journal: number }> {
    const brute = new Dexie(nom);
    await brute.open();
    const cles = (await brute.table('occupantsMenages').toCollection().primaryKeys()) as unknown[];
    brute.close();
    return { seaux: cles.filter((c) => typeof c === 'number').length, journal: cles.filter(Array.isArray).length };
  }

  it('takes each write in its journal, folds it into its rows, and every tab finds each record throughout', async () => {
    const db = nouvelleBase();
    await db.menages.bulkPut([menage(1), menage(2)]);
    await db.personnes.put(occupant(100, 1));
    expect(await carte(db.name)).toEqual({ seaux: 0, journal: 1 });
    const autre = new RelogementDb(db.name);
    // One record per transaction, alternately from either tab, some moved or deleted: the journal
    // fills up and is folded into the map's rows along the way.
    for (let n = 101; n < 400; n++) {
      const ici = n % 2 === 0 ? db : autre;
      await ici.personnes.put(occupant(n, n % 3 === 0 ? 2 : 1));
      if (n % 10 === 0) await ici.personnes.put(occupant(n - 5, 2, 'Déménagé'));
      if (n % 25 === 0) await ici.personnes.delete(id(n - 1));
    }
    const { seaux, journal } = await carte(db.name);
    expect(seaux).toBeGreaterThan(0);
    expect(journal).toBeLessThan(256);
    const attendus = new Map<string, string>();
    for (let n = 100; n < 400; n++) attendus.set(id(n), id(n % 3 === 0 ? 2 : 1));
    for (let n = 110; n < 400; n += 10) attendus.set(id(n - 5), id(2));
    for (let n = 125; n < 400; n += 25) attendus.delete(id(n - 1));
    for (const tab of [db, autre]) {
      const lus = await tab.personnes.bulkGet([...attendus.keys()]);
      expect(lus.map((p) => p?.menageId)).toEqual([...attendus.values()]);
      expect(await tab.personnes.count()).toBe(attendus.size);
      expect((await tab.personnes.where('menageId').equals(id(2)).primaryKeys()).sort()).toEqual(
        [...attendus].flatMap(([p, m]) => (m === id(2) ? [p] : [])).sort(),
      );
    }
    await autre.menages.delete(id(2));
    expect(await db.personnes.count()).toBe([...attendus.values()].filter((m) => m === id(1)).length);
    autre.close();
  });
});

describe('live queries over the records inside households', () => {
  /** A live query's values as a screen would show them, with a wait for the next one. */
  function suivre<T>(lire: () => Promise<T>) {
    const vues: T[] = [];
    let signaler = () => {};
    const abonnement = liveQuery(lire).subscribe((v) => {
      vues.push(v);
      signaler();
    });
    const attendre = (predicat: (v: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        const minuterie = setTimeout(() => reject(new Error(`live query not updated: ${JSON.stringify(vues.at(-1))}`)), 2000);
        signaler = () => {
          if (vues.length > 0 && predicat(vues.at(-1)!)) {
            clearTimeout(minuterie);
            resolve(vues.at(-1)!);
          }
        };
        signaler();
      });
    return { vues, attendre, fin: () => abonnement.unsubscribe() };
  }

  it('see the records a snapshot page writes inside its households, and those the background move places', async () => {
    const db = nouvelleBase();
    const occupants = suivre(() => personnesDuMenage(db, id(1)));
    const entretiens = suivre(() => db.entretiens.where('menageId').equals(id(1)).toArray());
    await occupants.attendre((v) => v.length === 0);
    await entretiens.attendre((v) => v.length === 0);
    // As a snapshot page writes: each household carrying its records of the page.
    const page = new Map<string, Record<string, unknown>[]>([
      ['menages', [menage(1)]],
      ['personnes', [occupant(11, 1), occupant(12, 1)]],
      ['entretiens', [entretien(13, 1)]],
    ]);
    await db.transaction('rw', db.menages, db.personnes, db.entretiens, async () => {
      for (const [table, lignes] of avecEnfants(db, page as never)) await db.table(table).bulkPut(lignes);
    });
    expect((await places(db.name)).dedans).toEqual({ [id(1)]: [id(11), id(12)] });
    expect(await occupants.attendre((v) => v.length === 2)).toEqual([occupant(11, 1), occupant(12, 1)]);
    expect(await entretiens.attendre((v) => v.length === 1)).toEqual([entretien(13, 1)]);

    // Received before their household, then moved into its row in the background.
    const apart = suivre(() => personnesDuMenage(db, id(2)));
    await db.personnes.put(occupant(21, 2));
    await apart.attendre((v) => v.length === 1);
    const vuesAvant = apart.vues.length;
    await db.menages.put(menage(2));
    await deplacerEnfants(db);
    expect((await places(db.name)).dedans[id(2)]).toEqual([id(21)]);
    await apart.attendre(() => apart.vues.length > vuesAvant);
    expect(apart.vues.at(-1)).toEqual([occupant(21, 2)]);
    for (const s of [occupants, entretiens, apart]) s.fin();
  });
});
