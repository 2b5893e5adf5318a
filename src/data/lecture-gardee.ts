import Dexie, { RangeSet, rangesOverlap, type IntervalTree } from 'dexie';
import type { RelogementDb } from './db.ts';
import { suivreLecturesMeta, type LectureMeta } from './lectures-meta.ts';

// A value read from some tables, kept in memory until one of them is written: reopening a screen
// with nothing changed costs no read, and the first opening after a write, a pull, or a write of
// another tab (Dexie broadcasts its changes) reads again. Every committed Dexie transaction tells
// which tables it wrote, and for `meta` which keys (`storagemutated`); the count of writes to each
// table is the version a kept value is checked against. `meta` holds unrelated values under their
// keys, among them the sync's clock and checkpoint written at every cycle: a value read from it
// follows only the keys its read read (lectures-meta.ts). The app's lock drops every kept value
// with the key.

type Gardee = { version: string; valeur: unknown };
type EnVol = { version: string; lecture: Promise<unknown> };
type Etat = {
  ecritures: Map<string, number>;
  /** For each kept key: the `meta` keys its last read read, and how many writes touched them since. */
  meta: Map<string, { cles: RangeSet; ecritures: number }>;
  gardees: Map<string, Gardee>;
  /** The read under way for each key: a second caller of the same version waits for it instead of reading again. */
  enVol: Map<string, EnVol>;
  /** Locks so far: a read that a lock interrupted keeps nothing. */
  verrouillages: number;
  /** Called after each committed write, with the tables it wrote and the `meta` keys (if any). */
  ecouteurs: Set<(tables: ReadonlySet<string>, meta: IntervalTree | null) => void>;
};
const etats = new WeakMap<RelogementDb, Etat>();

/** Every key, as Dexie writes it for a table cleared (its `MIN_KEY` and `MAX_KEY`). */
const plage = (de: unknown = -Infinity, a: unknown = [[]]) => new RangeSet(de as never, a as never);

function etatDe(db: RelogementDb): Etat {
  const connu = etats.get(db);
  if (connu) return connu;
  const etat: Etat = { ecritures: new Map(), meta: new Map(), gardees: new Map(), enVol: new Map(), verrouillages: 0, ecouteurs: new Set() };
  // Parts are named `idb://<database>/<table>/<index>`, each with the keys written; a write of
  // another instance of the same database (another tab) counts too.
  const prefixe = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    const ecrites = new Set<string>();
    const meta = new RangeSet();
    // Back from the back-forward cache, the other tabs' writes meanwhile went untold: Dexie then
    // tells of everything as written (`all`).
    const entrees = parts['all'] ? db.tables.map((t) => [`${prefixe}${t.name}/`, parts['all']!] as const) : Object.entries(parts);
    for (const [part, cles] of entrees) {
      if (!part.startsWith(prefixe)) continue;
      const table = part.slice(prefixe.length).split('/')[0] ?? '';
      if (table === 'meta') meta.add(cles);
      if (ecrites.has(table)) continue;
      ecrites.add(table);
      etat.ecritures.set(table, (etat.ecritures.get(table) ?? 0) + 1);
    }
    if (ecrites.size === 0) return;
    const metaEcrite = ecrites.has('meta') ? meta : null;
    if (metaEcrite) for (const suivies of etat.meta.values()) if (rangesOverlap(suivies.cles, metaEcrite)) suivies.ecritures++;
    etat.ecouteurs.forEach((f) => f(ecrites, metaEcrite));
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

const versionDe = (etat: Etat, cle: string, tables: readonly string[]) =>
  tables.map((t) => (t === 'meta' ? `m${etat.meta.get(cle)?.ecritures ?? 0}` : (etat.ecritures.get(t) ?? 0))).join(',');

/**
 * The keys of `meta` that `lire` reads in the current transaction, noted as it reads them into the
 * keys `cle` follows (so that a write meanwhile counts); every key when there is no transaction to
 * follow. Returns what stops the noting.
 */
function suivreMeta(etat: Etat, cle: string): () => void {
  const cles = new RangeSet();
  etat.meta.set(cle, { cles, ecritures: etat.meta.get(cle)?.ecritures ?? 0 });
  const trans = Dexie.currentTransaction?.idbtrans as unknown as Parameters<typeof suivreLecturesMeta>[0] | undefined;
  if (!trans) {
    cles.add(plage());
    return () => undefined;
  }
  return suivreLecturesMeta(trans, (lecture) => cles.add(clesLues(lecture)));
}

const clesLues = (lecture: LectureMeta): RangeSet => {
  if ('key' in lecture) return plage(lecture.key, lecture.key);
  if ('keys' in lecture) return new RangeSet().addKeys(lecture.keys);
  const { index, range } = lecture.query;
  return index.isPrimaryKey ? plage(range.lower ?? undefined, range.upper ?? undefined) : plage();
};

/**
 * The value `lire` gives from `tables`, kept under `cle` while none of them is written (for `meta`,
 * none of the keys it read); `gardable` says whether a value read may be kept. A value kept is
 * still followed: each table is counted, and `meta`'s keys read, so that a live query around this
 * read is told of the next write. A write that commits while `lire` runs leaves nothing kept, and
 * so does a lock. While a read of `cle` is under way on the same version (a preparation at idle,
 * or the screen's), a second call waits for that one, keeping its own transaction alive
 * meanwhile, and never starts another.
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
  const version = versionDe(etat, cle, tables);
  const gardee = etat.gardees.get(cle);
  if (gardee?.version === version) {
    await Promise.all(tables.map((t) => (t === 'meta' ? suivreClesMeta(db, etat, cle) : db.table(t).count())));
    return gardee.valeur as T;
  }
  const enVol = etat.enVol.get(cle);
  if (enVol?.version === version) {
    // Its outcome (kept, or a write meanwhile) is what this call then finds.
    await Dexie.waitFor(enVol.lecture.catch(() => undefined));
    return lireGardee(db, cle, tables, lire, gardable);
  }
  const verrouillages = etat.verrouillages;
  const arreter = tables.includes('meta') ? suivreMeta(etat, cle) : () => undefined;
  const lecture = lire();
  etat.enVol.set(cle, { version, lecture });
  try {
    const valeur = await lecture;
    const courante = versionDe(etat, cle, tables) === version && etat.verrouillages === verrouillages;
    if (gardable(valeur) && courante) etat.gardees.set(cle, { version, valeur });
    else etat.gardees.delete(cle);
    return valeur;
  } finally {
    arreter();
    if (etat.enVol.get(cle)?.lecture === lecture) etat.enVol.delete(cle);
  }
}

/** Reads the `meta` keys a kept value was read from, as a count of each range: a live query around follows them. */
const suivreClesMeta = (db: RelogementDb, etat: Etat, cle: string) =>
  Promise.all([...(etat.meta.get(cle)?.cles ?? [])].map(({ from, to }) => db.meta.where(':id').between(from, to, true, true).count()));

/**
 * Calls `f` after each committed write to one of `tables` (here or in another tab); with `cle`, a
 * write of `meta` only when it touches a key the last read of `cle` read. Returns what stops it.
 */
export function apresEcriture(db: RelogementDb, tables: readonly string[], f: () => void, cle?: string): () => void {
  const etat = etatDe(db);
  const suivre = (ecrites: ReadonlySet<string>, meta: IntervalTree | null) =>
    tables.some((t) => ecrites.has(t) && (t !== 'meta' || !meta || !cle || rangesOverlap(etat.meta.get(cle)?.cles ?? plage(), meta))) && f();
  etat.ecouteurs.add(suivre);
  return () => etat.ecouteurs.delete(suivre);
}

/** Resolves after the next committed write to one of `tables` (here or in another tab). */
export const prochaineEcriture = (db: RelogementDb, tables: readonly string[]): Promise<void> =>
  new Promise((fin) => {
    const arreter = apresEcriture(db, tables, () => {
      arreter();
      fin();
    });
  });
