import type { Database, Sql } from '../db/database.ts';

// Read-side tables a migration creates empty are filled from the records stored before it, once,
// at the next start: a frozen step may not hold the domain that derives them. The step names the
// work in `read_side_backfills`; the server does it and drops the name.

export type StoredRecord = { rid: number; org_id: string; tbl: string; record_id: string; doc: Record<string, unknown> };

const PAGE = 5_000;

/**
 * Runs the backfill `name` over the stored records of `tables`, page by page, in one transaction:
 * an interrupted one leaves nothing and starts again at the next start, and `write` upserts, so
 * running it twice changes nothing. A server starting alongside waits on the name's row, then
 * finds it gone.
 */
export async function backfill(
  db: Database,
  name: string,
  tables: readonly string[],
  write: (tx: Sql, records: readonly StoredRecord[]) => Promise<void>,
): Promise<void> {
  const [pending] = await db.query('select 1 from read_side_backfills where name = $1', [name]);
  if (!pending) return;
  await db.transaction(async (tx) => {
    const [claimed] = await tx.query('delete from read_side_backfills where name = $1 returning name', [name]);
    if (!claimed) return;
    for (let after = 0; ;) {
      const rows = await tx.query<Omit<StoredRecord, 'rid'> & { rid: string | number }>(
        `select rid, org_id::text, tbl, record_id, doc from record_values where tbl = any($2::text[]) and rid > $1 order by rid limit ${PAGE}`,
        [after, tables],
      );
      const last = rows.at(-1);
      if (!last) return;
      await write(
        tx,
        rows.map((r) => ({ ...r, rid: Number(r.rid) })),
      );
      after = Number(last.rid);
    }
  });
}
