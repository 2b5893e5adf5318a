import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import type { Plan } from './plan.ts';
import type { RecordState } from './records.ts';
import { SNAPSHOT_RECORDS } from './snapshot-records.ts';
import { FACT_ROW_COLUMNS, factRow, upsertFacts, type PlannedFact } from '../pilotage/facts.ts';
import { upsertRows, type PlannedRow } from '../pilotage/rows.ts';

// Saving a planned push in one statement whatever the batch size: new records, moved records,
// field values and each record's current values (the read side, `record_values`, with the record as a
// snapshot gives it; a proposal's facts and a report row), conflicts, blob references,
// applied change ids, the changed households in the access log, the organisation's storage and
// the sequence. Rows point to a record by its rid, or for a record new in this batch by its key
// among the inserted ones.
// Values travel wrapped as {"v": value} because jsonb_to_recordset turns a bare null into SQL NULL.

const recordRef = (record: RecordState) => ({ rid: record.rid, tbl: record.table, scope: record.scope, record_id: record.recordId });
const REF_COLUMNS = 'rid bigint, tbl text, scope text, record_id text';
const RID = 'coalesce(x.rid, n.rid)';
const NEW_RECORD = 'left join new_records n on n.tbl = x.tbl and n.scope = x.scope and n.record_id = x.record_id';

/** The organisation's storage after a write, and how much the write added (negative when it freed some). */
export type Usage = { fieldBytes: number; addedBytes: number };

export async function writePlan(
  tx: Sql,
  plan: Plan,
  origin: { orgId: string; userId: string; deviceId: string; changeIds: readonly string[]; detectedAt: string },
  /** The households the write changes, for the access log. */
  menageIds: readonly string[],
  /** The facts of the proposals written, derived from their whole records (null: none, the proposal deleted). */
  facts: readonly PlannedFact[],
  /** The report rows of the records written (null: none, the record not complete). */
  reportRows: readonly PlannedRow[],
): Promise<Usage> {
  const p = new Params();
  const rows = (items: readonly object[]) => `jsonb_to_recordset(${p.add(JSON.stringify(items))}::jsonb)`;
  const writes = rows(
    [...plan.writes.values()].map(({ record, field, stored }) => ({
      ...recordRef(record),
      org_id: record.orgId,
      field,
      w: { v: stored.value },
      hlc: stored.hlc,
      seq: stored.seq,
      author: stored.author,
      territory_id: record.territoryId,
    })),
  );
  // Every part of one statement sees the rows as they were before it: `replaced` reads the values
  // the writes overwrite.
  const [usage] = await tx.query<{ field_bytes: string | number; added_bytes: string | number }>(
    `with planned as (select * from ${writes} as x(${REF_COLUMNS}, org_id uuid, field text, w jsonb, hlc text, seq bigint, author uuid, territory_id uuid)),
     new_records as (
       insert into records (tbl, scope, record_id, org_id, menage_id, territory_id, created_by, created_seq)
       select tbl, scope, record_id, org_id, menage_id, territory_id, created_by, created_seq
       from ${rows(plan.newRecords.map((r) => ({ tbl: r.table, scope: r.scope, record_id: r.recordId, org_id: r.orgId, menage_id: r.menageId, territory_id: r.territoryId, created_by: r.createdBy, created_seq: r.createdSeq })))}
         as x(tbl text, scope text, record_id text, org_id uuid, menage_id text, territory_id uuid, created_by uuid, created_seq bigint)
       returning rid, tbl, scope, record_id),
     moved as (
       update records r set menage_id = x.menage_id
       from ${rows([...plan.movedRecords].map((r) => ({ rid: r.rid, menage_id: r.menageId })))} as x(rid bigint, menage_id text)
       where r.rid = x.rid returning 1),
     written as (
       insert into fields (rid, field, value, hlc, seq, author, territory_id)
       select ${RID}, x.field, x.w -> 'v', x.hlc, x.seq, x.author, x.territory_id from planned x ${NEW_RECORD}
       on conflict (rid, field) do update set value = excluded.value, hlc = excluded.hlc, seq = excluded.seq, author = excluded.author
       returning 1),
     -- Each written record's fields once written: those of this write, and the others as stored.
     record_fields as (
       select ${RID} as rid, x.tbl, x.record_id, x.field, x.w -> 'v' as value, x.hlc, x.seq from planned x ${NEW_RECORD}
       union all
       select f.rid, x.tbl, x.record_id, f.field, f.value, f.hlc, f.seq from fields f
       join (select distinct rid, tbl, record_id from planned) x on x.rid = f.rid
       where not exists (select 1 from planned x where x.rid = f.rid and x.field = f.field)),
     snapshot_records as (${SNAPSHOT_RECORDS('select * from record_fields')}),
     valued as (
       insert into record_values (rid, org_id, tbl, record_id, doc, snapshot_record)
       select v.rid, v.org_id, v.tbl, v.record_id, v.doc, s.snapshot_record
       from (select ${RID} as rid, x.org_id, x.tbl, x.record_id, jsonb_object_agg(x.field, x.w -> 'v') as doc from planned x ${NEW_RECORD}
             group by ${RID}, x.org_id, x.tbl, x.record_id) v
       join snapshot_records s on s.rid = v.rid
       on conflict (rid) do update set doc = record_values.doc || excluded.doc, snapshot_record = excluded.snapshot_record
       returning 1),
     planned_facts as (
       select ${RID} as rid, x.org_id, x.record_id, x.menage_id, x.offre_id, x.tail
       from ${rows(facts.map(({ record, fact }) => ({ ...recordRef(record), org_id: record.orgId, ...(fact && factRow(fact)) })))}
         as x(${REF_COLUMNS}, org_id uuid, ${FACT_ROW_COLUMNS}) ${NEW_RECORD}),
     facts_written as (${upsertFacts('select rid, org_id, record_id, menage_id, offre_id, tail from planned_facts where tail is not null', 'new_records')} returning 1),
     facts_gone as (delete from proposal_facts where rid in (select rid from planned_facts where tail is null) returning 1),
     planned_rows as (
       select ${RID} as rid, x.org_id, x.tbl, x.row
       from ${rows(reportRows.map(({ record, row }) => ({ ...recordRef(record), org_id: record.orgId, row: row && JSON.stringify(row) })))}
         as x(${REF_COLUMNS}, org_id uuid, row text) ${NEW_RECORD}),
     rows_written as (${upsertRows('select rid, org_id, tbl, row from planned_rows where row is not null')} returning 1),
     rows_gone as (delete from report_rows where rid in (select rid from planned_rows where row is null) returning 1),
     logged as (
       insert into conflicts (id, seq, rid, field, winner_value, winner_hlc, winner_author, loser_value, loser_hlc, loser_author, detected_at)
       select x.id, x.seq, ${RID}, x.field, x.w -> 'v', x.winner_hlc, x.winner_author, x.l -> 'v', x.loser_hlc, x.loser_author, ${p.add(origin.detectedAt)}::timestamptz
       from ${rows(plan.conflicts.map((c) => ({ ...recordRef(c.record), id: c.id, seq: c.seq, field: c.field, w: { v: c.winner.value }, winner_hlc: c.winner.hlc, winner_author: c.winner.author, l: { v: c.loser.value }, loser_hlc: c.loser.hlc, loser_author: c.loser.author })))}
         as x(${REF_COLUMNS}, id uuid, seq bigint, field text, w jsonb, winner_hlc text, winner_author uuid, l jsonb, loser_hlc text, loser_author uuid) ${NEW_RECORD}
       returning 1),
     referenced as (
       insert into blob_refs (hash, rid)
       select x.hash, ${RID} from ${rows(plan.blobRefs.map(({ record, hash }) => ({ ...recordRef(record), hash })))} as x(${REF_COLUMNS}, hash text) ${NEW_RECORD}
       on conflict do nothing returning 1),
     applied as (
       insert into applied_changes (change_id, user_id, device_id)
       select id, ${p.add(origin.userId)}, ${p.add(origin.deviceId)} from unnest(${p.add(origin.changeIds)}::uuid[]) as id
       returning 1),
     accessed as (
       insert into access_log (org_id, user_id, device_id, menage_id, action)
       select ${p.add(origin.orgId)}::uuid, ${p.add(origin.userId)}::uuid, ${p.add(origin.deviceId)}, id, 'modification'
       from unnest(${p.add([...new Set(menageIds)])}::text[]) as id
       returning 1),
     replaced as (select coalesce(sum(octet_length(f.value::text)), 0) as bytes from planned x join fields f on f.rid = x.rid and f.field = x.field),
     added as (select coalesce(sum(octet_length((x.w -> 'v')::text)), 0) - (select bytes from replaced) as bytes from planned x),
     used as (
       insert into organisation_usage (org_id, field_bytes) select ${p.add(origin.orgId)}, bytes from added
       on conflict (org_id) do update set field_bytes = organisation_usage.field_bytes + excluded.field_bytes
       returning field_bytes),
     advanced as (update sync_state set seq = ${p.add(plan.seq)} where id = 1 returning 1)
     select (select field_bytes from used) as field_bytes, (select bytes from added) as added_bytes`,
    p.values,
  );
  return { fieldBytes: Number(usage?.field_bytes ?? 0), addedBytes: Number(usage?.added_bytes ?? 0) };
}
