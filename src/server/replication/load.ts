import { PROPOSABLE_TABLES, applyField, isSyncedTable } from '../../sync/index.ts';
import type { Change, Profile, SyncedTable } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { followedCte, seesWholeOrganisation } from './access.ts';
import { FOLLOWER_FIELDS, fieldKey, kindOf, recordKey, scopeOf } from './records.ts';
import type { BatchState, DossierRecord, RecordState } from './records.ts';
import { loadPooled } from './pooled-load.ts';
import { ROW_TABLES } from '../pilotage/rows.ts';

/** The tables whose read side is derived from the whole record: the proposals' facts, the report rows. */
const DERIVED_TABLES = ['propositions', ...ROW_TABLES];

// Everything a push decides on, read in one query whatever the batch size: which changes were
// applied before, the records the batch writes or points to (households, résidences), which of
// those households the user follows, and the stored state of the fields it writes.

type RecordRow = {
  rid: number;
  tbl: string;
  scope: string;
  record_id: string;
  org_id: string;
  menage_id: string | null;
  territory_id: string | null;
  created_by: string;
  created_seq: number;
};
type FieldRow = { rid: number; field: string; value: unknown; hlc: string; seq: number; author: string; authorName: string };
type LoadRow = {
  applied: { id: string; user: string }[];
  records: RecordRow[];
  fields: FieldRow[];
  followed: string[];
  members: string[];
  derived: { rid: number; doc: Record<string, unknown> }[];
};
type Key = { tbl: string; scope: string; record_id: string };

/** The records a batch writes, and those its values point to. */
function keysOf(changes: readonly Change[], org: Profile['organisation']): Key[] {
  const keys = new Map<string, Key>();
  const add = (tbl: SyncedTable, recordId: unknown) => {
    if (typeof recordId !== 'string') return;
    const key = { tbl, scope: scopeOf(tbl, org), record_id: recordId };
    keys.set(recordKey(key.tbl, key.scope, key.record_id), key);
  };
  for (const change of changes) {
    if (!isSyncedTable(change.table)) continue;
    add(change.table, change.recordId);
    if ((kindOf(change.table) === 'child' || change.table === 'positionnements') && change.field === 'menageId')
      add('menages', change.value);
    if (kindOf(change.table) === 'menage' && change.field === 'residenceId') add('residences', change.value);
    if (kindOf(change.table) === 'menage' && change.field === 'menageOrigineId') add('menages', change.value);
    if (change.table === 'plansRelogement' && change.field === 'operationId') add('operations', change.value);
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
  territoryId: row.territory_id,
  createdBy: row.created_by,
  createdSeq: row.created_seq,
});

export async function loadBatch(tx: Sql, actor: Profile, changes: readonly Change[]): Promise<BatchState> {
  const org = actor.organisation.id;
  const p = new Params();
  const followedSql = followedCte(actor, p);
  // A proposed reference record stays its author's to edit while it awaits validation.
  const wanted = changes.flatMap((c) => {
    if (!isSyncedTable(c.table)) return [];
    const key = { tbl: c.table, scope: scopeOf(c.table, actor.organisation), record_id: c.recordId };
    return PROPOSABLE_TABLES.includes(c.table)
      ? [
          { ...key, field: c.field },
          { ...key, field: 'aValider' },
        ]
      : [{ ...key, field: c.field }];
  });
  // A household opened by décohabitation is followed as its origin is (plan.ts, `followersOfNew`).
  for (const c of changes) {
    if (c.table !== 'menages' || c.field !== 'menageOrigineId' || typeof c.value !== 'string') continue;
    const origin = { tbl: 'menages' as const, scope: scopeOf('menages', actor.organisation), record_id: c.value };
    wanted.push(...FOLLOWER_FIELDS.map((field) => ({ ...origin, field })));
  }
  // Schema-checked before: a follower field holds a uuid or null.
  const followers = changes.flatMap((c) =>
    c.table === 'menages' && FOLLOWER_FIELDS.includes(c.field) && typeof c.value === 'string' ? [c.value] : [],
  );
  const [row] = await tx.query<LoadRow>(
    `with ${followedSql}
     found as (
       select r.rid, r.tbl, r.scope, r.record_id, r.org_id, r.menage_id, r.territory_id, r.created_by, r.created_seq
       from records r join jsonb_to_recordset(${p.add(JSON.stringify(keysOf(changes, actor.organisation)))}::jsonb) as k(tbl text, scope text, record_id text) using (tbl, scope, record_id))
     select
       (select coalesce(json_agg(json_build_object('id', change_id, 'user', user_id)), '[]') from applied_changes where change_id = any(${p.add(changes.map((c) => c.changeId))}::uuid[])) as applied,
       (select coalesce(json_agg(found), '[]') from found) as records,
       (select coalesce(json_agg(json_build_object('rid', f.rid, 'field', f.field, 'value', f.value, 'hlc', f.hlc, 'seq', f.seq, 'author', f.author, 'authorName', u.name)), '[]')
          from found join fields f on f.rid = found.rid join users u on u.id = f.author
          join jsonb_to_recordset(${p.add(JSON.stringify(wanted))}::jsonb) as w(tbl text, scope text, record_id text, field text)
            on w.tbl = found.tbl and w.scope = found.scope and w.record_id = found.record_id and w.field = f.field) as fields,
       ${followedSql === '' ? `'[]'::json` : `(select coalesce(json_agg(menage_id), '[]') from followed where menage_id in (select menage_id from found))`} as followed,
       (select coalesce(json_agg(id), '[]') from users where id = any(${p.add(followers)}::uuid[]) and organisation_id = ${p.add(org)}) as members,
       (select coalesce(json_agg(json_build_object('rid', v.rid, 'doc', v.doc)), '[]') from found join record_values v on v.rid = found.rid where found.tbl = any(${p.add(DERIVED_TABLES)}::text[])) as derived`,
    p.values,
  );
  if (!row) throw new Error('loadBatch returned no row');

  const records = new Map(row.records.map((r) => [recordKey(r.tbl, r.scope, r.record_id), toRecord(r)]));
  const followed = new Set(row.followed);
  const households = new Map<string, { orgId: string; accessible: boolean }>();
  for (const record of records.values()) {
    if (record.menageId !== null)
      households.set(record.menageId, { orgId: record.orgId, accessible: seesWholeOrganisation(actor) || followed.has(record.menageId) });
  }
  const byRid = new Map([...records.values()].map((r) => [r.rid, r]));
  const fields = new Map(
    row.fields.flatMap((f) => {
      const record = byRid.get(f.rid);
      return record ? [[fieldKey(record.key, f.field), { value: f.value, hlc: f.hlc, seq: f.seq, author: f.author }] as const] : [];
    }),
  );
  return {
    records,
    fields,
    households,
    residences: new Set([...records.values()].filter((r) => r.table === 'residences' && r.scope === org).map((r) => r.recordId)),
    members: new Set(row.members),
    applied: new Map(row.applied.map((a) => [a.id, a.user])),
    names: new Map([[actor.id, actor.name], ...row.fields.map((f) => [f.author, f.authorName] as const)]),
    derivedValues: new Map(row.derived.map((v) => [Number(v.rid), v.doc])),
    pooled: await loadPooled(tx, actor, changes),
    dossiers: await loadDossiers(tx, changes),
  };
}

/**
 * Every proposal and orientation of the households whose proposals the batch sets a circuit on,
 * with all their stored fields: whether the circuit dématérialisé is open to a household spans its
 * proposals (charte §5.5 C, plan.ts). Read only when the batch sets a circuit.
 */
async function loadDossiers(tx: Sql, changes: readonly Change[]): Promise<Map<string, DossierRecord>> {
  const proposals = changes.filter((c) => c.table === 'propositions');
  if (!proposals.some((c) => c.field === 'circuit')) return new Map();
  const p = new Params();
  const named = proposals.flatMap((c) => (c.field === 'menageId' && typeof c.value === 'string' ? [c.value] : []));
  const rows = await tx.query<{
    tbl: 'propositions' | 'orientations';
    record_id: string;
    menage_id: string;
    fields: Record<string, unknown> | null;
  }>(
    `with menage_ids as (
       select menage_id as id from records where tbl = 'propositions' and scope = '' and record_id = any(${p.add([...new Set(proposals.map((c) => c.recordId))])}::text[])
       union select unnest(${p.add([...new Set(named)])}::text[]))
     select r.tbl, r.record_id, r.menage_id, (select json_object_agg(f.field, f.value) from fields f where f.rid = r.rid) as fields
     from records r where r.menage_id in (select id from menage_ids) and r.tbl in ('propositions', 'orientations') and r.scope = ''`,
    p.values,
  );
  return new Map(
    rows.map((r) => [
      recordKey(r.tbl, '', r.record_id),
      {
        table: r.tbl,
        menageId: r.menage_id,
        row: Object.entries(r.fields ?? {}).reduce<Record<string, unknown>>((row, [field, value]) => applyField(row, field, value), {
          id: r.record_id,
        }),
      },
    ]),
  );
}
