import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

// The reads of `meta` made in a transaction, handed to whoever follows that transaction: a value
// kept from them (lecture-gardee.ts) then follows only the keys it was read from, not the sync's
// clock and checkpoint written at every cycle. Only the hand-off is here, with the first screen;
// what is made of the reads loads with the kept values.

/** A read request of `meta`: a key (`get`), keys (`getMany`), or a range (`query`, `openCursor`, `count`). */
export type LectureMeta = Parameters<DBCoreTable['get' | 'getMany' | 'query' | 'openCursor' | 'count']>[0];

const suivies = new WeakMap<DBCoreTransaction, Set<(lecture: LectureMeta) => void>>();

/** Calls `noter` with each read of `meta` made in `trans` from now on; returns what stops it. */
export function suivreLecturesMeta(trans: DBCoreTransaction, noter: (lecture: LectureMeta) => void): () => void {
  const ecouteurs = suivies.get(trans) ?? new Set();
  suivies.set(trans, ecouteurs.add(noter));
  return () => ecouteurs.delete(noter);
}

export const middlewareLecturesMeta: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lectures-meta',
  create: (bas) => {
    if (!bas.schema.tables.some((t) => t.name === 'meta')) return bas;
    const meta = bas.table('meta');
    const suivie = { ...meta };
    for (const methode of ['get', 'getMany', 'query', 'openCursor', 'count'] as const)
      (suivie as Record<string, unknown>)[methode] = (req: LectureMeta) => {
        suivies.get(req.trans)?.forEach((noter) => noter(req));
        return meta[methode](req as never);
      };
    return { ...bas, table: (nom) => (nom === 'meta' ? suivie : bas.table(nom)) };
  },
};
