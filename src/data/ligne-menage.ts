import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { tableDifferee } from './table-differee.ts';

// Since version 20 each household's occupants live inside its row, and since version 22 its
// interviews too (docs/donnees.md, « Occupants et entretiens dans la ligne du ménage »). This
// middleware shows the rest of the app `personnes` and `entretiens` tables and household rows as
// they were; the code that knows the layout (`ligne-menage-disposition.ts`) is loaded at the first
// read or write of a household or of a record inside one, not with the caseload's first screen,
// which reads none.

export const MENAGES = 'menages';
/** The map record id → household id (version 20), in clear: it holds only ids. */
export const CARTE = 'occupantsMenages';

/**
 * A table whose records live inside their household's row: `champ` holds them there,
 * `{id → record with its _sync}`, and each row of the map holds their ids under `carte`.
 */
export type Enfant = { readonly table: string; readonly champ: string; readonly carte: string };

/** The map's field for occupants is `menages`, as version 20 wrote it. */
export const OCCUPANTS: Enfant = { table: 'personnes', champ: 'occupants', carte: 'menages' };
export const ENTRETIENS: Enfant = { table: 'entretiens', champ: 'entretiens', carte: 'entretiens' };

/** The tables inside the household's row at this version of the database (none before 20). */
export const enfantsDe = (version: number): readonly Enfant[] => (version >= 22 ? [OCCUPANTS, ENTRETIENS] : version >= 20 ? [OCCUPANTS] : []);

/** Whether the map takes its changes in a journal (version 23), rather than in its 64 rows at each write. */
export const avecJournal = (version: number): boolean => version >= 23;

/** The layout's tables over the stores below, and its move of the records kept apart (`deplacerEnfants`). */
export type TablesLigneMenage = {
  menages: DBCoreTable;
  enfants: ReadonlyMap<string, DBCoreTable>;
  deplacer: (trans: DBCoreTransaction, enfant: Enfant, apres: string | null, nombre: number) => Promise<string | null>;
};

/** The layout of a database's stores: its tables inside the household's row, and how to load its code. */
export type Disposition = { enfants: readonly Enfant[]; charger: () => Promise<TablesLigneMenage> };

const DISPOSITION = Symbol('ligneMenage');
type AvecDisposition = DBCore & { [DISPOSITION]?: Disposition };

/** The layout of a database's stores; null on a database older than version 20. */
export const dispositionDe = (core: DBCore) => (core as AvecDisposition)[DISPOSITION] ?? null;

const METHODES = ['mutate', 'get', 'getMany', 'query', 'openCursor', 'count'] as const;

/**
 * The middleware of the layout, above the sealing (`coffre.ts`): it reads and writes rows in clear.
 * A transaction over households or the tables inside them also takes the stores they live in.
 * `version`: the database's version once open (Dexie's `verno`).
 */
export function middlewareLigneMenage(version: () => number): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ligneMenage',
    level: -1.5,
    create: (bas) => {
      const enfants = enfantsDe(version());
      if (enfants.length === 0 || !bas.schema.tables.some((t) => t.name === CARTE)) return bas;
      let chargement: Promise<TablesLigneMenage> | null = null;
      const charger = () => (chargement ??= import('./ligne-menage-disposition.ts').then((m) => m.tablesLigneMenage(bas, enfants, avecJournal(version()))));
      const menages = tableDifferee(bas.table(MENAGES), METHODES, () => charger().then((t) => t.menages));
      const tables = new Map(enfants.map((e) => [e.table, tableDifferee(bas.table(e.table), METHODES, () => charger().then((t) => t.enfants.get(e.table)!))]));
      const lies = [MENAGES, ...tables.keys()];
      const core: AvecDisposition = {
        ...bas,
        [DISPOSITION]: { enfants, charger },
        transaction: (stores, mode, options) =>
          bas.transaction(stores.some((s) => lies.includes(s)) ? [...new Set([...stores, ...lies, CARTE])] : stores, mode, options),
        table: (nom) => (nom === MENAGES ? menages : (tables.get(nom) ?? bas.table(nom))),
      };
      return core;
    },
  };
}
