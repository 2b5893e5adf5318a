import type { Profile, PullResponse, PulledRecord } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { HttpError } from '../http-error.ts';
import { visibility } from './access.ts';
import { CONFLICT_JOINS, CONFLICT_JSON, toConflict } from './conflicts.ts';
import type { ConflictJson } from './conflicts.ts';

// A pull hands out the fields written after the device's checkpoint, in sequence order, by pages,
// limited to what the user may see. Sequences are given in commit order and a page is one SQL
// statement, hence one snapshot, so a checkpoint never passes a row that is still to commit. A
// household that the user started to follow after the checkpoint is sent whole, as it was never
// sent before, with its open conflicts. A page looks at a bounded window of sequences and looks
// records up one by one behind a fence (offset 0), so its cost stays bounded whatever the
// planner's estimates. The same statement writes the households it hands out to the access log.

type PullRow = {
  upto: number;
  checkpoint: number;
  has_more: boolean;
  fields: PulledRecord[];
  earlier: PulledRecord[];
  resent: PulledRecord[];
  conflicts: ConflictJson[];
  removed: string[];
  erased: string[];
  withdrawn: { table: string; recordId: string }[];
};

/**
 * A page looks at this many sequences at most (a partner's: this many of its territory's pooled
 * fields): a sparse view costs more pages, not longer ones.
 */
const SCAN_WINDOW = 10_000;

/**
 * The fields on which who sees a pooled position depends: the household's consent, the
 * designation, the demolishing landlord. Spelled as the predicate of the index that finds them
 * by sequence (migration 014), so that the planner uses it.
 */
const AUDIENCE_FIELDS = `(f.field like 'consentements%' or f.field in ('refusConsentement', 'statut', 'designeLe', 'bailleurOrigineId'))`;

/**
 * The fields of `f` (joined to their records `r`) grouped by record, in the order of their first
 * sequence. A page's rows carry their record's keys and their values, read once by the scan.
 */
const byRecord = (from: string, where: string) =>
  `(select coalesce(json_agg(json_build_object('table', g.tbl, 'recordId', g.record_id, 'fields', g.fields) order by g.first), '[]')
    from (select r.tbl, r.record_id, min(f.seq) as first, json_object_agg(f.field, json_build_array(f.value, f.hlc, f.seq)) as fields
          from ${from} where ${where} group by r.rid, r.tbl, r.record_id) g)`;

export async function pull(
  db: Sql,
  actor: Profile,
  since: number,
  limit: number,
  now: number,
  deviceId: string | null = null,
): Promise<PullResponse> {
  const p = new Params();
  const v = visibility(actor, p);
  const from = p.add(since);
  const n = p.add(limit);
  const org = p.add(actor.organisation.id);
  const none = 'select null::text as menage_id where false';
  const newlyFollowed =
    v.followed !== null && since > 0
      ? `select menage_id from ${v.followed} where granted > ${from} and granted <= (select checkpoint from bound)`
      : none;
  // Households whose référent or binôme changed, or that were unassigned from her, within the
  // page: those she no longer follows are to be removed from her device.
  const noLongerFollowed =
    v.followed !== null && since > 0
      ? `select menage_id from (
           select r.menage_id from fields f join records r on r.rid = f.rid
             where f.seq > ${from} and f.seq <= (select checkpoint from bound) and f.field in ('referentId', 'binomeId')
               and r.tbl = 'menages' and r.org_id = ${p.add(actor.organisation.id)}
           union
           select menage_id from unassignments where user_id = ${p.add(actor.id)} and seq > ${from} and seq <= (select checkpoint from bound)
         ) touched where menage_id not in (select menage_id from ${v.followed})`
      : none;
  // Positions of other organisations whose audience may have changed within the page: the device
  // forgets them and gets again, whole, what it may still see of them (docs/droits-partenaires.md).
  const territory = actor.organisation.territory;
  // What cannot hold a row for this user and page is left out of the statement: planning it costs
  // more than an incremental page's whole execution.
  const noneReexamined = territory === null || since === 0;
  const reexamined = !noneReexamined
    ? `select p.rid, p.record_id from audience t
           join records m on m.rid = t.rid and m.tbl = 'menages' and m.scope = ''
           join records p on p.tbl = 'positionnements' and p.menage_id = m.record_id
           where t.field not in ('statut', 'designeLe', 'bailleurOrigineId') and p.territory_id = ${p.add(territory.id)}::uuid and p.org_id <> ${org}::uuid
         union
         select p.rid, p.record_id from audience t join records p on p.rid = t.rid
           where p.tbl = 'positionnements' and p.territory_id = ${p.add(territory.id)}::uuid and p.org_id <> ${org}::uuid`
    : 'select null::bigint as rid, null::text as record_id where false';
  const audience = !noneReexamined
    ? `select f.rid, f.field from fields f where ${AUDIENCE_FIELDS} and f.seq > ${from} and f.seq <= (select checkpoint from bound)`
    : 'select null::bigint as rid, null::text as field where false';
  // A partner's view is the pooled records of its territory: the page looks at the next window of
  // their fields in sequence order (migration 016), skipping every other field, and leaves out
  // what the partner may not read before the limit.
  const window = p.add(SCAN_WINDOW);
  const pooledWindow =
    v.pooledTerritory === null
      ? ''
      : // Compared as a row, the position in the territory's index is the only way the planner finds these fields.
        `pooled_window as (select rid, field, seq, value, hlc from fields
           where territory_id = ${v.pooledTerritory}::uuid and (territory_id, seq) > (${v.pooledTerritory}::uuid, ${from}::bigint)
             and seq <= (select seq from upto)
           order by territory_id, seq limit ${window}),`;
  const scanned =
    v.pooledTerritory === null
      ? `select rid, field, seq, value, hlc from fields where seq > ${from} and seq <= (select seq from scan_end) order by seq offset 0`
      : 'select rid, field, seq, value, hlc from pooled_window order by seq offset 0';
  const scanEnd =
    v.pooledTerritory === null
      ? `least((select seq from upto), ${from}::bigint + ${window})`
      : `case when (select count(*) from pooled_window) < ${window} then (select seq from upto) else (select max(seq) from pooled_window) end`;
  // Fields written before the checkpoint of the households she has just started to follow.
  const earlier =
    newlyFollowed === none
      ? `'[]'::json`
      : byRecord(
          'fields f join records r on r.rid = f.rid',
          `r.menage_id in (select menage_id from shared) and f.seq <= ${from} and ${v.where} and ${v.fieldVisible('f.field')}`,
        );
  const [row] = await db.query<PullRow>(
    `with ${v.ctes}
     upto as (select seq from sync_state where id = 1),
     ${pooledWindow}
     scan_end as (select ${scanEnd} as seq),
     page as (
       select s.seq, s.rid, s.field, s.value, s.hlc, r.tbl, r.record_id, r.menage_id
       from (${scanned}) s
       cross join lateral (select rid, record_id, org_id, menage_id, tbl, territory_id from records where rid = s.rid offset 0) r
       where ${v.where} and ${v.fieldVisible('s.field')}
       order by s.seq limit ${n}::int + 1),
     bound as (
       select case
         when (select count(*) from page) > ${n}::int then (select seq from page order by seq offset ${n}::int - 1 limit 1)
         else (select seq from scan_end) end as checkpoint),
     shared as (${newlyFollowed}),
     removed as (${noLongerFollowed}),
     audience as (${audience}),
     reexamined as (${reexamined}),
     -- The access log: the households this page reads, in the same statement.
     logged as (
       insert into access_log (org_id, user_id, device_id, menage_id, action)
       select distinct ${org}::uuid, ${p.add(actor.id)}::uuid, ${p.add(deviceId)}::text, menage_id, 'lecture' from (
         select menage_id from (select menage_id from page order by seq limit ${n}) kept where menage_id is not null
         union select menage_id from shared) households)
     select (select seq from upto) as upto, (select checkpoint from bound) as checkpoint,
       (select checkpoint from bound) < (select seq from upto) as has_more,
       ${byRecord(`(select * from page order by seq limit ${n}) f cross join lateral (select f.rid, f.tbl, f.record_id) r`, 'true')} as fields,
       ${earlier} as earlier,
       ${noneReexamined ? `'[]'::json` : byRecord('reexamined x join fields f on f.rid = x.rid join records r on r.rid = f.rid', `f.seq <= ${from} and ${v.where} and ${v.fieldVisible('f.field')}`)} as resent,
       (select coalesce(json_agg(conflict order by seq), '[]') from (
          select c.seq, ${CONFLICT_JSON} as conflict from ${CONFLICT_JOINS}
            where c.seq > ${from} and c.seq <= (select checkpoint from bound) and ${v.where} and ${v.fieldVisible('c.field')}
          ${
            newlyFollowed === none
              ? ''
              : `union all
          select c.seq, ${CONFLICT_JSON} from ${CONFLICT_JOINS}
            where r.menage_id in (select menage_id from shared) and ${v.where} and ${v.fieldVisible('c.field')} and c.seq <= ${from} and c.acknowledged_at is null`
          }) found) as conflicts,
       (select coalesce(json_agg(menage_id), '[]') from removed) as removed,
       (select coalesce(json_agg(menage_id), '[]') from erased_households
          where ${from} > 0 and org_id = ${org} and seq > ${from} and seq <= (select checkpoint from bound)) as erased,
       (select coalesce(json_agg(json_build_object('table', 'positionnements', 'recordId', record_id)), '[]') from (select distinct record_id from reexamined) w) as withdrawn`,
    p.values,
  );
  if (!row) throw new Error('pull returned no row');
  // Only a server restored from an older backup can be behind a device: it must start over.
  if (since > row.upto)
    throw new HttpError(
      409,
      'Le serveur a été restauré depuis la dernière synchronisation : une synchronisation complète est nécessaire (depuis 0).',
    );
  return {
    records: [...row.fields, ...row.earlier, ...row.resent],
    conflicts: row.conflicts.map(toConflict),
    removed: row.removed,
    erased: row.erased,
    withdrawn: row.withdrawn,
    checkpoint: row.checkpoint,
    hasMore: row.has_more,
    upto: row.upto,
    serverTime: new Date(now).toISOString(),
  };
}
