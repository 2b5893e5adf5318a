import Dexie from 'dexie';
import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreKeyRange, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import { CARTE, MENAGES, PERSONNES, chargeur } from './occupants.ts';
import type { TablesOccupants } from './occupants.ts';
import { rangeeDe } from './rangee.ts';

// Where a household's occupants live (docs/donnees.md, « Occupants dans la ligne du ménage »): the
// only code that knows it. Since version 20 each household's row holds its occupants,
// `occupants: {id → occupant with its _sync}`, sealed with it as one row: a first sync writes
// half as many rows. A map occupant id → household id, in 64 rows of the `occupantsMenages` store,
// finds an occupant by its id. The `personnes` store keeps the occupants that have no household
// row here (stored before version 20 and not moved yet, or received before their household):
// they move in when written again, or by `deplacerOccupants`. The middleware (`occupants.ts`) shows
// the rest of the app, through the tables made here, a `personnes` table over both places, as it
// was, and household rows without occupants.

type Ligne = Record<string, unknown> & { id: string };
type Occupants = Record<string, Ligne>;
type LigneMenage = Ligne & { occupants?: Occupants };
type Carte = { id: number; menages: Record<string, string> };

const SEAUX = 64;

/**
 * The row of the map's store whose value changes with every write of the map or of the
 * households' ids, in any tab: a tab reads it first and its map only if it differs from the one
 * it last read or wrote.
 */
const JETON = 'jeton';
type Jeton = { id: typeof JETON; jeton: string };

/** The map's rows (those read so far) and the households' ids (null: not read) as a version of the map (`JETON`) holds them. */
type Etat = { jeton: string | undefined; seaux: Map<number, Record<string, string>>; menages: Set<string> | null };

/**
 * What a transaction knows of the map: the state this tab last knew if the map has not changed
 * since, otherwise read as needed. Rows shared with that state are copied before a change, so
 * that it holds only what a committed transaction wrote.
 */
type Vue = Etat & { changee: boolean; jetonAEcrire: boolean; copies: Set<number>; menagesCopies: boolean };

/** The row of the map holding this occupant's household. */
const seauDe = (id: string): number => rangeeDe(id, SEAUX);

const sansOccupants = <T>(ligne: T): T => {
  if (ligne && typeof ligne === 'object' && 'occupants' in ligne) delete (ligne as LigneMenage).occupants;
  return ligne;
};

const unique = <T>(valeurs: Iterable<T>): T[] => [...new Set(valeurs)];

const TOUS_LES_SEAUX: readonly number[] = Array.from({ length: SEAUX }, (_, n) => n);

const TOUT: DBCoreKeyRange = { type: 3 /* Any */, lower: undefined, upper: undefined };

function dansPlage(cle: unknown, plage: DBCoreKeyRange): boolean {
  if (plage.type === 3) return true;
  if (plage.type === 4) return false;
  if (plage.type === 1) return indexedDB.cmp(cle, plage.lower) === 0;
  if (plage.lower !== undefined) {
    const c = indexedDB.cmp(cle, plage.lower);
    if (c < 0 || (c === 0 && plage.lowerOpen)) return false;
  }
  if (plage.upper !== undefined) {
    const c = indexedDB.cmp(cle, plage.upper);
    if (c > 0 || (c === 0 && plage.upperOpen)) return false;
  }
  return true;
}

const reponse = (cles: unknown[]): DBCoreMutateResponse => ({ numFailures: 0, failures: {}, results: cles, lastResult: cles[cles.length - 1] });

/** An occupant as an index sees it: its key in the index asked for, its id. */
type Entree = { cle: unknown; id: string; valeur: Ligne };

/** What the layout does inside one transaction, on the stores below the middleware. */
class Disposition {
  /** Transactions known to have no occupant left in the `personnes` store. */
  private readonly sansAnciens = new WeakSet<DBCoreTransaction>();
  /** The map as this tab last read or wrote it, in a transaction that then committed. */
  private connu: Etat | null = null;
  private readonly vues = new WeakMap<DBCoreTransaction, Promise<Vue>>();

  constructor(
    private readonly menages: DBCoreTable,
    private readonly anciens: DBCoreTable,
    private readonly carte: DBCoreTable,
  ) {}

  private vue(trans: DBCoreTransaction): Promise<Vue> {
    let vue = this.vues.get(trans);
    if (!vue) this.vues.set(trans, (vue = this.ouvrirVue(trans)));
    return vue;
  }

  /** The transaction's view, kept by this tab once the transaction commits, forgotten if it fails. */
  private async ouvrirVue(trans: DBCoreTransaction): Promise<Vue> {
    const lu = (await this.carte.get({ trans, key: JETON })) as Jeton | undefined;
    const connu = lu && this.connu?.jeton === lu.jeton ? this.connu : null;
    const vue: Vue = {
      jeton: lu?.jeton,
      seaux: new Map(connu?.seaux),
      menages: connu?.menages ?? null,
      changee: false,
      jetonAEcrire: false,
      copies: new Set(),
      menagesCopies: false,
    };
    const idb = trans as unknown as IDBTransaction;
    idb.addEventListener('complete', () => {
      if (vue.jeton !== undefined) this.connu = { jeton: vue.jeton, seaux: vue.seaux, menages: vue.menages };
    });
    const oublier = () => (this.connu = null);
    idb.addEventListener('abort', oublier);
    idb.addEventListener('error', oublier);
    return vue;
  }

  /** The view with these rows of the map read. */
  private async cartes(trans: DBCoreTransaction, ids: readonly string[]): Promise<Vue> {
    return this.seaux(trans, unique(ids.map(seauDe)));
  }

  private async seaux(trans: DBCoreTransaction, numeros: readonly number[]): Promise<Vue> {
    const vue = await this.vue(trans);
    const manquants = numeros.filter((n) => !vue.seaux.has(n));
    if (manquants.length === 0) return vue;
    if (manquants.length < SEAUX) {
      const lues = (await this.carte.getMany({ trans, keys: manquants })) as (Carte | undefined)[];
      manquants.forEach((n, i) => vue.seaux.set(n, lues[i]?.menages ?? {}));
      return vue;
    }
    // The whole map in one request: its rows have numbers for keys, the version row a string.
    const plage: DBCoreKeyRange = { type: 2 /* Range */, lower: 0, upper: SEAUX, upperOpen: true };
    const lues = (await this.carte.query({ trans, values: true, query: { index: this.carte.schema.primaryKey, range: plage } })).result as Carte[];
    for (const n of manquants) vue.seaux.set(n, {});
    for (const { id, menages } of lues) vue.seaux.set(id, menages);
    return vue;
  }

  /** The ids of the households stored, read once per version of the map. */
  private async presents(trans: DBCoreTransaction, vue: Vue): Promise<Set<string>> {
    if (vue.menages) return vue.menages;
    const cles = (await this.menages.query({ trans, values: false, query: { index: this.menages.schema.primaryKey, range: TOUT } })).result as string[];
    vue.menagesCopies = true;
    return (vue.menages = new Set(cles));
  }

  /** Marks the view changed: the transaction writes a new version of the map. */
  private changer(vue: Vue): void {
    if (vue.changee) return;
    vue.changee = vue.jetonAEcrire = true;
    vue.jeton = crypto.randomUUID();
  }

  /** A row of the map to change, copied once per transaction. */
  private seauAChanger(vue: Vue, n: number): Record<string, string> {
    this.changer(vue);
    if (!vue.copies.has(n)) {
      vue.seaux.set(n, { ...vue.seaux.get(n) });
      vue.copies.add(n);
    }
    return vue.seaux.get(n)!;
  }

  /** Households stored (`true`) or deleted: the ids kept, if read, follow. */
  private noterMenages(vue: Vue, ids: readonly string[], stockes: boolean): void {
    this.changer(vue);
    if (!vue.menages) return;
    if (!vue.menagesCopies) {
      vue.menages = new Set(vue.menages);
      vue.menagesCopies = true;
    }
    for (const id of ids) {
      if (stockes) vue.menages.add(id);
      else vue.menages.delete(id);
    }
  }

  /** Writes these rows of the map, and the new version of the map once per transaction. */
  private async enregistrer(trans: DBCoreTransaction, vue: Vue, numeros: Iterable<number>): Promise<void> {
    const valeurs: (Carte | Jeton)[] = [...numeros].map((id) => ({ id, menages: vue.seaux.get(id) ?? {} }));
    if (vue.jetonAEcrire) valeurs.push({ id: JETON, jeton: vue.jeton! });
    vue.jetonAEcrire = false;
    if (valeurs.length > 0) await this.carte.mutate({ type: 'put', trans, values: valeurs });
  }

  private async aDesAnciens(trans: DBCoreTransaction): Promise<boolean> {
    if (this.sansAnciens.has(trans)) return false;
    const vide = (await this.anciens.count({ trans, query: { index: this.anciens.schema.primaryKey, range: TOUT } })) === 0;
    if (vide) this.sansAnciens.add(trans);
    return !vide;
  }

  /**
   * Writes households (with the occupants they carry, added to those they hold) and occupants,
   * and deletes occupants, keeping each occupant in exactly one place: its household's row if
   * that row exists, the `personnes` store otherwise.
   */
  async ecrire(trans: DBCoreTransaction, ecrits: readonly LigneMenage[], occupants: readonly Ligne[], supprimes: readonly string[]): Promise<void> {
    const aPlacer = [...ecrits.flatMap((m) => Object.values(m.occupants ?? {})), ...occupants];
    const ids = unique([...aPlacer.map((p) => p.id), ...supprimes]);
    const vue = await this.cartes(trans, ids);
    const seauxChanges = new Set<number>();
    const actuel = (id: string) => vue.seaux.get(seauDe(id))?.[id];
    const menageIds = unique([...ecrits.map((m) => m.id), ...aPlacer.map((p) => String(p.menageId)), ...ids.flatMap((id) => actuel(id) ?? [])]);
    // Only the rows that exist are read: a first sync's households are all new.
    const presents = await this.presents(trans, vue);
    const aLire = menageIds.filter((id) => presents.has(id));
    const lus = (await this.menages.getMany({ trans, keys: aLire })) as (LigneMenage | undefined)[];
    const lignes = new Map<string, LigneMenage>();
    aLire.forEach((id, i) => {
      const lu = lus[i];
      if (lu) lignes.set(id, lu);
    });
    const changes = new Set<string>();
    for (const m of ecrits) {
      const { occupants: _portes, ...champs } = m;
      const tenus = lignes.get(m.id)?.occupants;
      lignes.set(m.id, tenus ? { ...champs, id: m.id, occupants: tenus } : { ...champs, id: m.id });
      changes.add(m.id);
    }
    const occupantsDe = (ligne: LigneMenage): Occupants => (ligne.occupants = { ...ligne.occupants });
    for (const id of ids) {
      const menageId = actuel(id);
      if (menageId === undefined) continue;
      const ligne = lignes.get(menageId);
      if (ligne?.occupants?.[id]) {
        delete occupantsDe(ligne)[id];
        changes.add(menageId);
      }
      delete this.seauAChanger(vue, seauDe(id))[id];
      seauxChanges.add(seauDe(id));
    }
    const anciens: Ligne[] = [];
    for (const p of aPlacer) {
      const menageId = String(p.menageId);
      const ligne = lignes.get(menageId);
      if (!ligne) {
        anciens.push(p);
        continue;
      }
      occupantsDe(ligne)[p.id] = p;
      changes.add(menageId);
      this.seauAChanger(vue, seauDe(p.id))[p.id] = menageId;
      seauxChanges.add(seauDe(p.id));
    }
    const valeurs = [...changes].map((id) => {
      const ligne = lignes.get(id)!;
      if (ligne.occupants && Object.keys(ligne.occupants).length === 0) delete ligne.occupants;
      return ligne;
    });
    if (valeurs.length > 0) await this.menages.mutate({ type: 'put', trans, values: valeurs });
    const nouveaux = [...changes].filter((id) => !presents.has(id));
    if (nouveaux.length > 0) this.noterMenages(vue, nouveaux, true);
    const places = new Set(anciens.map((p) => p.id));
    const aRetirer = ids.filter((id) => !places.has(id));
    if (aRetirer.length > 0 && (await this.aDesAnciens(trans))) await this.anciens.mutate({ type: 'delete', trans, keys: aRetirer });
    if (anciens.length > 0) {
      this.sansAnciens.delete(trans);
      await this.anciens.mutate({ type: 'put', trans, values: anciens });
    }
    await this.enregistrer(trans, vue, seauxChanges);
  }

  /** Households added: none holds an occupant yet. */
  async ajouterMenages(trans: DBCoreTransaction, ids: readonly string[]): Promise<void> {
    const vue = await this.vue(trans);
    this.noterMenages(vue, ids, true);
    await this.enregistrer(trans, vue, []);
  }

  /**
   * Households deleted: their occupants go with their rows, and leave the map. Read in the map
   * only (ids in clear): the device forgets its data while locked too.
   */
  async oublierMenages(trans: DBCoreTransaction, plage: DBCoreKeyRange | readonly string[]): Promise<void> {
    const vue = await this.seaux(trans, TOUS_LES_SEAUX);
    const ids = Array.isArray(plage) ? new Set(plage as readonly string[]) : null;
    const oublie = (menageId: string) => (ids ? ids.has(menageId) : dansPlage(menageId, plage as DBCoreKeyRange));
    const changees = TOUS_LES_SEAUX.filter((n) => Object.values(vue.seaux.get(n)!).some(oublie));
    for (const n of changees) {
      const carte = this.seauAChanger(vue, n);
      for (const [id, menageId] of Object.entries(carte)) if (oublie(menageId)) delete carte[id];
    }
    this.noterMenages(vue, ids ? [...ids] : [...(vue.menages ?? [])].filter(oublie), false);
    await this.enregistrer(trans, vue, changees);
  }

  /** All the occupants, counted without opening a household: the map's entries and the rows kept apart. */
  async compter(trans: DBCoreTransaction): Promise<number> {
    const vue = await this.seaux(trans, TOUS_LES_SEAUX);
    const anciens = await this.anciens.count({ trans, query: { index: this.anciens.schema.primaryKey, range: TOUT } });
    return TOUS_LES_SEAUX.reduce((n, s) => n + Object.keys(vue.seaux.get(s)!).length, anciens);
  }

  /** Occupants by id, from both places. */
  async lire(trans: DBCoreTransaction, ids: readonly string[]): Promise<(Ligne | undefined)[]> {
    const cartes = (await this.cartes(trans, ids)).seaux;
    const menageIds = unique(ids.flatMap((id) => cartes.get(seauDe(id))?.[id] ?? []));
    const lus = (await this.menages.getMany({ trans, keys: menageIds })) as (LigneMenage | undefined)[];
    const parMenage = new Map(menageIds.map((id, i) => [id, lus[i]?.occupants]));
    const trouves = ids.map((id) => parMenage.get(cartes.get(seauDe(id))?.[id] ?? '')?.[id]);
    const manquants = ids.filter((_, i) => !trouves[i]);
    if (manquants.length === 0 || !(await this.aDesAnciens(trans))) return trouves;
    const anciens = (await this.anciens.getMany({ trans, keys: manquants })) as (Ligne | undefined)[];
    const parId = new Map(manquants.map((id, i) => [id, anciens[i]]));
    return trouves.map((p, i) => p ?? parId.get(ids[i]!));
  }

  /** The occupants an index range selects, in the index's order (then by id), from both places. */
  async lister(trans: DBCoreTransaction, index: DBCoreIndex, plage: DBCoreKeyRange): Promise<Entree[]> {
    const parId = index.isPrimaryKey;
    if (parId && plage.type === 1) {
      const [p] = await this.lire(trans, [String(plage.lower)]);
      return p ? [{ cle: p.id, id: p.id, valeur: p }] : [];
    }
    const chemin = index.keyPath as string;
    // An occupant's `menageId` is its household's id: a range of households is a range of their rows.
    const parMenage = !parId && chemin === 'menageId';
    const menages = (await this.menages.query({ trans, values: true, query: { index: this.menages.schema.primaryKey, range: parMenage ? plage : TOUT } }))
      .result as LigneMenage[];
    const entrees: Entree[] = [];
    const garder = (p: Ligne) => {
      const cle = parId ? p.id : p[chemin];
      if (cle !== undefined && (parMenage || dansPlage(cle, plage))) entrees.push({ cle, id: p.id, valeur: p });
    };
    for (const m of menages) for (const p of Object.values(m.occupants ?? {})) garder(p);
    if (await this.aDesAnciens(trans)) {
      const anciens = (await this.anciens.query({ trans, values: true, query: { index, range: plage } })).result as Ligne[];
      anciens.forEach(garder);
    }
    return entrees.sort((a, b) => indexedDB.cmp(a.cle, b.cle) || indexedDB.cmp(a.id, b.id));
  }

  /** Occupants stored before version 20 whose household's row is here, moved into it; how many were looked at. */
  async deplacer(trans: DBCoreTransaction, apres: string | null, nombre: number): Promise<string | null> {
    const plage: DBCoreKeyRange = apres === null ? TOUT : { type: 2, lower: apres, lowerOpen: true, upper: undefined };
    const lot = (await this.anciens.query({ trans, values: true, limit: nombre, query: { index: this.anciens.schema.primaryKey, range: plage } })).result as Ligne[];
    if (lot.length === 0) return null;
    await this.ecrire(trans, [], lot, []);
    return lot[lot.length - 1]!.id;
  }
}

/** A cursor over occupants already listed. */
function curseurSur(trans: DBCoreTransaction, entrees: readonly Entree[]): DBCoreCursor | null {
  if (entrees.length === 0) return null;
  let i = 0;
  let avancer = 0;
  let fin: ((v?: unknown) => void) | null = null;
  let echec: ((e: Error) => void) | null = null;
  const curseur: DBCoreCursor = {
    trans,
    get key() {
      return entrees[i]?.cle;
    },
    get primaryKey() {
      return entrees[i]?.id;
    },
    get value() {
      return entrees[i]?.valeur;
    },
    get done() {
      return i >= entrees.length;
    },
    continue(cle?: unknown) {
      if (cle === undefined) avancer = 1;
      else {
        let j = i + 1;
        while (j < entrees.length && indexedDB.cmp(entrees[j]!.cle, cle) < 0) j++;
        avancer = j - i;
      }
    },
    continuePrimaryKey(cle: unknown, primaire: unknown) {
      let j = i + 1;
      while (j < entrees.length && (indexedDB.cmp(entrees[j]!.cle, cle) || indexedDB.cmp(entrees[j]!.id, primaire)) < 0) j++;
      avancer = j - i;
    },
    advance(n: number) {
      avancer = n;
    },
    stop(v?: unknown) {
      avancer = -1;
      fin?.(v);
    },
    fail(e: Error) {
      avancer = -1;
      echec?.(e);
    },
    next() {
      let encore = 1;
      return this.start(() => (encore-- ? this.continue() : this.stop())).then(() => this);
    },
    start(suite: () => void) {
      return new Dexie.Promise((resolve, reject) => {
        fin = resolve;
        echec = reject;
        while (i < entrees.length) {
          avancer = 0;
          try {
            suite();
          } catch (e) {
            return reject(e as Error);
          }
          if (avancer <= 0) return;
          i += avancer;
        }
        resolve(undefined);
      });
    },
  };
  return curseur;
}

function tablePersonnes(personnes: DBCoreTable, d: Disposition): DBCoreTable {
  const primaire = personnes.schema.primaryKey;
  return {
    ...personnes,
    async mutate(req) {
      if (req.type === 'put') {
        await d.ecrire(req.trans, [], req.values as Ligne[], []);
        return reponse(req.values.map((v: Ligne) => v.id));
      }
      if (req.type === 'add') {
        const valeurs = req.values as Ligne[];
        const deja = await d.lire(
          req.trans,
          valeurs.map((v) => v.id),
        );
        await d.ecrire(
          req.trans,
          [],
          valeurs.filter((_, i) => !deja[i]),
          [],
        );
        const failures = Object.fromEntries(deja.flatMap((p, i) => (p ? [[i, new DOMException(`Occupant déjà présent : ${p.id}`, 'ConstraintError')]] : [])));
        return { ...reponse(valeurs.map((v) => v.id)), numFailures: Object.keys(failures).length, failures };
      }
      const cles =
        req.type === 'delete' ? (req.keys as string[]) : (await d.lister(req.trans, primaire, req.range)).map((e) => e.id);
      await d.ecrire(req.trans, [], [], cles);
      return reponse([]);
    },
    get: async (req) => (await d.lire(req.trans, [req.key as string]))[0],
    getMany: (req) => d.lire(req.trans, req.keys as string[]),
    async query(req) {
      let entrees = await d.lister(req.trans, req.query.index, req.query.range);
      if (req.direction?.startsWith('prev')) entrees = entrees.reverse();
      if (req.direction?.endsWith('unique')) entrees = entrees.filter((e, i) => i === 0 || indexedDB.cmp(e.cle, entrees[i - 1]!.cle) !== 0);
      if (req.limit !== undefined) entrees = entrees.slice(0, req.limit);
      return { result: entrees.map((e) => (req.values ? e.valeur : e.id)) };
    },
    async openCursor(req) {
      let entrees = await d.lister(req.trans, req.query.index, req.query.range);
      if (req.reverse) entrees = entrees.reverse();
      if (req.unique) entrees = entrees.filter((e, i) => i === 0 || indexedDB.cmp(e.cle, entrees[i - 1]!.cle) !== 0);
      return curseurSur(req.trans, entrees);
    },
    count: (req) => (req.query.range.type === 3 ? d.compter(req.trans) : d.lister(req.trans, req.query.index, req.query.range).then((e) => e.length)),
  };
}

function tableMenages(menages: DBCoreTable, d: Disposition): DBCoreTable {
  return {
    ...menages,
    async mutate(req) {
      if (req.type === 'put') {
        await d.ecrire(req.trans, req.values as LigneMenage[], [], []);
        return reponse(req.values.map((v: Ligne) => v.id));
      }
      // A new household holds no occupant yet (those received before it stay where they are).
      if (req.type === 'add') {
        await d.ajouterMenages(
          req.trans,
          req.values.map((v: Ligne) => v.id),
        );
        return menages.mutate(req);
      }
      await d.oublierMenages(req.trans, req.type === 'delete' ? (req.keys as string[]) : req.range);
      return menages.mutate(req);
    },
    get: async (req) => sansOccupants(await menages.get(req)),
    getMany: async (req) => (await menages.getMany(req)).map(sansOccupants),
    async query(req) {
      const r = await menages.query(req);
      return req.values ? { result: r.result.map(sansOccupants) } : r;
    },
    async openCursor(req) {
      const c = await menages.openCursor(req);
      return c && req.values ? new Proxy(c, { get: (t, p) => (p === 'value' ? sansOccupants(t.value) : Reflect.get(t, p)) }) : c;
    },
  };
}

/**
 * A snapshot page's rows by table, each household of the page carrying its occupants of the page
 * (`occupants`): it is sealed and written once with them, and the middleware places the others.
 */
export function avecOccupants<T extends string>(db: Dexie, parTable: ReadonlyMap<T, Ligne[]>): [T, Ligne[]][] {
  const menages = parTable.get(MENAGES as T);
  const personnes = parTable.get(PERSONNES as T);
  if (!menages || !personnes || !chargeur(db.core)) return [...parTable];
  const portes = new Map<string, Occupants>(menages.map((m) => [m.id, {}]));
  const seuls = personnes.filter((p) => {
    const occupants = portes.get(String(p.menageId));
    if (occupants) occupants[p.id] = p;
    return !occupants;
  });
  const carries = menages.map((m) => {
    const occupants = portes.get(m.id)!;
    return Object.keys(occupants).length > 0 ? { ...m, occupants } : m;
  });
  return [...parTable].flatMap(([table, lignes]): [T, Ligne[]][] =>
    table === MENAGES ? [[table, carries]] : table === PERSONNES ? (seuls.length > 0 ? [[table, seuls]] : []) : [[table, lignes]],
  );
}

/** Occupants looked at per transaction while moving them. */
const PAR_LOT = 500;

/**
 * Moves the occupants stored before version 20 into their households' rows, a few hundred per
 * transaction (after the unlock: the rows are sealed). Reads see both places meanwhile, so it may
 * stop at any point and go on at the next start.
 */
export async function deplacerOccupants(db: Dexie): Promise<void> {
  const charger = chargeur(db.core);
  if (!charger) return;
  const { deplacer } = await charger();
  let apres: string | null = null;
  do {
    const depuis: string | null = apres;
    apres = await db.transaction('rw', [MENAGES, PERSONNES], () =>
      deplacer(Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction, depuis, PAR_LOT),
    );
    await new Promise((r) => setTimeout(r, 0));
  } while (apres !== null);
}

/** The layout's tables over these stores (the middleware's, `occupants.ts`). */
export function tablesOccupants(bas: DBCore): TablesOccupants {
  const disposition = new Disposition(bas.table(MENAGES), bas.table(PERSONNES), bas.table(CARTE));
  return {
    menages: tableMenages(bas.table(MENAGES), disposition),
    personnes: tablePersonnes(bas.table(PERSONNES), disposition),
    deplacer: (trans, apres, nombre) => disposition.deplacer(trans, apres, nombre),
  };
}
