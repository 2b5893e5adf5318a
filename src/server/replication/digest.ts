import type { BucketDigest, DigestResponse, Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { visibility } from './access.ts';

// The digest of what a user's device should hold (docs/sync.md, « Empreintes et réparation »):
// every field the user may see, folded by bucket exactly as `DigestBuilder` does on the device.
// One statement, hence one snapshot with its sequence, over the visible fields' identities
// (table, record, field, clock), never their values; the device asks only every few syncs or
// when the officer does.

type DigestRow = { upto: number | string; buckets: Record<string, BucketDigest> };

export async function digest(db: Sql, actor: Profile): Promise<DigestResponse> {
  const p = new Params();
  const v = visibility(actor, p);
  const [row] = await db.query<DigestRow>(
    `with ${v.ctes} folded as (
       select r.tbl || ':' || left(r.record_id, 1) as bucket, count(*)::int as count,
         to_hex(bit_xor(('x' || left(md5(r.tbl || '/' || r.record_id || '/' || f.field || '/' || f.hlc), 16))::bit(64)::bigint)) as digest
       from fields f join records r on r.rid = f.rid
       where ${v.where} and ${v.fieldVisible('f.field')}
       group by 1)
     select (select seq from sync_state where id = 1) as upto,
       (select coalesce(json_object_agg(bucket, json_build_object('count', count, 'digest', digest)), '{}') from folded) as buckets`,
    p.values,
  );
  if (!row) throw new Error('digest returned no row');
  return { upto: Number(row.upto), buckets: row.buckets };
}
