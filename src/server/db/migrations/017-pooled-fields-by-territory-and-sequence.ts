import type { Migration } from './migration.ts';

export const m017: Migration = {
  id: 17,
  name: 'pooled fields by territory and sequence',
  sql: `
    -- A pooled record's fields carry its territory, so that a partner's pull walks the territory's
    -- pooled fields in sequence order, a page at a time, without reading the households' fields
    -- nor re-sorting every field still to send (docs/droits-partenaires.md).
    alter table fields add column territory_id uuid;
    update fields f set territory_id = r.territory_id from records r where r.rid = f.rid and r.territory_id is not null;
    create index fields_pooled_seq on fields (territory_id, seq) where territory_id is not null;
    -- The positions submitted to a partner by a field's value: the demolishing landlord
    -- (bailleurOrigineId), the designation (designeLe).
    create index fields_pooled_value on fields (territory_id, field, (value #>> '{}')) where territory_id is not null;
  `,
};
