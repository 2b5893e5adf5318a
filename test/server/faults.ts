import type { Database, Sql } from '../../src/server/db/database.ts';

/**
 * The database of a server that dies during its next write: the `failAt`-th statement of the
 * next transaction throws, so that transaction rolls back as it would if the process stopped.
 */
export function crashingDuringNextWrite(db: Database, failAt: number): Database {
  let armed = true;
  return {
    ...db,
    kind: db.kind,
    query: (text, params) => db.query(text, params),
    exec: (script) => db.exec(script),
    close: () => db.close(),
    transaction: (work) => {
      if (!armed) return db.transaction(work);
      armed = false;
      let count = 0;
      return db.transaction((tx) => {
        const failing: Sql = {
          query: (text, params) => {
            count += 1;
            return count >= failAt ? Promise.reject(new Error('server stopped mid-batch')) : tx.query(text, params);
          },
          exec: (script) => tx.exec(script),
        };
        return work(failing);
      });
    },
  };
}
