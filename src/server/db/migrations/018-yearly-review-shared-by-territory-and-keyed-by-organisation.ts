import type { Migration } from './migration.ts';

// A name as the yearly review keys it (domain/pilotage/bilan-annuel-schema.ts, cleEntree): lower
// case, accents and punctuation aside. Inlined: a migration imports nothing that evolves.
const key = (sql: string) =>
  `trim(both '-' from regexp_replace(translate(lower(${sql}), 'àáâãäåāçèéêëēìíîïīñòóôõöōùúûüūýÿ', 'aaaaaaaceeeeeiiiiinoooooouuuuuyy'), '[^a-z0-9]+', '-', 'g'))`;
// The server's own clock for what it writes here: now, on the server's node.
const SERVER_CLOCK = `to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-0000000000000000'`;

export const m018: Migration = {
  id: 18,
  name: 'yearly review shared by territory and keyed by organisation',
  sql: `
    -- The yearly review (bilansAnnuels) becomes the territory's: one record per year and territory,
    -- scoped by the territory, whose fields carry it (docs/pilotage.md). The records each
    -- organisation of a territory kept are merged into the first one, field by field, the value
    -- with the greatest clock winning.
    create temporary table m018_bilans as
      select r.rid, o.territory_id, min(r.rid) over (partition by o.territory_id, r.record_id) as keep
      from records r join organisations o on o.id = r.org_id
      where r.tbl = 'bilansAnnuels' and r.scope = o.id::text and o.territory_id is not null;
    create temporary table m018_fields as
      select distinct on (b.keep, f.field) b.keep, b.territory_id, f.field, f.value, f.hlc, f.author
      from m018_bilans b join fields f on f.rid = b.rid
      order by b.keep, f.field, f.hlc desc;
    -- A landlord's entry (objective, total lettings) is kept under its organisation's id: the
    -- landlord of the territory whose name is the entry's, the name kept in the entry. An entry
    -- that names no landlord of the territory stays under its name; the old key is removed.
    create temporary table m018_rekeyed as
      select f.keep, f.field as old_field, split_part(f.field, '.', 1) || '.' || o.id::text as field,
             f.value || jsonb_build_object('organisationId', o.id::text) as value, f.author
      from m018_fields f
      join organisations o on o.territory_id = f.territory_id and o.kind = 'bailleur'
        and ${key('o.name')} = ${key("f.value ->> 'bailleur'")}
      where split_part(f.field, '.', 1) in ('objectifs', 'attributions') and jsonb_typeof(f.value) = 'object'
        and f.value ->> 'organisationId' is null;
    delete from m018_fields f using m018_rekeyed k where k.keep = f.keep and k.field = f.field;
    update m018_fields f set value = 'null'::jsonb, hlc = ${SERVER_CLOCK}
      from m018_rekeyed k where k.keep = f.keep and k.old_field = f.field;
    insert into m018_fields (keep, territory_id, field, value, hlc, author)
      select distinct on (k.keep, k.field) k.keep, b.territory_id, k.field, k.value, ${SERVER_CLOCK}, k.author
      from m018_rekeyed k join m018_bilans b on b.rid = k.keep;
    -- Every field of a merged record gets a new sequence, so that each tablet of the territory
    -- receives the whole review at its next synchronisation.
    delete from fields where rid in (select rid from m018_bilans);
    insert into fields (rid, field, value, hlc, seq, author, territory_id)
      select keep, field, value, hlc, (select seq from sync_state where id = 1) + row_number() over (order by keep, field), author, territory_id
      from m018_fields;
    update sync_state set seq = seq + (select count(*) from m018_fields) where id = 1;
    update conflicts c set rid = b.keep from m018_bilans b where c.rid = b.rid and b.rid <> b.keep;
    delete from record_values where rid in (select rid from m018_bilans);
    delete from records where rid in (select rid from m018_bilans where rid <> keep);
    update records r set scope = b.territory_id::text, territory_id = b.territory_id from m018_bilans b where r.rid = b.rid;
    insert into record_values (rid, org_id, tbl, record_id, doc)
      select r.rid, r.org_id, r.tbl, r.record_id, coalesce((select jsonb_object_agg(f.field, f.value) from fields f where f.rid = r.rid), '{}')
      from records r where r.rid in (select keep from m018_bilans);

    -- An offer typed by hand keeps its landlord's organisation (bailleurId), matched once by name
    -- among the landlords of its organisation's territory, where exactly one has that name.
    create temporary table m018_offers as
      select r.rid, min(l.id::text) as bailleur_id, r.created_by
      from records r
      join organisations o on o.id = r.org_id and o.territory_id is not null
      join fields f on f.rid = r.rid and f.field = 'bailleur'
      join organisations l on l.territory_id = o.territory_id and l.kind = 'bailleur' and ${key('l.name')} = ${key("f.value #>> '{}'")}
      where r.tbl = 'offres' and not exists (select 1 from fields b where b.rid = r.rid and b.field = 'bailleurId')
      group by r.rid, r.created_by having count(*) = 1;
    insert into fields (rid, field, value, hlc, seq, author)
      select rid, 'bailleurId', to_jsonb(bailleur_id), ${SERVER_CLOCK}, (select seq from sync_state where id = 1) + row_number() over (order by rid), created_by
      from m018_offers;
    update sync_state set seq = seq + (select count(*) from m018_offers) where id = 1;
    update record_values v set doc = v.doc || jsonb_build_object('bailleurId', o.bailleur_id) from m018_offers o where v.rid = o.rid;
    drop table m018_bilans, m018_fields, m018_rekeyed, m018_offers;
  `,
};
