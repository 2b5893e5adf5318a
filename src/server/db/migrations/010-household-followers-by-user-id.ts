import type { Migration } from './migration.ts';

export const m010: Migration = {
  id: 10,
  name: 'household followers by user id',
  sql: `
      -- A chargé follows the households whose referentId or binomeId is her user id: names no
      -- longer give any right. The names written before are turned into ids where they name
      -- exactly one user of the household's organisation (display name or email, ignoring case
      -- and surrounding spaces, as the name matching did); the others keep no id until an
      -- encadrant sets one. An id already written (not null) is kept. The new fields take a
      -- sequence each, so that devices pull them, and a clock of now, authored by whoever wrote
      -- the name.
      create index fields_followers on fields ((value #>> '{}')) where field in ('referentId', 'binomeId');
      drop index fields_people;
      drop index records_creator;
      with named as (
        select f.rid, f.author, case f.field when 'referent' then 'referentId' else 'binomeId' end as field, r.org_id,
               lower(btrim(f.value #>> '{}')) as name
        from fields f join records r on r.rid = f.rid
        where f.field in ('referent', 'binome') and r.tbl = 'menages' and btrim(f.value #>> '{}') <> ''),
      matched as (
        select n.rid, n.field, n.author, min(u.id::text) as user_id
        from named n join users u on u.organisation_id = n.org_id and (lower(btrim(u.name)) = n.name or lower(u.email) = n.name)
        group by n.rid, n.field, n.author
        having count(distinct u.id) = 1),
      numbered as (
        select m.*, row_number() over (order by m.rid, m.field) as n from matched m
        where not exists (select 1 from fields f where f.rid = m.rid and f.field = m.field and f.value <> 'null'::jsonb)),
      written as (
        insert into fields (rid, field, value, hlc, seq, author)
        select rid, field, to_jsonb(user_id), to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-0000000000000000',
               (select seq from sync_state where id = 1) + n, author
        from numbered
        on conflict (rid, field) do update set value = excluded.value, hlc = excluded.hlc, seq = excluded.seq, author = excluded.author
        returning 1)
      update sync_state set seq = seq + (select count(*) from written) where id = 1;
      -- The storage each organisation uses (step 8) counts the fields just written.
      insert into organisation_usage (org_id, field_bytes)
        select r.org_id, sum(octet_length(f.value::text)) from fields f join records r using (rid) group by r.org_id
        on conflict (org_id) do update set field_bytes = excluded.field_bytes;
    `,
};
