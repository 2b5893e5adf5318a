import type { DBCoreTable } from 'dexie';
import { garderVivante } from './coffre.ts';

type Methode = 'mutate' | 'get' | 'getMany' | 'query' | 'openCursor' | 'count';

/**
 * `bas` whose `methodes` go to the table `charger` gives: code loaded at the table's first request
 * rather than with the caseload's first screen. Until it is there, a request waits for it in its
 * transaction, kept alive meanwhile.
 */
export function tableDifferee(bas: DBCoreTable, methodes: readonly Methode[], charger: () => Promise<DBCoreTable>): DBCoreTable {
  let chargee: DBCoreTable | null = null;
  const table = { ...bas };
  for (const m of methodes)
    (table as Record<string, unknown>)[m] = (req: { trans: never }) =>
      chargee
        ? chargee[m](req as never)
        : garderVivante(req.trans, bas.name, charger().then((t) => (chargee = t))).then((t) => t[m](req as never));
  return table;
}
