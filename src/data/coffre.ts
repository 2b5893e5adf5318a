import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { desceller, scellerAvecTexte } from './chiffrement.ts';
import type { Scelle } from './chiffrement.ts';

// The one place where rows are encrypted and decrypted (docs/chiffrement.md): a Dexie middleware
// at the bottom of the stack, so every path that reads or writes the tables (the write path, the
// sync's pulls, the summaries, the blobs, migrations) goes through it and sees clear rows.
// Stored rows keep in clear only their keys and indexed fields (ids, sync metadata, statuses,
// dates), none of which holds a name or an amount; the rest is in `__chiffre`.

/** Tables that hold nothing personal: reference data of the territory, interview positions, the map of occupant and interview ids to household ids. */
const TABLES_EN_CLAIR: ReadonlySet<string> = new Set([
  'operations',
  'residences',
  'parametres',
  'offres',
  'offresPilotage',
  'baremes',
  'reprises',
  'plansRelogement',
  'bilansAnnuels',
  'occupantsMenages',
]);
/** The few `meta` rows holding personal data (the session's token and profile, the team's names); the others are counters and clocks. */
const META_CHIFFREES: ReadonlySet<unknown> = new Set(['session', 'equipe']);

/** Whether the middleware seals (some) rows of this table. */
export const estTableChiffree = (table: string) => !TABLES_EN_CLAIR.has(table);

const CHAMP = '__chiffre';
type LigneScellee = Record<string, unknown> & { [CHAMP]: Scelle };
const estScellee = (v: unknown): v is LigneScellee => typeof v === 'object' && v !== null && CHAMP in v;
const aChiffrer = (table: string, ligne: unknown) =>
  !TABLES_EN_CLAIR.has(table) && (table !== 'meta' || META_CHIFFREES.has((ligne as { key?: unknown } | null)?.key));

/** A write or a read of personal data while the app is locked: nothing is written or shown in clear. */
export class VerrouilleError extends Error {
  constructor() {
    super('L’application est verrouillée : saisissez votre code pour continuer.');
    this.name = 'VerrouilleError';
  }
}

/** Rows sealed lately whose clear text is kept: about a first sync's worth, in number and in characters. */
const RECENTES_MAX = 50_000;
const RECENTES_CARACTERES_MAX = 32 * 1024 * 1024;

const empreinteIv = (iv: Uint8Array) => String.fromCharCode(...iv);

/**
 * The data key while unlocked; listeners learn of every lock and unlock. It keeps, while unlocked,
 * the clear text of rows it sealed lately, the oldest forgotten first: a row written then read back
 * (the summaries after a first sync read the 22,500 rows it wrote, and each slice of them reads a
 * row of summaries twice, the write path reads back what it wrote) is not decrypted again. A
 * stored row is the one sealed only if its random IV and its authenticated context are both the
 * same; otherwise it is decrypted as always.
 */
export class Coffre {
  private cle: CryptoKey | null = null;
  private readonly ecouteurs = new Set<() => void>();
  private readonly recentes = new Map<string, { contexte: string; texte: string }>();
  private caracteres = 0;

  /** Remembers what was sealed under `iv`: `texte` is what opening the payload would give. */
  retenir(iv: Uint8Array, contexte: string, texte: string): void {
    while (this.recentes.size > 0 && (this.recentes.size >= RECENTES_MAX || this.caracteres + texte.length > RECENTES_CARACTERES_MAX)) {
      const [cle, { texte: oublie }] = this.recentes.entries().next().value!;
      this.recentes.delete(cle);
      this.caracteres -= oublie.length;
    }
    this.recentes.set(empreinteIv(iv), { contexte, texte });
    this.caracteres += texte.length;
  }

  /** The clear text of a payload sealed here lately under this IV and context; null otherwise. */
  reprendre(iv: Uint8Array, contexte: string): string | null {
    const recente = this.recentes.get(empreinteIv(iv));
    return recente?.contexte === contexte ? recente.texte : null;
  }

  get ouvert(): boolean {
    return this.cle !== null;
  }

  exiger(): CryptoKey {
    if (!this.cle) throw new VerrouilleError();
    return this.cle;
  }

  ouvrir(cle: CryptoKey): void {
    this.cle = cle;
    this.ecouteurs.forEach((f) => f());
  }

  fermer(): void {
    this.cle = null;
    this.recentes.clear();
    this.caracteres = 0;
    this.ecouteurs.forEach((f) => f());
  }

  ecouter(f: () => void): () => void {
    this.ecouteurs.add(f);
    return () => this.ecouteurs.delete(f);
  }
}

/** WebCrypto work waiting on a transaction: what to do, in a request's success callback, once it is done. */
type Attente = { fin: (() => void) | null; echouer: (e: Error) => void };
const attentes = new WeakMap<IDBTransaction, Set<Attente>>();

/**
 * Keeps an IndexedDB transaction alive while WebCrypto works (it is not an IndexedDB request, so
 * the transaction would commit meanwhile), by chaining point lookups; resolves inside a request's
 * success callback, where the transaction accepts the next request (as Dexie.waitFor does). One
 * chain per transaction serves every work under way in it: a summary pass opens hundreds of
 * queries at once, and a chain each would flood the database with lookups.
 */
export function garderVivante<T>(trans: DBCoreTransaction, table: string, travail: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  return new Promise((resolve, reject) => {
    const attente: Attente = { fin: null, echouer: reject };
    travail.then(
      (v) => (attente.fin = () => resolve(v)),
      (e: unknown) => (attente.fin = () => reject(e instanceof Error ? e : new Error(String(e)))),
    );
    const enCours = attentes.get(idb);
    if (enCours) return void enCours.add(attente);
    const servies = new Set([attente]);
    attentes.set(idb, servies);
    const tourner = () => {
      for (const a of servies) {
        if (!a.fin) continue;
        servies.delete(a);
        a.fin();
      }
      if (servies.size === 0) return void attentes.delete(idb);
      // A point lookup of a key no row has: counting would read the whole store at every turn.
      const requete = idb.objectStore(table).get(-Infinity);
      requete.onsuccess = tourner;
      requete.onerror = () => {
        attentes.delete(idb);
        servies.forEach((a) => a.echouer(requete.error ?? new Error('Transaction interrompue pendant le chiffrement.')));
      };
    };
    tourner();
  });
}

const cheminsDe = (index: DBCoreIndex) => (index.keyPath === null ? [] : typeof index.keyPath === 'string' ? [index.keyPath] : index.keyPath);

function tableChiffree(table: DBCoreTable, coffre: Coffre): DBCoreTable {
  const nom = table.name;
  const { primaryKey, indexes } = table.schema;
  const enClair = [...new Set([...cheminsDe(primaryKey), ...indexes.flatMap(cheminsDe)])];
  // An auto-incremented key is not known when the row is sealed: it is not part of its context.
  const duContexte = primaryKey.autoIncrement ? enClair.filter((c) => !cheminsDe(primaryKey).includes(c)) : enClair;
  const contexte = (ligne: Record<string, unknown>) => `${nom}|${JSON.stringify(duContexte.map((c) => ligne[c] ?? null))}`;

  async function scellerLigne(cle: CryptoKey, ligne: Record<string, unknown>): Promise<Record<string, unknown>> {
    const stockee: Record<string, unknown> = {};
    for (const c of enClair) if (ligne[c] !== undefined) stockee[c] = ligne[c];
    const duLigne = contexte(ligne);
    const { scelle, texte } = await scellerAvecTexte(cle, ligne, duLigne);
    if (texte !== null) coffre.retenir(scelle.iv, duLigne, texte);
    stockee[CHAMP] = scelle;
    return stockee;
  }

  /**
   * A row sealed before one of its paths was indexed has that path only in its sealed part, and was
   * authenticated without it: it opens with the paths it holds in clear (the missing value comes
   * from the sealed part), until it is sealed again. A path removed from a newer row's clear part
   * changes its context, so that row does not open.
   */
  const contexteDesPresentes = (cles: Record<string, unknown>) =>
    `${nom}|${JSON.stringify(duContexte.filter((c) => cles[c] !== undefined).map((c) => cles[c]))}`;

  async function ouvrirLigne(cle: CryptoKey, stockee: LigneScellee): Promise<Record<string, unknown>> {
    const { [CHAMP]: scelle, ...cles } = stockee;
    const ouverte = await desceller(cle, scelle, contexte(cles)).catch((e: unknown) => {
      if (duContexte.every((c) => cles[c] !== undefined)) throw e;
      return desceller(cle, scelle, contexteDesPresentes(cles));
    });
    return Object.assign(ouverte, cles);
  }

  /** A row this coffre sealed lately, opened without WebCrypto; null for any other. */
  function rouvrirRecente(stockee: LigneScellee): Record<string, unknown> | null {
    const { [CHAMP]: scelle, ...cles } = stockee;
    const texte = coffre.reprendre(scelle.iv, contexte(cles));
    return texte === null ? null : Object.assign(JSON.parse(texte) as Record<string, unknown>, cles);
  }

  /** Rows as stored, opened; rows still in clear (before the first unlock after the update) pass as they are. */
  function ouvrirToutes(trans: DBCoreTransaction, stockees: unknown[]): Promise<unknown[]> | unknown[] {
    if (!stockees.some(estScellee)) return stockees;
    const cle = coffre.exiger();
    const ouvertes = stockees.map((v) => (estScellee(v) ? (rouvrirRecente(v) ?? v) : v));
    if (!ouvertes.some(estScellee)) return ouvertes;
    return garderVivante(trans, nom, Promise.all(ouvertes.map((v) => (estScellee(v) ? ouvrirLigne(cle, v) : v))));
  }

  function curseurOuvrant(curseur: DBCoreCursor): DBCoreCursor {
    let valeur: unknown;
    const ouvrant: DBCoreCursor = {
      get trans() {
        return curseur.trans;
      },
      get key(): unknown {
        return curseur.key;
      },
      get primaryKey(): unknown {
        return curseur.primaryKey;
      },
      get value() {
        return valeur;
      },
      get done() {
        return curseur.done;
      },
      continue: (cle?: unknown) => curseur.continue(cle),
      continuePrimaryKey: (cle: unknown, primaire: unknown) => curseur.continuePrimaryKey(cle, primaire),
      advance: (n: number) => curseur.advance(n),
      stop: (v?: unknown) => curseur.stop(v),
      fail: (e: Error) => curseur.fail(e),
      next() {
        let encore = 1;
        return this.start(() => (encore-- ? this.continue() : this.stop())).then(() => this);
      },
      // Each position is opened before the consumer sees it; the cursor waits meanwhile.
      start: (suite: () => void) =>
        curseur.start(() => {
          const brute: unknown = curseur.value;
          const recente = estScellee(brute) ? rouvrirRecente(brute) : null;
          if (!estScellee(brute) || recente) {
            valeur = recente ?? brute;
            return suite();
          }
          garderVivante(curseur.trans, nom, ouvrirLigne(coffre.exiger(), brute)).then(
            (v) => {
              valeur = v;
              try {
                suite();
              } catch (e) {
                curseur.fail(e as Error);
              }
            },
            (e: Error) => curseur.fail(e),
          );
        }),
    };
    return ouvrant;
  }

  return {
    ...table,
    mutate(req) {
      if ((req.type !== 'add' && req.type !== 'put') || !req.values.some((v) => aChiffrer(nom, v))) return table.mutate(req);
      const cle = coffre.exiger();
      const valeurs = Promise.all(req.values.map((v: Record<string, unknown>) => (aChiffrer(nom, v) ? scellerLigne(cle, v) : v)));
      return garderVivante(req.trans, nom, valeurs).then((values) => table.mutate({ ...req, values }));
    },
    get: (req) => table.get(req).then(async (v: unknown) => (await ouvrirToutes(req.trans, [v]))[0]),
    getMany: (req) => table.getMany(req).then((v) => ouvrirToutes(req.trans, v)),
    query: (req) =>
      table.query(req).then(async (reponse) => (req.values ? { ...reponse, result: await ouvrirToutes(req.trans, reponse.result) } : reponse)),
    openCursor: (req) => table.openCursor(req).then((c) => (c && req.values ? curseurOuvrant(c) : c)),
  };
}

/** The middleware of a database whose personal rows are sealed with the coffre's key. */
export function middlewareChiffrement(coffre: Coffre): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'chiffrement',
    // Below Dexie's own middlewares (the lowest is -1): they and every caller see clear rows.
    level: -2,
    create: (bas) => ({
      ...bas,
      table: (nom) => (estTableChiffree(nom) ? tableChiffree(bas.table(nom), coffre) : bas.table(nom)),
    }),
  };
}
