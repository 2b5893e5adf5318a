import type { Migration } from './migration.ts';

export const m006: Migration = {
  id: 6,
  name: 'households taken from a chargé',
  sql: `
      -- An assignment withdrawn, at a sequence: the chargée's next pull tells her device to remove
      -- the household, unless she still follows it otherwise.
      create table unassignments (
        menage_id text not null,
        user_id uuid not null references users (id),
        seq bigint not null
      );
      create index unassignments_user_seq on unassignments (user_id, seq);
    `,
};
