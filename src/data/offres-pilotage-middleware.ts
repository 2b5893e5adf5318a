import type { DBCore, Middleware } from 'dexie';
import { tableDifferee } from './table-differee.ts';

/** The offers' fields « Pilotage » reads, in rows of their own (version 21, `paquet-offres.ts`). */
export const TABLE_OFFRES_PILOTAGE = 'offresPilotage';

/**
 * The middleware that keeps the offers' rows with every write of an offer (on a database of
 * version 21 or later): a transaction that may write offers also takes their rows' store, whoever
 * opens it (the write path, a pull, an import, Dexie's own one-table transactions). The code that
 * writes the rows is loaded at the first write of an offer, not with the caseload's first screen.
 */
export function middlewareOffresPilotage(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'offres-pilotage',
    create: (bas) => {
      if (!bas.schema.tables.some((t) => t.name === TABLE_OFFRES_PILOTAGE)) return bas;
      const offres = tableDifferee(bas.table('offres'), ['mutate'], () =>
        import('./paquet-offres.ts').then((m) => m.offresTenues(bas.table('offres'), bas.table(TABLE_OFFRES_PILOTAGE))),
      );
      return {
        ...bas,
        transaction: (stores, mode, options) =>
          bas.transaction(mode === 'readwrite' && stores.includes('offres') ? [...new Set([...stores, TABLE_OFFRES_PILOTAGE])] : stores, mode, options),
        table: (nom) => (nom === 'offres' ? offres : bas.table(nom)),
      };
    },
  };
}
