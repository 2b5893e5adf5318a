import { SYNCED_TABLES } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { backfill } from '../pilotage/backfill.ts';

// Each record's fields with their clocks, kept as a new device's snapshot reads them (migration 22,
// `record_values.snapshot_fields`): a page reads one row per record instead of each of its fields.
// The fields come in the order of their sequences: the order pages read from the fields gave when
// the database walked them by sequence, as it does on a large table; the physical order it took
// on a small one depended on the rewrites. A later migration step that writes fields names this
// backfill again (`read_side_backfills`), as step 22 does.

/** The aggregate of the field rows aliased `f` (field, value, hlc, seq) of one record: its snapshot fields, null without rows. */
export const SNAPSHOT_FIELDS = (f: string) => `json_object_agg(${f}.field, json_build_array(${f}.value, ${f}.hlc) order by ${f}.seq)`;

/** Keeps the snapshot fields of the records stored before migration 22, once (backfill.ts). */
export const backfillSnapshotFields = (db: Database): Promise<void> =>
  backfill(db, 'snapshot_fields', Object.keys(SYNCED_TABLES), (tx, records) =>
    tx
      .query(
        `update record_values v set snapshot_fields = s.fields
       from (select f.rid, ${SNAPSHOT_FIELDS('f')} as fields from fields f where f.rid = any($1::bigint[]) group by f.rid) s
       where v.rid = s.rid`,
        [records.map((r) => r.rid)],
      )
      .then(() => undefined),
  );
