import type { Migration } from './migration.ts';

export const m004: Migration = {
  id: 4,
  name: 'indexes for chargé pulls',
  sql: `
      -- A chargé's pull walks the records of the households she follows, then their fields
      -- written after her checkpoint, whatever the size of the organisation.
      create index fields_record_seq on fields (rid, seq);
      create index records_creator on records (created_by) where tbl = 'menages';
    `,
};
