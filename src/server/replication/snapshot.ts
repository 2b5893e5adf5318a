import type { Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { visibility } from './access.ts';
import { CONFLICT_JOINS, CONFLICT_JSON, toConflict } from './conflicts.ts';
import type { ConflictJson } from './conflicts.ts';
import { SNAPSHOT_RECORDS } from './snapshot-records.ts';

// The snapshot a new device starts from (docs/sync.md, « Instantané »): the records the user may
// see, by pages in the order of their server ids, each with its current fields once. A page is one
// statement, hence one database snapshot: every field it gives is as of its `upto`, and any later
// write has a greater sequence, so the device goes on pulling from the first page's `upto` and
// misses nothing that changed while it was reading the others. The same statement writes the
// households it hands out to the access log. Each record is the text kept for it as the device
// receives it (snapshot-records.ts), sent without being read here: a first sync has a quarter of a
// million fields. A record some of whose fields may be hidden from the actor (a position's named
// sheet) is made from its visible fields instead. A repair asks for some buckets only
// (docs/sync.md, « Empreintes et réparation »): the same rights, the same pages, restricted to
// those buckets.

type SnapshotRow = {
  upto: number;
  next: number | null;
  /** The page's records as a JSON array. */
  records: string;
  conflicts: ConflictJson[];
};

/** A page of the snapshot: the JSON text of a `SnapshotResponse`. */
export async function snapshot(
  db: Sql,
  actor: Profile,
  after: number,
  limit: number,
  now: number,
  deviceId: string | null = null,
  buckets: readonly string[] | null = null,
): Promise<string> {
  const p = new Params();
  const v = visibility(actor, p);
  const n = p.add(limit);
  // Spelled as the digest folds records (digest.ts), so that a bucket is the same set on both sides.
  const inBuckets = buckets === null ? '' : `and r.tbl || ':' || left(r.record_id, 1) = any(${p.add(buckets)}::text[])`;
  const visibleFields = `select f.rid, r.tbl, r.record_id, f.field, f.value, f.hlc, f.seq from fields f where f.rid = r.rid and ${v.fieldVisible('f.field')}`;
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
       (select '[' || coalesce(string_agg(s.snapshot_record::text, ',' order by s.rid), '') || ']' from (
          select r.rid, case when ${v.mayHideFields}
            then (select h.snapshot_record from (${SNAPSHOT_RECORDS(visibleFields)}) h)
            else v.snapshot_record end as snapshot_record
          from kept r join record_values v on v.rid = r.rid) s
          where s.snapshot_record is not null) as records,
       (select coalesce(json_agg(${CONFLICT_JSON} order by c.seq), '[]') from ${CONFLICT_JOINS}
          where c.rid in (select rid from kept) and ${v.fieldVisible('c.field')}) as conflicts`,
    p.values,
  );
  if (!row) throw new Error('snapshot returned no row');
  // Keys in the order of `snapshotResponseSchema`; the conflicts, a few at most, are checked as every conflict sent is.
  return `{"records":${row.records},"conflicts":${JSON.stringify(row.conflicts.map(toConflict))},"upto":${Number(row.upto)},"next":${
    row.next === null ? null : Number(row.next)
  },"serverTime":${JSON.stringify(new Date(now).toISOString())}}`;
}
