import Dexie from 'dexie';
import type { RelogementDb } from './db.ts';

// A value read from some tables, kept in memory until one of them is written: reopening a screen
// with nothing changed costs no read, and the first opening after a write, a pull, or a write of
// another tab (Dexie broadcasts its changes) reads again. Every committed Dexie transaction tells
// which tables it wrote (`storagemutated`); the count of writes to each table is the version a
// kept value is checked against. The app's lock drops every kept value with the key.

type Gardee = { version: string; valeur: unknown };
type Etat = { ecritures: Map<string, number>; gardees: Map<string, Gardee> };
const etats = new WeakMap<RelogementDb, Etat>();

function etatDe(db: RelogementDb): Etat {
  const connu = etats.get(db);
  if (connu) return connu;
  const etat: Etat = { ecritures: new Map(), gardees: new Map() };
  // Parts are named `idb://<database>/<table>/<index>`; a write of another instance of the same
  // database (another tab) counts too.
  const prefixe = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      if (!part.startsWith(prefixe)) continue;
      const table = part.slice(prefixe.length).split('/')[0] ?? '';
      etat.ecritures.set(table, (etat.ecritures.get(table) ?? 0) + 1);
    }
  });
  etats.set(db, etat);
  return etat;
}

const versionDe = (etat: Etat, tables: readonly string[]) => tables.map((t) => etat.ecritures.get(t) ?? 0).join(',');

/**
 * The value `lire` gives from `tables`, kept under `cle` while none of them is written; `gardable`
 * says whether a value read may be kept. A value kept is still followed: each table is counted, so
 * that a live query around this read is told of the next write. A write that commits while `lire`
 * runs leaves nothing kept.
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
  const valeur = await lire();
  if (gardable(valeur) && versionDe(etat, tables) === version) etat.gardees.set(cle, { version, valeur });
  else etat.gardees.delete(cle);
  return valeur;
}

/** At lock: what was decrypted and kept leaves memory with the key. */
export const oublierLecturesGardees = (db: RelogementDb) => etats.get(db)?.gardees.clear();
