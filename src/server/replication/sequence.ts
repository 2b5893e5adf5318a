import type { Sql } from '../db/database.ts';

// One row holds the last sequence handed out. Every writing transaction locks it first and keeps
// the lock until commit, so writers are serialised (also across server instances on one
// PostgreSQL) and sequence order is commit order.

export async function lockSequence(tx: Sql): Promise<number> {
  const [row] = await tx.query<{ seq: number }>('select seq from sync_state where id = 1 for update');
  if (!row) throw new Error('sync_state is empty: migrations did not run');
  return row.seq;
}

/** Takes the next sequence for a single write (an acknowledgement, an assignment). */
export async function nextSequence(tx: Sql): Promise<number> {
  const seq = (await lockSequence(tx)) + 1;
  await tx.query('update sync_state set seq = $1 where id = 1', [seq]);
  return seq;
}
