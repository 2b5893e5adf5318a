import type { Profile, PullResponse, ServerField } from '../../sync/index.ts';
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
// sent before, with its open conflicts.

type PullRow = { upto: number; checkpoint: number; has_more: boolean; fields: ServerField[]; earlier: ServerField[]; conflicts: ConflictJson[] };

const FIELD_JSON = `json_build_object('table', r.tbl, 'recordId', r.record_id, 'field', f.field, 'value', f.value, 'hlc', f.hlc, 'seq', f.seq)`;

export async function pull(db: Sql, actor: Profile, since: number, limit: number, now: number): Promise<PullResponse> {
  const p = new Params();
  const v = visibility(actor, p);
  const from = p.add(since);
  const n = p.add(limit);
  const newlyFollowed = v.followed !== null && since > 0 ? `select menage_id from ${v.followed} where granted > ${from} and granted <= (select checkpoint from bound)` : 'select null::text as menage_id where false';
  const [row] = await db.query<PullRow>(
    `with ${v.ctes}
     upto as (select seq from sync_state where id = 1),
     page as (
       select f.seq, ${FIELD_JSON} as field from fields f join records r on r.rid = f.rid
       where f.seq > ${from} and f.seq <= (select seq from upto) and ${v.where}
       order by f.seq limit ${n}::int + 1),
     bound as (
       select case when (select count(*) from page) > ${n}::int
         then (select seq from page order by seq offset ${n}::int - 1 limit 1)
         else (select seq from upto) end as checkpoint),
     shared as (${newlyFollowed})
     select (select seq from upto) as upto, (select checkpoint from bound) as checkpoint, (select count(*) from page) > ${n}::int as has_more,
       (select coalesce(json_agg(field order by seq), '[]') from (select * from page order by seq limit ${n}) kept) as fields,
       (select coalesce(json_agg(${FIELD_JSON} order by f.seq), '[]') from fields f join records r on r.rid = f.rid
          where r.menage_id in (select menage_id from shared) and f.seq <= ${from}) as earlier,
       (select coalesce(json_agg(${CONFLICT_JSON} order by c.seq), '[]') from ${CONFLICT_JOINS}
          where (c.seq > ${from} and c.seq <= (select checkpoint from bound) and ${v.where})
             or (r.menage_id in (select menage_id from shared) and c.seq <= ${from} and c.acknowledged_at is null)) as conflicts`,
    p.values,
  );
  if (!row) throw new Error('pull returned no row');
  // Only a server restored from an older backup can be behind a device: it must start over.
  if (since > row.upto) throw new HttpError(409, 'Le serveur a été restauré depuis la dernière synchronisation : une synchronisation complète est nécessaire (depuis 0).');
  return {
    changes: [...row.fields, ...row.earlier],
    conflicts: row.conflicts.map(toConflict),
    checkpoint: row.checkpoint,
    hasMore: row.has_more,
    serverTime: new Date(now).toISOString(),
  };
}
