import Dexie, { RangeSet } from 'dexie';
import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreKeyRange, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, IndexableType } from 'dexie';
import { CARTE, MENAGES, dispositionDe } from './ligne-menage.ts';
import type { Enfant, TablesLigneMenage } from './ligne-menage.ts';
import { rangeeDe } from './rangee.ts';

// Where a household's occupants and interviews live (docs/donnees.md, « Occupants et entretiens
// dans la ligne du ménage »): the only code that knows it. Each household's row holds the records
// of the tables inside it (`Enfant`: `occupants` since version 20, `entretiens` since 22), as
// `{id → record with its _sync}`, sealed with it as one row: a first sync writes a third as many
// rows. A map record id → household id, in 64 rows of the `occupantsMenages` store, one field per
// table, finds a record by its id; a write adds its changes to the map as one row of a journal,
// folded into the 64 rows once the journal outgrows them (version 23). Each table's own store
// keeps the records that have no household row here (stored before their version and not moved
// yet, or received before their household): they move in when written again, or by
// `deplacerEnfants`. The middleware (`ligne-menage.ts`) shows the rest of the app, through the
// tables made here, each table over both places, as it was, and household rows without what they
// hold.

type Ligne = Record<string, unknown> & { id: string };
type Contenu = Record<string, Ligne>;
type LigneMenage = Ligne & { [champ: string]: unknown };
/** A row of the map without its key: for each table inside households (its `carte`), record id → household id. */
type Seau = Record<string, Record<string, string>>;
/** Changes to the map, as a row of its journal holds them: for each table, record id → its household id, null once it has none. */
type Changements = Record<string, Record<string, string | null>>;
/** A row of the map as stored: one of the 64 (a number for key) or of its journal (`[n]`). */
type Carte = Record<string, unknown> & { id: number | [number] };

const SEAUX = 64;

/**
 * The journal's size, kept in the version row. A write of the map adds one row to the journal (a
 * snapshot page's slice of 250 rows writes ~30 KB, not the whole map); the journal is folded into
 * the 64 rows when it reaches `LIGNES_JOURNAL` rows or holds more changes than the map held at the
 * last fold, and than `CHANGEMENTS_JOURNAL`: a first sync of 5,000 households (~17,500 records, ~50
 * slices) writes its map once, in its journal.
 */
type Journal = { lignes: number; changements: number; suivante: number; carte: number };
const JOURNAL_VIDE: Journal = { lignes: 0, changements: 0, suivante: 0, carte: 0 };
const LIGNES_JOURNAL = 256;
const CHANGEMENTS_JOURNAL = 20_000;
/** The journal's rows: their keys are arrays, after the 64 rows' numbers and the version row's string. */
const JOURNAL: DBCoreKeyRange = { type: 2 /* Range */, lower: [], upper: [[]], lowerOpen: false, upperOpen: true };

/**
 * The row of the map's store whose value changes with every write of the map or of the
 * households' ids, in any tab: a tab reads it first and its map only if it differs from the one
 * it last read or wrote.
 */
const JETON = 'jeton';
type Jeton = { id: typeof JETON; jeton: string; journal?: Journal };

/**
 * The map's rows (those read so far, the journal's changes made), the journal's changes to the
 * rows not read yet (null: journal not read) and the households' ids (null: not read) as a
 * version of the map (`JETON`) holds them.
 */
type Etat = { jeton: string | undefined; journal: Journal; seaux: Map<number, Seau>; attente: Map<number, Changements> | null; menages: Set<string> | null };

/**
 * What a transaction knows of the map: the state this tab last knew if the map has not changed
 * since, otherwise read as needed, and its own changes beside it (`changements`, by table), made
 * to the rows only once it commits: no row is copied, and the state holds only what a committed
 * transaction wrote.
 */
type Vue = Etat & { changee: boolean; jetonEcrit: boolean; changements: Map<string, Map<string, string | null>>; menagesCopies: boolean; nouveaux: Changements; nombreNouveaux: number };

/** The row of the map holding this record's household. */
const seauDe = (id: string): number => rangeeDe(id, SEAUX);

/** A record's entry in a table's entries of the map: its household, or none (null). */
function poser(entrees: Record<string, string>, id: string, menageId: string | null): void {
  if (menageId === null) delete entrees[id];
  else entrees[id] = menageId;
}

const contenuDe = (ligne: LigneMenage | undefined, e: Enfant) => ligne?.[e.champ] as Contenu | undefined;

/** A record's household as a transaction sees the map (its row read). */
function menageDans(vue: Vue, e: Enfant, id: string): string | undefined {
  const change = vue.changements.get(e.carte)?.get(id);
  return change !== undefined ? (change ?? undefined) : vue.seaux.get(seauDe(id))?.[e.carte]?.[id];
}

/** A table's entries in a row of the map as a transaction sees it (the row read), in a copy. */
function entreesDans(vue: Vue, n: number, e: Enfant): Record<string, string> {
  const entrees = { ...vue.seaux.get(n)?.[e.carte] };
  for (const [id, menageId] of vue.changements.get(e.carte) ?? []) if (seauDe(id) === n) poser(entrees, id, menageId);
  return entrees;
}

const sansCle = (carte: Carte | undefined): Seau | Changements => {
  if (!carte) return {};
  const { id: _id, ...entrees } = carte;
  return entrees as Seau | Changements;
};

/** A row of the map with the journal's changes to it made. */
function seauLu(carte: Carte | undefined, changements: Changements | undefined): Seau {
  const seau = sansCle(carte) as Seau;
  for (const [table, parId] of Object.entries(changements ?? {})) {
    const entrees = (seau[table] ??= {});
    for (const [id, menageId] of Object.entries(parId)) poser(entrees, id, menageId);
  }
  return seau;
}

const unique = <T>(valeurs: Iterable<T>): T[] => [...new Set(valeurs)];

const TOUS_LES_SEAUX: readonly number[] = Array.from({ length: SEAUX }, (_, n) => n);

const TOUT: DBCoreKeyRange = { type: 3 /* Any */, lower: undefined, upper: undefined };

/** Beyond this many records changed, a write tells live queries that a table changed whole, as Dexie does for a bulk write. */
const SIGNALES_UN_PAR_UN = 50;

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

/** A record as an index sees it: its key in the index asked for, its id. */
type Entree = { cle: unknown; id: string; valeur: Ligne };

/** What the layout does inside one transaction, on the stores below the middleware. */
class Disposition {
  /** For each table, transactions known to have no record left in its own store. */
  private readonly sansAnciens = new Map<string, WeakSet<DBCoreTransaction>>();
  /** The map as this tab last read or wrote it, in a transaction that then committed. */
  private connu: Etat | null = null;
  private readonly vues = new WeakMap<DBCoreTransaction, Promise<Vue>>();

  constructor(
    /** The database's name, as Dexie's live queries name its stores. */
    private readonly base: string,
    private readonly menages: DBCoreTable,
    private readonly carte: DBCoreTable,
    private readonly enfants: readonly Enfant[],
    /** Each table's own store. */
    private readonly anciens: ReadonlyMap<string, DBCoreTable>,
    /** False before version 23: the map's changes go straight into its 64 rows, as that version wrote them. */
    private readonly journalise: boolean,
  ) {
    for (const e of enfants) this.sansAnciens.set(e.table, new WeakSet());
  }

  private vue(trans: DBCoreTransaction): Promise<Vue> {
    let vue = this.vues.get(trans);
    if (!vue) this.vues.set(trans, (vue = this.ouvrirVue(trans)));
    return vue;
  }

  /** The transaction's view, kept by this tab once the transaction commits, forgotten if it fails. */
  private async ouvrirVue(trans: DBCoreTransaction): Promise<Vue> {
    const lu = (await this.carte.get({ trans, key: JETON })) as Jeton | undefined;
    const connu = lu && this.connu?.jeton === lu.jeton ? this.connu : null;
    const journal = lu?.journal ?? JOURNAL_VIDE;
    const vue: Vue = {
      jeton: lu?.jeton,
      journal,
      seaux: new Map(connu?.seaux),
      attente: connu?.attente ?? (journal.lignes === 0 ? new Map() : null),
      menages: connu?.menages ?? null,
      changee: false,
      jetonEcrit: false,
      changements: new Map(),
      menagesCopies: false,
      nouveaux: {},
      nombreNouveaux: 0,
    };
    const idb = trans as unknown as IDBTransaction;
    idb.addEventListener('complete', () => {
      if (vue.jeton === undefined || !this.appliquer(vue)) return;
      this.connu = { jeton: vue.jeton, journal: vue.journal, seaux: vue.seaux, attente: vue.attente, menages: vue.menages };
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
    const attente = (vue.attente ??= await this.lireJournal(trans));
    if (manquants.length < SEAUX) {
      const lues = (await this.carte.getMany({ trans, keys: manquants })) as (Carte | undefined)[];
      manquants.forEach((n, i) => vue.seaux.set(n, seauLu(lues[i], attente.get(n))));
      return vue;
    }
    // The whole map in one request: its rows have numbers for keys, the version row a string.
    const plage: DBCoreKeyRange = { type: 2 /* Range */, lower: 0, upper: SEAUX, upperOpen: true };
    const lues = (await this.carte.query({ trans, values: true, query: { index: this.carte.schema.primaryKey, range: plage } })).result as Carte[];
    const parNumero = new Map(lues.map((c) => [c.id as number, c]));
    for (const n of manquants) vue.seaux.set(n, seauLu(parNumero.get(n), attente.get(n)));
    return vue;
  }

  /** The journal's changes, the last one of each record, by row of the map. */
  private async lireJournal(trans: DBCoreTransaction): Promise<Map<number, Changements>> {
    const lignes = (await this.carte.query({ trans, values: true, query: { index: this.carte.schema.primaryKey, range: JOURNAL } })).result as Carte[];
    const parSeau = new Map<number, Changements>();
    for (const ligne of lignes)
      for (const [table, parId] of Object.entries(sansCle(ligne) as Changements))
        for (const [id, menageId] of Object.entries(parId)) {
          const n = seauDe(id);
          let changements = parSeau.get(n);
          if (!changements) parSeau.set(n, (changements = {}));
          (changements[table] ??= {})[id] = menageId;
        }
    return parSeau;
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
    vue.changee = true;
    vue.jeton = crypto.randomUUID();
  }

  /** A record of a table placed in a household (`menageId`) or in none (null): a change of the transaction, and one to journal. */
  private placer(vue: Vue, e: Enfant, id: string, menageId: string | null): void {
    this.changer(vue);
    let changements = vue.changements.get(e.carte);
    if (!changements) vue.changements.set(e.carte, (changements = new Map()));
    changements.set(id, menageId);
    (vue.nouveaux[e.carte] ??= {})[id] = menageId;
    vue.nombreNouveaux++;
  }

  /**
   * A committed transaction's changes made to the map's rows, in place: no other transaction over
   * the map ran beside it (IndexedDB runs one that writes alone), and none started since has
   * seen the rows. False if a row changed was not read (the map is then read again).
   */
  private appliquer(vue: Vue): boolean {
    for (const [carte, changements] of vue.changements)
      for (const [id, menageId] of changements) {
        const seau = vue.seaux.get(seauDe(id));
        if (!seau) return false;
        poser((seau[carte] ??= {}), id, menageId);
      }
    return true;
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

  /**
   * Writes the map's changes placed since the last call, as a row of its journal or by folding the
   * journal into the 64 rows, and the new version of the map with the journal's size.
   */
  private async enregistrer(trans: DBCoreTransaction, vue: Vue): Promise<void> {
    if (!vue.changee || (vue.jetonEcrit && vue.nombreNouveaux === 0)) return;
    const journal = vue.journal;
    const valeurs: (Carte | Jeton)[] = [];
    if (vue.nombreNouveaux > 0) {
      const changements = journal.changements + vue.nombreNouveaux;
      if (!this.journalise || journal.lignes + 1 >= LIGNES_JOURNAL || changements > Math.max(CHANGEMENTS_JOURNAL, journal.carte)) {
        await this.seaux(trans, TOUS_LES_SEAUX);
        await this.carte.mutate({ type: 'deleteRange', trans, range: JOURNAL });
        let carte = 0;
        for (const n of TOUS_LES_SEAUX) {
          const seau: Carte = { id: n };
          for (const e of this.enfants) {
            const entrees = entreesDans(vue, n, e);
            seau[e.carte] = entrees;
            carte += Object.keys(entrees).length;
          }
          valeurs.push(seau);
        }
        vue.journal = { ...JOURNAL_VIDE, suivante: journal.suivante, carte };
        vue.attente = new Map();
      } else {
        valeurs.push({ ...vue.nouveaux, id: [journal.suivante] });
        vue.journal = { ...journal, lignes: journal.lignes + 1, changements, suivante: journal.suivante + 1 };
      }
      vue.nouveaux = {};
      vue.nombreNouveaux = 0;
    }
    valeurs.push({ id: JETON, jeton: vue.jeton!, journal: vue.journal });
    vue.jetonEcrit = true;
    await this.carte.mutate({ type: 'put', trans, values: valeurs });
  }

  /**
   * Tells Dexie's live queries on a table which of its records a write changed (`ids`, `lignes`
   * their new values): its observation, above this middleware, sees only the stores the app asked
   * for, not a household row's records placed or moved, and it tells them once the transaction commits.
   */
  private signaler(trans: DBCoreTransaction, e: Enfant, ids: readonly string[], lignes: readonly Ligne[]): void {
    if (ids.length === 0) return;
    const idb = trans as DBCoreTransaction & { mutatedParts?: Record<string, RangeSet> };
    const parties = (idb.mutatedParts ??= {});
    const partie = (index: string) => (parties[`idb://${this.base}/${e.table}/${index}`] ??= new RangeSet());
    const toute = ids.length > SIGNALES_UN_PAR_UN ? { from: -Infinity, to: [[]] } : null;
    for (const cles of ['', ':dels']) {
      if (toute) partie(cles).add(toute);
      else partie(cles).addKeys([...ids]);
    }
    for (const index of this.anciens.get(e.table)!.schema.indexes) {
      const cles = partie(index.name ?? '');
      if (toute) cles.add(toute);
      else
        for (const l of lignes) {
          const cle: unknown = index.extractKey?.(l);
          if (index.multiEntry && Array.isArray(cle)) cles.addKeys(cle as IndexableType[]);
          else if (cle != null) cles.addKey(cle as IndexableType);
        }
    }
  }

  private async aDesAnciens(trans: DBCoreTransaction, e: Enfant): Promise<boolean> {
    const sans = this.sansAnciens.get(e.table)!;
    if (sans.has(trans)) return false;
    const anciens = this.anciens.get(e.table)!;
    const vide = (await anciens.count({ trans, query: { index: anciens.schema.primaryKey, range: TOUT } })) === 0;
    if (vide) sans.add(trans);
    return !vide;
  }

  /**
   * Writes households (with the records they carry, added to those they hold) and records of one
   * table `enfant`, and deletes records of it, keeping each record in exactly one place: its
   * household's row if that row exists, its table's own store otherwise.
   */
  async ecrire(trans: DBCoreTransaction, ecrits: readonly LigneMenage[], enfant: Enfant | null, lignes: readonly Ligne[], supprimes: readonly string[]): Promise<void> {
    const aPlacer: [Enfant, Ligne][] = [];
    for (const m of ecrits) for (const e of this.enfants) for (const l of Object.values(contenuDe(m, e) ?? {})) aPlacer.push([e, l]);
    if (enfant) for (const l of lignes) aPlacer.push([enfant, l]);
    // Ids are UUIDs, unique across tables: one id names one record of one table.
    const touches = new Map<string, Enfant>(aPlacer.map(([e, l]) => [l.id, e]));
    if (enfant) for (const id of supprimes) touches.set(id, enfant);
    // By table, the ids touched and the records placed: each table's part of the write, gathered once.
    const parEnfant = new Map<Enfant, { ids: string[]; places: Ligne[] }>(this.enfants.map((e) => [e, { ids: [], places: [] }]));
    for (const [id, e] of touches) parEnfant.get(e)?.ids.push(id);
    for (const [e, l] of aPlacer) parEnfant.get(e)?.places.push(l);
    const vue = await this.cartes(trans, [...touches.keys()]);
    const actuel = (e: Enfant, id: string) => menageDans(vue, e, id);
    const menageIds = new Set<string>(ecrits.map((m) => m.id));
    for (const [, l] of aPlacer) menageIds.add(String(l.menageId));
    for (const [id, e] of touches) {
      const menageId = actuel(e, id);
      if (menageId !== undefined) menageIds.add(menageId);
    }
    // Only the rows that exist are read: a first sync's households are all new.
    const presents = await this.presents(trans, vue);
    const aLire = [...menageIds].filter((id) => presents.has(id));
    const lus = (await this.menages.getMany({ trans, keys: aLire })) as (LigneMenage | undefined)[];
    const menages = new Map<string, LigneMenage>();
    aLire.forEach((id, i) => {
      const lu = lus[i];
      if (lu) menages.set(id, lu);
    });
    const changes = new Set<string>();
    for (const m of ecrits) {
      const tenue = menages.get(m.id);
      const ligne: LigneMenage = { ...m };
      for (const e of this.enfants) {
        if (tenue?.[e.champ]) ligne[e.champ] = tenue[e.champ];
        else delete ligne[e.champ];
      }
      menages.set(m.id, ligne);
      changes.add(m.id);
    }
    // The household rows read for this write (fresh copies) are changed in place, not copied once per record placed.
    const contenu = (ligne: LigneMenage, e: Enfant) => (contenuDe(ligne, e) ?? (ligne[e.champ] = {})) as Contenu;
    // A record written again into the household it is in (an interview at each keystroke) is
    // replaced there below, and its map row is not written again.
    const restent = new Set<string>();
    for (const [e, l] of aPlacer) if (actuel(e, l.id) === String(l.menageId) && menages.has(String(l.menageId))) restent.add(l.id);
    for (const [id, e] of touches) {
      const menageId = actuel(e, id);
      if (menageId === undefined || restent.has(id)) continue;
      const ligne = menages.get(menageId);
      if (contenuDe(ligne, e)?.[id]) {
        delete contenu(ligne!, e)[id];
        changes.add(menageId);
      }
      this.placer(vue, e, id, null);
    }
    const anciens = new Map<Enfant, Ligne[]>();
    for (const [e, l] of aPlacer) {
      const menageId = String(l.menageId);
      const ligne = menages.get(menageId);
      if (!ligne) {
        const apart = anciens.get(e);
        if (apart) apart.push(l);
        else anciens.set(e, [l]);
        continue;
      }
      contenu(ligne, e)[l.id] = l;
      changes.add(menageId);
      if (!restent.has(l.id)) this.placer(vue, e, l.id, menageId);
    }
    const valeurs = [...changes].map((id) => {
      const ligne = menages.get(id)!;
      for (const e of this.enfants) if (ligne[e.champ] && Object.keys(contenuDe(ligne, e)!).length === 0) delete ligne[e.champ];
      return ligne;
    });
    if (valeurs.length > 0) await this.menages.mutate({ type: 'put', trans, values: valeurs });
    const nouveaux = [...changes].filter((id) => !presents.has(id));
    if (nouveaux.length > 0) this.noterMenages(vue, nouveaux, true);
    for (const [e, { ids, places }] of parEnfant) {
      const gardes = anciens.get(e) ?? [];
      const aPart = new Set(gardes.map((l) => l.id));
      // A record that stays in its household's row is in no other place.
      const aRetirer = ids.filter((id) => !aPart.has(id) && !restent.has(id));
      const store = this.anciens.get(e.table)!;
      if (aRetirer.length > 0 && (await this.aDesAnciens(trans, e))) await store.mutate({ type: 'delete', trans, keys: aRetirer });
      if (gardes.length > 0) {
        this.sansAnciens.get(e.table)!.delete(trans);
        await store.mutate({ type: 'put', trans, values: gardes });
      }
      this.signaler(trans, e, ids, places);
    }
    await this.enregistrer(trans, vue);
  }

  /** Households added: none holds a record yet. */
  async ajouterMenages(trans: DBCoreTransaction, ids: readonly string[]): Promise<void> {
    const vue = await this.vue(trans);
    this.noterMenages(vue, ids, true);
    await this.enregistrer(trans, vue);
  }

  /**
   * Households deleted: what they hold goes with their rows, and leaves the map. Read in the map
   * only (ids in clear): the device forgets its data while locked too.
   */
  async oublierMenages(trans: DBCoreTransaction, plage: DBCoreKeyRange | readonly string[]): Promise<void> {
    const vue = await this.seaux(trans, TOUS_LES_SEAUX);
    const ids = Array.isArray(plage) ? new Set(plage as readonly string[]) : null;
    const oublie = (menageId: string) => (ids ? ids.has(menageId) : dansPlage(menageId, plage as DBCoreKeyRange));
    for (const e of this.enfants) {
      const oublies = TOUS_LES_SEAUX.flatMap((n) => Object.entries(entreesDans(vue, n, e)).flatMap(([id, menageId]) => (oublie(menageId) ? [id] : [])));
      for (const id of oublies) this.placer(vue, e, id, null);
      this.signaler(trans, e, oublies, []);
    }
    this.noterMenages(vue, ids ? [...ids] : [...(vue.menages ?? [])].filter(oublie), false);
    await this.enregistrer(trans, vue);
  }

  /** All the records of a table, counted without opening a household: the map's entries and the rows kept apart. */
  async compter(trans: DBCoreTransaction, e: Enfant): Promise<number> {
    const vue = await this.seaux(trans, TOUS_LES_SEAUX);
    const store = this.anciens.get(e.table)!;
    const anciens = await store.count({ trans, query: { index: store.schema.primaryKey, range: TOUT } });
    return TOUS_LES_SEAUX.reduce((n, s) => n + Object.keys(entreesDans(vue, s, e)).length, anciens);
  }

  /** Records of a table by id, from both places. */
  async lire(trans: DBCoreTransaction, e: Enfant, ids: readonly string[]): Promise<(Ligne | undefined)[]> {
    const vue = await this.cartes(trans, ids);
    const menageDe = (id: string) => menageDans(vue, e, id);
    const menageIds = unique(ids.flatMap((id) => menageDe(id) ?? []));
    const lus = (await this.menages.getMany({ trans, keys: menageIds })) as (LigneMenage | undefined)[];
    const parMenage = new Map(menageIds.map((id, i) => [id, contenuDe(lus[i], e)]));
    const trouves = ids.map((id) => parMenage.get(menageDe(id) ?? '')?.[id]);
    const manquants = ids.filter((_, i) => !trouves[i]);
    if (manquants.length === 0 || !(await this.aDesAnciens(trans, e))) return trouves;
    const anciens = (await this.anciens.get(e.table)!.getMany({ trans, keys: manquants })) as (Ligne | undefined)[];
    const parId = new Map(manquants.map((id, i) => [id, anciens[i]]));
    return trouves.map((l, i) => l ?? parId.get(ids[i]!));
  }

  /** The records of a table an index range selects, in the index's order (then by id), from both places. */
  async lister(trans: DBCoreTransaction, e: Enfant, index: DBCoreIndex, plage: DBCoreKeyRange): Promise<Entree[]> {
    const parId = index.isPrimaryKey;
    if (parId && plage.type === 1) {
      const [l] = await this.lire(trans, e, [String(plage.lower)]);
      return l ? [{ cle: l.id, id: l.id, valeur: l }] : [];
    }
    const chemin = index.keyPath as string;
    // A record's `menageId` is its household's id: a range of households is a range of their rows.
    const parMenage = !parId && chemin === 'menageId';
    const menages = (await this.menages.query({ trans, values: true, query: { index: this.menages.schema.primaryKey, range: parMenage ? plage : TOUT } }))
      .result as LigneMenage[];
    const entrees: Entree[] = [];
    const garder = (l: Ligne) => {
      const cle = parId ? l.id : l[chemin];
      if (cle !== undefined && (parMenage || dansPlage(cle, plage))) entrees.push({ cle, id: l.id, valeur: l });
    };
    for (const m of menages) for (const l of Object.values(contenuDe(m, e) ?? {})) garder(l);
    if (await this.aDesAnciens(trans, e)) {
      const anciens = (await this.anciens.get(e.table)!.query({ trans, values: true, query: { index, range: plage } })).result as Ligne[];
      anciens.forEach(garder);
    }
    return entrees.sort((a, b) => indexedDB.cmp(a.cle, b.cle) || indexedDB.cmp(a.id, b.id));
  }

  /** Records of a table stored apart whose household's row is here, moved into it; the last id looked at, null once none is left. */
  async deplacer(trans: DBCoreTransaction, e: Enfant, apres: string | null, nombre: number): Promise<string | null> {
    const plage: DBCoreKeyRange = apres === null ? TOUT : { type: 2, lower: apres, lowerOpen: true, upper: undefined };
    const store = this.anciens.get(e.table)!;
    const lot = (await store.query({ trans, values: true, limit: nombre, query: { index: store.schema.primaryKey, range: plage } })).result as Ligne[];
    if (lot.length === 0) return null;
    await this.ecrire(trans, [], e, lot, []);
    return lot[lot.length - 1]!.id;
  }
}

/** A cursor over records already listed. */
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

function tableEnfant(bas: DBCoreTable, d: Disposition, e: Enfant): DBCoreTable {
  const primaire = bas.schema.primaryKey;
  return {
    ...bas,
    async mutate(req) {
      if (req.type === 'put') {
        await d.ecrire(req.trans, [], e, req.values as Ligne[], []);
        return reponse(req.values.map((v: Ligne) => v.id));
      }
      if (req.type === 'add') {
        const valeurs = req.values as Ligne[];
        const deja = await d.lire(
          req.trans,
          e,
          valeurs.map((v) => v.id),
        );
        await d.ecrire(
          req.trans,
          [],
          e,
          valeurs.filter((_, i) => !deja[i]),
          [],
        );
        const failures = Object.fromEntries(deja.flatMap((l, i) => (l ? [[i, new DOMException(`Enregistrement déjà présent : ${l.id}`, 'ConstraintError')]] : [])));
        return { ...reponse(valeurs.map((v) => v.id)), numFailures: Object.keys(failures).length, failures };
      }
      const cles = req.type === 'delete' ? (req.keys as string[]) : (await d.lister(req.trans, e, primaire, req.range)).map((l) => l.id);
      await d.ecrire(req.trans, [], e, [], cles);
      return reponse([]);
    },
    get: async (req) => (await d.lire(req.trans, e, [req.key as string]))[0],
    getMany: (req) => d.lire(req.trans, e, req.keys as string[]),
    async query(req) {
      let entrees = await d.lister(req.trans, e, req.query.index, req.query.range);
      if (req.direction?.startsWith('prev')) entrees = entrees.reverse();
      if (req.direction?.endsWith('unique')) entrees = entrees.filter((l, i) => i === 0 || indexedDB.cmp(l.cle, entrees[i - 1]!.cle) !== 0);
      if (req.limit !== undefined) entrees = entrees.slice(0, req.limit);
      return { result: entrees.map((l) => (req.values ? l.valeur : l.id)) };
    },
    async openCursor(req) {
      let entrees = await d.lister(req.trans, e, req.query.index, req.query.range);
      if (req.reverse) entrees = entrees.reverse();
      if (req.unique) entrees = entrees.filter((l, i) => i === 0 || indexedDB.cmp(l.cle, entrees[i - 1]!.cle) !== 0);
      return curseurSur(req.trans, entrees);
    },
    count: (req) => (req.query.range.type === 3 ? d.compter(req.trans, e) : d.lister(req.trans, e, req.query.index, req.query.range).then((l) => l.length)),
  };
}

function tableMenages(menages: DBCoreTable, d: Disposition, enfants: readonly Enfant[]): DBCoreTable {
  const seul = <T>(ligne: T): T => {
    if (ligne && typeof ligne === 'object') for (const e of enfants) delete (ligne as LigneMenage)[e.champ];
    return ligne;
  };
  return {
    ...menages,
    async mutate(req) {
      if (req.type === 'put') {
        await d.ecrire(req.trans, req.values as LigneMenage[], null, [], []);
        return reponse(req.values.map((v: Ligne) => v.id));
      }
      // A new household holds nothing yet (records received before it stay where they are).
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
    get: async (req) => seul(await menages.get(req)),
    getMany: async (req) => (await menages.getMany(req)).map(seul),
    async query(req) {
      const r = await menages.query(req);
      return req.values ? { result: r.result.map(seul) } : r;
    },
    async openCursor(req) {
      const c = await menages.openCursor(req);
      return c && req.values ? new Proxy(c, { get: (t, p) => (p === 'value' ? seul(t.value) : Reflect.get(t, p)) }) : c;
    },
  };
}

/**
 * A snapshot page's rows by table, each household of the page carrying its records of the page
 * from the tables inside it: it is sealed and written once with them, and the middleware places
 * the others.
 */
export function avecEnfants<T extends string>(db: Dexie, parTable: ReadonlyMap<T, Ligne[]>): [T, Ligne[]][] {
  const menages = parTable.get(MENAGES as T);
  const enfants = (dispositionDe(db.core)?.enfants ?? []).filter((e) => parTable.has(e.table as T));
  if (!menages || enfants.length === 0) return [...parTable];
  const portes = new Map<string, Record<string, Contenu>>(menages.map((m) => [m.id, {}]));
  const seuls = new Map(
    enfants.map((e) => [
      e.table,
      parTable.get(e.table as T)!.filter((l) => {
        const porte = portes.get(String(l.menageId));
        if (porte) (porte[e.champ] ??= {})[l.id] = l;
        return !porte;
      }),
    ]),
  );
  const carries = menages.map((m) => {
    const porte = portes.get(m.id)!;
    return Object.keys(porte).length > 0 ? { ...m, ...porte } : m;
  });
  return [...parTable].flatMap(([table, lignes]): [T, Ligne[]][] => {
    if (table === MENAGES) return [[table, carries]];
    const restent = seuls.get(table);
    return !restent ? [[table, lignes]] : restent.length > 0 ? [[table, restent]] : [];
  });
}

/** Records looked at per transaction while moving them. */
const PAR_LOT = 500;

/**
 * Moves the records stored apart (before their table's version, or received before their
 * household) into their households' rows, a few hundred per transaction (after the unlock: the
 * rows are sealed). Reads see both places meanwhile, so it may stop at any point and go on at the
 * next start.
 */
export async function deplacerEnfants(db: Dexie): Promise<void> {
  const disposition = dispositionDe(db.core);
  if (!disposition) return;
  const { deplacer } = await disposition.charger();
  for (const e of disposition.enfants) {
    let apres: string | null = null;
    do {
      const depuis: string | null = apres;
      apres = await db.transaction('rw', [MENAGES, e.table], () =>
        deplacer(Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction, e, depuis, PAR_LOT),
      );
      await new Promise((r) => setTimeout(r, 0));
    } while (apres !== null);
  }
}

/** The layout's tables over these stores (the middleware's, `ligne-menage.ts`). */
export function tablesLigneMenage(bas: DBCore, enfants: readonly Enfant[], journal: boolean): TablesLigneMenage {
  const anciens = new Map(enfants.map((e) => [e.table, bas.table(e.table)]));
  const disposition = new Disposition(bas.schema.name, bas.table(MENAGES), bas.table(CARTE), enfants, anciens, journal);
  return {
    menages: tableMenages(bas.table(MENAGES), disposition, enfants),
    enfants: new Map(enfants.map((e) => [e.table, tableEnfant(bas.table(e.table), disposition, e)])),
    deplacer: (trans, e, apres, nombre) => disposition.deplacer(trans, e, apres, nombre),
  };
}
