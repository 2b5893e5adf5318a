import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { tableDifferee } from './table-differee.ts';

// Since version 20 each household's occupants live inside its row (docs/donnees.md, « Occupants
// dans la ligne du ménage »). This middleware shows the rest of the app a `personnes` table and
// household rows as they were; the code that knows the layout (`occupants-disposition.ts`) is
// loaded at the first read or write of a household or an occupant, not with the caseload's first
// screen, which reads neither.

export const MENAGES = 'menages';
export const PERSONNES = 'personnes';
/** The map occupant id → household id (version 20), in clear: it holds only ids. */
export const CARTE = 'occupantsMenages';

/** The layout's tables over the stores below, and its move of the occupants kept apart (`deplacerOccupants`). */
export type TablesOccupants = {
  menages: DBCoreTable;
  personnes: DBCoreTable;
  deplacer: (trans: DBCoreTransaction, apres: string | null, nombre: number) => Promise<string | null>;
};

const CHARGEUR = Symbol('occupants');
type AvecChargeur = DBCore & { [CHARGEUR]?: () => Promise<TablesOccupants> };

/** How to get the layout of a database's stores; null on a database older than version 20. */
export const chargeur = (core: DBCore) => (core as AvecChargeur)[CHARGEUR] ?? null;

const METHODES = ['mutate', 'get', 'getMany', 'query', 'openCursor', 'count'] as const;

/**
 * The middleware of the layout, above the sealing (`coffre.ts`): it reads and writes rows in clear.
 * A transaction over households or occupants also takes the stores they live in.
 */
export function middlewareOccupants(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'occupants',
    level: -1.5,
    create: (bas) => {
      if (!bas.schema.tables.some((t) => t.name === CARTE)) return bas;
      let chargement: Promise<TablesOccupants> | null = null;
      const charger = () => (chargement ??= import('./occupants-disposition.ts').then((m) => m.tablesOccupants(bas)));
      const menages = tableDifferee(bas.table(MENAGES), METHODES, () => charger().then((t) => t.menages));
      const personnes = tableDifferee(bas.table(PERSONNES), METHODES, () => charger().then((t) => t.personnes));
      const core: AvecChargeur = {
        ...bas,
        [CHARGEUR]: charger,
        transaction: (stores, mode, options) =>
          bas.transaction(stores.includes(MENAGES) || stores.includes(PERSONNES) ? [...new Set([...stores, MENAGES, PERSONNES, CARTE])] : stores, mode, options),
        table: (nom) => (nom === PERSONNES ? personnes : nom === MENAGES ? menages : bas.table(nom)),
      };
      return core;
    },
  };
}
