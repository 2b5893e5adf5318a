import type { Sql } from '../db/database.ts';
import type { Plan } from './plan.ts';

// Saving a planned push: a handful of set-based statements whatever the batch size. Values travel
// wrapped as {"v": value} because jsonb_to_recordset turns a bare JSON null into SQL NULL.

const recordset = (rows: readonly object[]) => JSON.stringify(rows);

async function insertRecords(tx: Sql, plan: Plan): Promise<void> {
  if (plan.newRecords.length === 0) return;
  const inserted = await tx.query<{ rid: number; key: string }>(
    `insert into records (tbl, scope, record_id, org_id, menage_id, created_by, created_seq)
     select tbl, scope, record_id, org_id, menage_id, created_by, created_seq
     from jsonb_to_recordset($1::jsonb) as x(tbl text, scope text, record_id text, org_id uuid, menage_id text, created_by uuid, created_seq bigint)
     returning rid, tbl || '|' || scope || '|' || record_id as key`,
    [recordset(plan.newRecords.map((r) => ({ tbl: r.table, scope: r.scope, record_id: r.recordId, org_id: r.orgId, menage_id: r.menageId, created_by: r.createdBy, created_seq: r.createdSeq })))],
  );
  const rids = new Map(inserted.map((row) => [row.key, row.rid]));
  for (const record of plan.newRecords) record.rid = rids.get(record.key) ?? null;
}

/** The rid of a record saved by now. */
function ridOf(record: { rid: number | null; key: string }): number {
  if (record.rid === null) throw new Error(`Record ${record.key} was not saved`);
  return record.rid;
}

export async function writePlan(tx: Sql, plan: Plan, origin: { userId: string; deviceId: string; changeIds: readonly string[] }): Promise<void> {
  await insertRecords(tx, plan);
  if (plan.movedRecords.size > 0) {
    await tx.query(
      `update records r set menage_id = x.menage_id from jsonb_to_recordset($1::jsonb) as x(rid bigint, menage_id text) where r.rid = x.rid`,
      [recordset([...plan.movedRecords].map((r) => ({ rid: ridOf(r), menage_id: r.menageId })))],
    );
  }
  if (plan.writes.size > 0) {
    await tx.query(
      `insert into fields (rid, field, value, hlc, seq, author)
       select rid, field, w -> 'v', hlc, seq, author from jsonb_to_recordset($1::jsonb) as x(rid bigint, field text, w jsonb, hlc text, seq bigint, author uuid)
       on conflict (rid, field) do update set value = excluded.value, hlc = excluded.hlc, seq = excluded.seq, author = excluded.author`,
      [recordset([...plan.writes.values()].map(({ record, field, stored }) => ({ rid: ridOf(record), field, w: { v: stored.value }, hlc: stored.hlc, seq: stored.seq, author: stored.author })))],
    );
  }
  if (plan.conflicts.length > 0) {
    await tx.query(
      `insert into conflicts (id, seq, rid, field, winner_value, winner_hlc, winner_author, loser_value, loser_hlc, loser_author)
       select id, seq, rid, field, w -> 'v', winner_hlc, winner_author, l -> 'v', loser_hlc, loser_author
       from jsonb_to_recordset($1::jsonb) as x(id uuid, seq bigint, rid bigint, field text, w jsonb, winner_hlc text, winner_author uuid, l jsonb, loser_hlc text, loser_author uuid)`,
      [
        recordset(
          plan.conflicts.map((c) => ({
            id: c.id,
            seq: c.seq,
            rid: ridOf(c.record),
            field: c.field,
            w: { v: c.winner.value },
            winner_hlc: c.winner.hlc,
            winner_author: c.winner.author,
            l: { v: c.loser.value },
            loser_hlc: c.loser.hlc,
            loser_author: c.loser.author,
          })),
        ),
      ],
    );
  }
  if (plan.blobRefs.length > 0) {
    await tx.query(
      `insert into blob_refs (hash, rid) select hash, rid from jsonb_to_recordset($1::jsonb) as x(hash text, rid bigint) on conflict do nothing`,
      [recordset(plan.blobRefs.map(({ record, hash }) => ({ hash, rid: ridOf(record) })))],
    );
  }
  await tx.query(
    `insert into applied_changes (change_id, user_id, device_id) select id, $2, $3 from unnest($1::uuid[]) as id`,
    [origin.changeIds, origin.userId, origin.deviceId],
  );
  await tx.query('update sync_state set seq = $1 where id = 1', [plan.seq]);
}
