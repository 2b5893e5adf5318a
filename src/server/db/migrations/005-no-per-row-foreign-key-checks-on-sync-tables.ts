import type { Migration } from './migration.ts';

export const m005: Migration = {
  id: 5,
  name: 'no per-row foreign key checks on sync tables',
  sql: `
      -- The server is the only writer of these rows and takes their references from rows it has
      -- just read or inserted; per-row checks tripled the cost of a large push.
      alter table records drop constraint records_org_id_fkey, drop constraint records_created_by_fkey;
      alter table fields drop constraint fields_rid_fkey, drop constraint fields_author_fkey;
      alter table applied_changes drop constraint applied_changes_user_id_fkey;
      alter table conflicts drop constraint conflicts_rid_fkey, drop constraint conflicts_winner_author_fkey,
        drop constraint conflicts_loser_author_fkey, drop constraint conflicts_acknowledged_by_fkey;
      alter table blob_refs drop constraint blob_refs_rid_fkey;
    `,
};
