import { isSyncedTable } from '../../sync/index.ts';
import type { Change, Profile, StoredField, SyncedTable } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { followedHouseholds, seesWholeOrganisation } from './access.ts';
import { fieldKey, kindOf, recordKey, scopeOf } from './records.ts';
import type { BatchState, RecordState } from './records.ts';

// Everything a push decides on, read in three queries whatever the batch size: the records it
// touches or points to (households, résidences), which of those households the user follows,
// and the stored state of the fields it writes.

type RecordRow = { rid: number; tbl: string; scope: string; record_id: string; org_id: string; menage_id: string | null; created_by: string; created_seq: number };
type FieldRow = { rid: number; field: string; value: unknown; hlc: string; seq: number; author: string };
type Key = { tbl: string; scope: string; record_id: string };

/** The records a batch writes, and those its values point to. */
function keysOf(changes: readonly Change[], org: string): Key[] {
  const keys = new Map<string, Key>();
  const add = (tbl: SyncedTable, recordId: unknown) => {
    if (typeof recordId !== 'string') return;
    const key = { tbl, scope: scopeOf(tbl, org), record_id: recordId };
    keys.set(recordKey(key.tbl, key.scope, key.record_id), key);
  };
  for (const change of changes) {
    if (!isSyncedTable(change.table)) continue;
    add(change.table, change.recordId);
    if (kindOf(change.table) === 'child' && change.field === 'menageId') add('menages', change.value);
    if (kindOf(change.table) === 'menage' && change.field === 'residenceId') add('residences', change.value);
  }
  return [...keys.values()];
}

const toRecord = (row: RecordRow): RecordState => ({
  key: recordKey(row.tbl, row.scope, row.record_id),
  rid: row.rid,
  table: row.tbl as SyncedTable,
  scope: row.scope,
  recordId: row.record_id,
  orgId: row.org_id,
  menageId: row.menage_id,
  createdBy: row.created_by,
  createdSeq: row.created_seq,
});

async function followedAmong(tx: Sql, actor: Profile, menageIds: string[]): Promise<Set<string>> {
  const p = new Params();
  const followed = followedHouseholds(actor, p);
  const rows = await tx.query<{ menage_id: string }>(`select menage_id from (${followed}) f where menage_id = any(${p.add(menageIds)}::text[])`, p.values);
  return new Set(rows.map((r) => r.menage_id));
}

export async function loadBatch(tx: Sql, actor: Profile, changes: readonly Change[]): Promise<BatchState> {
  const org = actor.organisation.id;
  const rows = await tx.query<RecordRow>(
    `select r.rid, r.tbl, r.scope, r.record_id, r.org_id, r.menage_id, r.created_by, r.created_seq
     from records r join jsonb_to_recordset($1::jsonb) as k(tbl text, scope text, record_id text) using (tbl, scope, record_id)`,
    [JSON.stringify(keysOf(changes, org))],
  );
  const records = new Map(rows.map((row) => [recordKey(row.tbl, row.scope, row.record_id), toRecord(row)]));

  const households = new Map<string, { orgId: string; accessible: boolean }>();
  for (const record of records.values()) {
    if (record.menageId !== null) households.set(record.menageId, { orgId: record.orgId, accessible: seesWholeOrganisation(actor) });
  }
  if (!seesWholeOrganisation(actor) && households.size > 0) {
    for (const id of await followedAmong(tx, actor, [...households.keys()])) households.set(id, { orgId: org, accessible: true });
  }
  const residences = new Set([...records.values()].filter((r) => r.table === 'residences' && r.scope === org).map((r) => r.recordId));

  const wanted = changes.flatMap((c) => {
    const record = isSyncedTable(c.table) ? records.get(recordKey(c.table, scopeOf(c.table, org), c.recordId)) : undefined;
    return record ? [{ rid: record.rid, field: c.field }] : [];
  });
  const fieldRows = wanted.length === 0 ? [] : await tx.query<FieldRow>(
    `select f.rid, f.field, f.value, f.hlc, f.seq, f.author
     from fields f join jsonb_to_recordset($1::jsonb) as k(rid bigint, field text) using (rid, field)`,
    [JSON.stringify(wanted)],
  );
  const byRid = new Map([...records.values()].map((r) => [r.rid, r]));
  const fields = new Map<string, StoredField>();
  for (const row of fieldRows) {
    const record = byRid.get(row.rid);
    if (record) fields.set(fieldKey(record.key, row.field), { value: row.value, hlc: row.hlc, seq: row.seq, author: row.author });
  }
  return { records, fields, households, residences };
}
