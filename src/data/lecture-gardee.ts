import Dexie from 'dexie';
import type { RelogementDb } from './db.ts';

// A value read from some tables, kept in memory until one of them is written: reopening a screen
// with nothing changed costs no read, and the first opening after a write, a pull, or a write of
// another tab (Dexie broadcasts its changes) reads again. Every committed Dexie transaction tells
// which tables it wrote (`storagemutated`); the count of writes to each table is the version a
// kept value is checked against. The app's lock drops every kept value with the key.

type Gardee = { version: string; valeur: unknown };
type EnVol = { version: string; lecture: Promise<unknown> };
type Etat = {
  ecritures: Map<string, number>;
  gardees: Map<string, Gardee>;
  /** The read under way for each key: a second caller of the same version waits for it instead of reading again. */
  enVol: Map<string, EnVol>;
  /** Locks so far: a read that a lock interrupted keeps nothing. */
  verrouillages: number;
  /** Called after each committed write, with the tables it wrote. */
  ecouteurs: Set<(tables: ReadonlySet<string>) => void>;
};
const etats = new WeakMap<RelogementDb, Etat>();

function etatDe(db: RelogementDb): Etat {
  const connu = etats.get(db);
  if (connu) return connu;
  const etat: Etat = { ecritures: new Map(), gardees: new Map(), enVol: new Map(), verrouillages: 0, ecouteurs: new Set() };
  // Parts are named `idb://<database>/<table>/<index>`; a write of another instance of the same
  // database (another tab) counts too.
  const prefixe = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    const ecrites = new Set<string>();
    for (const part of Object.keys(parts)) {
      if (!part.startsWith(prefixe)) continue;
      const table = part.slice(prefixe.length).split('/')[0] ?? '';
      if (ecrites.has(table)) continue;
      ecrites.add(table);
      etat.ecritures.set(table, (etat.ecritures.get(table) ?? 0) + 1);
    }
    if (ecrites.size > 0) etat.ecouteurs.forEach((f) => f(ecrites));
  });
  // At lock, what was decrypted and kept leaves memory with the key, and a read under way keeps
  // nothing. Followed here rather than called by the lock: the first screen does without this module.
  const coffre = db.coffre;
  coffre?.ecouter(() => {
    if (coffre.ouvert) return;
    etat.gardees.clear();
    etat.enVol.clear();
    etat.verrouillages++;
  });
  etats.set(db, etat);
  return etat;
}

const versionDe = (etat: Etat, tables: readonly string[]) => tables.map((t) => etat.ecritures.get(t) ?? 0).join(',');

/**
 * The value `lire` gives from `tables`, kept under `cle` while none of them is written; `gardable`
 * says whether a value read may be kept. A value kept is still followed: each table is counted, so
 * that a live query around this read is told of the next write. A write that commits while `lire`
 * runs leaves nothing kept, and so does a lock. While a read of `cle` is under way on the same
 * version (a preparation at idle, or the screen's), a second call waits for that one, keeping its
 * own transaction alive meanwhile, and never starts another.
 */
export async function lireGardee<T>(
  db: RelogementDb,
  cle: string,
  tables: readonly string[],
  lire: () => Promise<T>,
  gardable: (valeur: T) => boolean,
): Promise<T> {
  // Listening from the first call, before the live query around it listens: a write then counts
  // here before that query reads again.
  const etat = etatDe(db);
  const version = versionDe(etat, tables);
  const gardee = etat.gardees.get(cle);
  if (gardee?.version === version) {
    await Promise.all(tables.map((t) => db.table(t).count()));
    return gardee.valeur as T;
  }
  const enVol = etat.enVol.get(cle);
  if (enVol?.version === version) {
    // Its outcome (kept, or a write meanwhile) is what this call then finds.
    await Dexie.waitFor(enVol.lecture.catch(() => undefined));
    return lireGardee(db, cle, tables, lire, gardable);
  }
  const verrouillages = etat.verrouillages;
  const lecture = lire();
  etat.enVol.set(cle, { version, lecture });
  try {
    const valeur = await lecture;
    const courante = versionDe(etat, tables) === version && etat.verrouillages === verrouillages;
    if (gardable(valeur) && courante) etat.gardees.set(cle, { version, valeur });
    else etat.gardees.delete(cle);
    return valeur;
  } finally {
    if (etat.enVol.get(cle)?.lecture === lecture) etat.enVol.delete(cle);
  }
}

/** Calls `f` after each committed write to one of `tables` (here or in another tab); returns what stops it. */
export function apresEcriture(db: RelogementDb, tables: readonly string[], f: () => void): () => void {
  const etat = etatDe(db);
  const suivre = (ecrites: ReadonlySet<string>) => tables.some((t) => ecrites.has(t)) && f();
  etat.ecouteurs.add(suivre);
  return () => etat.ecouteurs.delete(suivre);
}
