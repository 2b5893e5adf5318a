import type { Migration } from './migration.ts';

export const m021: Migration = {
  id: 21,
  name: 'proposal facts as short texts',
  sql: `
    -- Each proposal's facts become one short text (docs/pilotage.md): its values as JSON joined by
    -- commas, the household and the offer by the rid of their record instead of their uuid, the
    -- days as numbers, the booleans as one integer. A territory's report joins these texts instead
    -- of formatting eighteen columns of 200,000 rows. Emptied with the fields (erasure, retention
    -- purge).
    drop table proposal_facts;
    create table proposal_facts (
      rid bigint primary key,
      org_id uuid not null,
      fact text not null
    );
    create index proposal_facts_org on proposal_facts (org_id);
    -- Derived again by the server at its next start from the proposals stored before this step.
    insert into read_side_backfills (name) values ('proposal_facts') on conflict do nothing;
  `,
};
