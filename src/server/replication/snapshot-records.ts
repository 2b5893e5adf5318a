import { SYNCED_TABLES } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { backfill } from '../pilotage/backfill.ts';

// Each record as a new device's snapshot gives it (`SnapshotRecord`, src/sync/instantane.ts), kept
// as JSON text with its values (migration 23, `record_values.snapshot_record`): a snapshot page is
// then the database's text, which the server sends without reading it (snapshot.ts). Its fields
// come in the order of their sequences, its clock is the greatest of its fields', and each field's
// own clock where it differs is written as `clockOffsets` writes it. The push's one statement
// writes it with the fields (write.ts), so every writer keeps it exact. A later migration step
// that writes fields names this backfill again (`read_side_backfills`), as step 23 does.

/** Text comparisons of clocks are byte comparisons, as in JavaScript, whatever the database's collation. */
const C = 'collate "C"';

/**
 * A clock's count of its day (`countOfDay` in instantane.ts): its milliseconds of the day × 65,536
 * plus its counter. Every stored clock has the wire's shape (`hlcPattern`): pulls give them through it.
 */
const countOfDay = (hlc: string) =>
  `((((substr(${hlc}, 12, 2)::int * 60 + substr(${hlc}, 15, 2)::int) * 60 + substr(${hlc}, 18, 2)::int) * 1000
     + substr(${hlc}, 21, 3)::int)::bigint * 65536 + ('x' || substr(${hlc}, 26, 4))::bit(16)::int)`;

/** A real time of day (`realTimeOfDay`): its hours, minutes and seconds in range. */
const realTimeOfDay = (hlc: string) =>
  `(substr(${hlc}, 12, 2) ${C} < '24' and substr(${hlc}, 15, 2) ${C} < '60' and substr(${hlc}, 18, 2) ${C} < '60')`;

/** A clock naming a real instant (`isRealHlc`): a day of its month, of a four-digit year of the proleptic Gregorian calendar, at a real time. */
const isRealHlc = (hlc: string) =>
  `(${realTimeOfDay(hlc)} and substr(${hlc}, 6, 2) ${C} between '01' and '12' and substr(${hlc}, 9, 2) ${C} >= '01'
     and substr(${hlc}, 9, 2) ${C} <= case substr(${hlc}, 6, 2)
       when '02' then case when left(${hlc}, 4)::int % 4 = 0 and (left(${hlc}, 4)::int % 100 <> 0 or left(${hlc}, 4)::int % 400 = 0) then '29' else '28' end
       when '04' then '30' when '06' then '30' when '09' then '30' when '11' then '30' else '31' end)`;

/**
 * A field's clock next to its record's `base` (`clockOffsets`), as the text that follows its value
 * in its array: nothing when it is the base, the count between them when both are real instants of
 * the same device and day, the clock otherwise. The base is the greatest clock of the record, so
 * never before the field's.
 */
const fieldClock = (hlc: string, base: string) =>
  `case when ${hlc} = ${base} then ''
     when left(${hlc}, 11) = left(${base}, 11) and substr(${hlc}, 31) = substr(${base}, 31) and ${realTimeOfDay(hlc)} and ${isRealHlc(base)}
       then ',' || (${countOfDay(base)} - ${countOfDay(hlc)})
     else ',' || to_json(${hlc})::text end`;

/**
 * The snapshot record of each record of the field rows `rows` (a query giving rid, tbl, record_id,
 * field, value as jsonb, hlc and seq): `select rid, snapshot_record` (json), no row for a record
 * without fields.
 */
export const SNAPSHOT_RECORDS = (rows: string) =>
  `select e.rid, ('{"table":' || to_json(e.tbl)::text || ',"recordId":' || to_json(e.record_id)::text || ',"hlc":' || to_json(e.base)::text
     || ',"fields":{' || string_agg(to_json(e.field)::text || ':[' || e.value::text || ${fieldClock('e.hlc', 'e.base')} || ']', ',' order by e.seq)
     || '}}')::json as snapshot_record
   from (select x.rid, x.tbl, x.record_id, x.field, x.value, x.hlc ${C} as hlc, x.seq, max(x.hlc ${C}) over (partition by x.rid) as base
         from (${rows}) x) e
   group by e.rid, e.tbl, e.record_id, e.base`;

/** Keeps the snapshot records of the records stored before migration 23, once (backfill.ts). */
export const backfillSnapshotRecords = (db: Database): Promise<void> =>
  backfill(db, 'snapshot_record', Object.keys(SYNCED_TABLES), (tx, records) =>
    tx
      .query(
        `update record_values v set snapshot_record = s.snapshot_record
         from (${SNAPSHOT_RECORDS(`select f.rid, r.tbl, r.record_id, f.field, f.value, f.hlc, f.seq
                                   from fields f join records r on r.rid = f.rid where f.rid = any($1::bigint[])`)}) s
         where v.rid = s.rid`,
        [records.map((r) => r.rid)],
      )
      .then(() => undefined),
  );
