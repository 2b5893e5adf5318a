import type { Migration } from './migration.ts';

export const m022: Migration = {
  id: 22,
  name: 'snapshot fields kept with each record',
  sql: `
    -- Each record's fields with their clocks as a new device's snapshot gives them (docs/sync.md,
    -- « Instantané »): {field: [value, clock]} in the order of the fields' sequences, as JSON
    -- text. A snapshot page reads one row per record instead of each of its fields. Written in the
    -- same statement as the fields (push), gone with the record's values (erasure, retention
    -- purge); null for a record without fields.
    alter table record_values add column snapshot_fields json;
    -- Filled by the server at its next start from the fields stored before this step.
    insert into read_side_backfills (name) values ('snapshot_fields') on conflict do nothing;
  `,
};
