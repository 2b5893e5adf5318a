import { clockOffsets, recordClock } from '../../sync/index.ts';
import type { Profile, SnapshotField, SnapshotRecord, SnapshotResponse } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { visibility } from './access.ts';
import { CONFLICT_JOINS, CONFLICT_JSON, toConflict } from './conflicts.ts';
import type { ConflictJson } from './conflicts.ts';
import { SNAPSHOT_FIELDS } from './snapshot-fields.ts';

// The snapshot a new device starts from (docs/sync.md, « Instantané »): the records the user may
// see, by pages in the order of their server ids, each with its current fields once. A page is one
// statement, hence one database snapshot: every field it gives is as of its `upto`, and any later
// write has a greater sequence, so the device goes on pulling from the first page's `upto` and
// misses nothing that changed while it was reading the others. The same statement writes the
// households it hands out to the access log. Each record's fields and clocks are read from the one
// row kept for it (snapshot-fields.ts), or from its fields when some may be hidden from the actor
// (a position's named sheet). A repair asks for some buckets only (docs/sync.md,
// « Empreintes et réparation »): the same rights, the same pages, restricted to those buckets.

type SnapshotRow = {
  upto: number;
  next: number | null;
  records: [string, string, Record<string, [unknown, string]>][];
  conflicts: ConflictJson[];
};

export async function snapshot(
  db: Sql,
  actor: Profile,
  after: number,
  limit: number,
  now: number,
  deviceId: string | null = null,
  buckets: readonly string[] | null = null,
): Promise<SnapshotResponse> {
  const p = new Params();
  const v = visibility(actor, p);
  const n = p.add(limit);
  // Spelled as the digest folds records (digest.ts), so that a bucket is the same set on both sides.
  const inBuckets = buckets === null ? '' : `and r.tbl || ':' || left(r.record_id, 1) = any(${p.add(buckets)}::text[])`;
  const [row] = await db.query<SnapshotRow>(
    `with ${v.ctes}
     page as (
       select r.rid, r.tbl, r.record_id, r.menage_id, r.org_id, r.territory_id from records r
       where r.rid > ${p.add(after)} and ${v.where} ${inBuckets} order by r.rid limit ${n}::int + 1),
     kept as (select * from page order by rid limit ${n}),
     logged as (
       insert into access_log (org_id, user_id, device_id, menage_id, action)
       select distinct ${p.add(actor.organisation.id)}::uuid, ${p.add(actor.id)}::uuid, ${p.add(deviceId)}::text, menage_id, 'lecture'
       from kept where menage_id is not null)
     select (select seq from sync_state where id = 1) as upto,
       case when (select count(*) from page) > ${n}::int then (select max(rid) from kept) end as next,
       (select coalesce(json_agg(json_build_array(s.tbl, s.record_id, s.fields) order by s.rid), '[]') from (
          select r.rid, r.tbl, r.record_id, case when ${v.mayHideFields}
            then (select ${SNAPSHOT_FIELDS('f')} from fields f where f.rid = r.rid and ${v.fieldVisible('f.field')})
            else v.snapshot_fields end as fields
          from kept r join record_values v on v.rid = r.rid) s
          where s.fields is not null) as records,
       (select coalesce(json_agg(${CONFLICT_JSON} order by c.seq), '[]') from ${CONFLICT_JOINS}
          where c.rid in (select rid from kept) and ${v.fieldVisible('c.field')}) as conflicts`,
    p.values,
  );
  if (!row) throw new Error('snapshot returned no row');
  return {
    records: row.records.map(([table, recordId, fields]) => compactRecord(table, recordId, fields)),
    conflicts: row.conflicts.map(toConflict),
    upto: Number(row.upto),
    next: row.next === null ? null : Number(row.next),
    serverTime: new Date(now).toISOString(),
  };
}

/**
 * One record with its greatest clock, each field's own clock only where it differs. The fields read
 * are rewritten in place: a first sync has a quarter of a million of them, and making each anew
 * took most of a page's time outside the database.
 */
function compactRecord(table: string, recordId: string, stored: Record<string, [unknown, string]>): SnapshotRecord {
  const fields = Object.values(stored);
  const hlc = recordClock(fields.map(([, clock]) => clock));
  const offset = clockOffsets(hlc);
  for (const field of fields) {
    const relative = offset(field[1]);
    if (relative === null) field.pop();
    else (field as unknown[])[1] = relative;
  }
  return { table, recordId, hlc, fields: stored as unknown as Record<string, SnapshotField> };
}
