import { applyField, isSyncedTable } from '../../sync/index.ts';
import type { Change, Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import type { PooledRecord, PooledState } from './records.ts';

// What a push's pooled changes are decided on, read in one query when the batch has any: the
// offers it touches or names, every position on them, and every position of the households it
// positions with their offers (one household designated on one open offer at a time). Read inside the push's
// transaction, after the sequence lock, so no other push changes them meanwhile.

type Loaded = { tbl: string; record_id: string; org_id: string; territory_id: string | null; fields: Record<string, unknown> | null };

export async function loadPooled(tx: Sql, actor: Profile, changes: readonly Change[]): Promise<PooledState> {
  const pooled = changes.filter((c) => c.table === 'offresPartagees' || c.table === 'positionnements');
  if (pooled.length === 0 || !pooled.every((c) => isSyncedTable(c.table)))
    return { hasPlatform: false, offers: new Map(), positions: new Map(), priorityResidences: new Set(), householdResidences: new Map() };
  const p = new Params();
  const ids = [...new Set(pooled.map((c) => c.recordId))];
  const named = (field: string) => [
    ...new Set(pooled.flatMap((c) => (c.table === 'positionnements' && c.field === field && typeof c.value === 'string' ? [c.value] : []))),
  ];
  const [row] = await tx.query<{
    has_platform: boolean;
    records: Loaded[];
    priority_residences: string[];
    household_residences: Record<string, string> | null;
  }>(
    `with touched as (
       select rid, tbl, record_id, menage_id from records where tbl in ('offresPartagees', 'positionnements') and scope = '' and record_id = any(${p.add(ids)}::text[])),
     menage_ids as (
       select unnest(${p.add(named('menageId'))}::text[]) as id
       union select menage_id from touched where tbl = 'positionnements'),
     offer_ids as (
       select record_id as id from touched where tbl = 'offresPartagees'
       union select unnest(${p.add(named('offreId'))}::text[])
       union select f.value #>> '{}' from touched t join fields f on f.rid = t.rid and f.field = 'offreId'
       -- The offers of the household's other positions: whether they are still open decides a designation.
       union select f.value #>> '{}' from records r join fields f on f.rid = r.rid and f.field = 'offreId'
             where r.tbl = 'positionnements' and r.menage_id in (select id from menage_ids)),
     related as (
       select rid from records where tbl = 'offresPartagees' and scope = '' and record_id in (select id from offer_ids)
       union select f.rid from fields f where f.field = 'offreId' and f.value #>> '{}' in (select id from offer_ids)
       union select rid from records where tbl = 'positionnements' and menage_id in (select id from menage_ids))
     select
       -- The actor's résidences whose operation the territory's steering committee made priority (convention art. 10).
       (select coalesce(json_agg(res.record_id), '[]') from records res
          join fields fo on fo.rid = res.rid and fo.field = 'operationId'
          join records op on op.tbl = 'operations' and op.scope = res.scope and op.record_id = fo.value #>> '{}'
          join fields fn on fn.rid = op.rid and fn.field = 'nom'
          where res.tbl = 'residences' and res.scope = ${p.add(actor.organisation.id)}
            and lower(btrim(fn.value #>> '{}')) in (select lower(btrim(name)) from territory_priority_operations
                                                    where territory_id = ${p.add(actor.organisation.territory?.id ?? null)}::uuid)) as priority_residences,
       (select json_object_agg(m.record_id, f.value #>> '{}') from records m join fields f on f.rid = m.rid and f.field = 'residenceId'
          where m.tbl = 'menages' and m.scope = '' and m.record_id in (select id from menage_ids)) as household_residences,
       exists (select 1 from organisations where territory_id = ${p.add(actor.organisation.territory?.id ?? null)}::uuid and kind = 'plateforme') as has_platform,
       (select coalesce(json_agg(json_build_object('tbl', r.tbl, 'record_id', r.record_id, 'org_id', r.org_id, 'territory_id', r.territory_id,
          'fields', (select json_object_agg(f.field, f.value) from fields f where f.rid = r.rid))), '[]')
        from records r where r.rid in (select rid from related)) as records`,
    p.values,
  );
  const state: PooledState = {
    hasPlatform: row?.has_platform ?? false,
    offers: new Map(),
    positions: new Map(),
    priorityResidences: new Set(row?.priority_residences ?? []),
    householdResidences: new Map(Object.entries(row?.household_residences ?? {})),
  };
  for (const r of row?.records ?? []) {
    let fields: Record<string, unknown> = { id: r.record_id };
    for (const [field, value] of Object.entries(r.fields ?? {})) fields = applyField(fields, field, value);
    const record: PooledRecord = { orgId: r.org_id, territoryId: r.territory_id, row: fields };
    (r.tbl === 'offresPartagees' ? state.offers : state.positions).set(r.record_id, record);
  }
  return state;
}
