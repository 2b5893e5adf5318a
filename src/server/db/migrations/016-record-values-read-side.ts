import type { Migration } from './migration.ts';

export const m016: Migration = {
  id: 16,
  name: 'record values read side',
  sql: `
    -- The current values of each synced record in one row, as {field: value} with the fields
    -- named as in the fields table (a map entry as "property.key"): a report over a territory
    -- reads one row per record instead of rebuilding each from its field rows. Written in the
    -- same transaction as the fields (push, erasure, retention purge), so it never lags behind.
    create table record_values (
      rid bigint primary key,
      org_id uuid not null,
      tbl text not null,
      record_id text not null,
      doc jsonb not null
    );
    create index record_values_org on record_values (org_id, tbl);
    insert into record_values (rid, org_id, tbl, record_id, doc)
    select r.rid, r.org_id, r.tbl, r.record_id, coalesce(v.doc, '{}'::jsonb)
    from records r
    left join (select rid, jsonb_object_agg(field, value) as doc from fields group by rid) v on v.rid = r.rid;
  `,
};
