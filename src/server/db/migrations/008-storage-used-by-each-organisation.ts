import type { Migration } from './migration.ts';

export const m008: Migration = {
  id: 8,
  name: 'storage used by each organisation',
  sql: `
      -- Bytes of field values (as jsonb text) each organisation stores, kept up to date by every
      -- push: a push that would go over the organisation's quota is refused.
      create table organisation_usage (
        org_id uuid primary key,
        field_bytes bigint not null
      );
      insert into organisation_usage (org_id, field_bytes)
        select r.org_id, sum(octet_length(f.value::text)) from fields f join records r using (rid) group by r.org_id;
    `,
};
