import type { Migration } from './migration.ts';

export const m023: Migration = {
  id: 23,
  name: 'snapshot records kept as sent',
  sql: `
    -- Each record as a new device's snapshot gives it (docs/sync.md, « Instantané »): its table,
    -- id and greatest clock, and its fields in the order of their sequences, each field's clock
    -- next to its value where it differs from the record's, as JSON text. A snapshot page is the
    -- text of these rows, sent as it is. Written in the same statement as the fields (push), gone
    -- with the record's values (erasure, retention purge); null for a record without fields. It
    -- replaces step 22's fields with their clocks.
    alter table record_values drop column snapshot_fields;
    alter table record_values add column snapshot_record json;
    -- Filled by the server at its next start from the fields stored before this step; step 22's
    -- backfill, if still pending, has nothing left to fill.
    delete from read_side_backfills where name = 'snapshot_fields';
    insert into read_side_backfills (name) values ('snapshot_record') on conflict do nothing;
  `,
};
