import type { Migration } from './migration.ts';

export const m019: Migration = {
  id: 19,
  name: 'proposal facts for steering reports',
  sql: `
    -- What each proposal contributes to the steering figures, derived from the whole record by the
    -- domain at each push and written in the same statement as its fields: a territory's report
    -- reads these few columns instead of 200,000 records. One row per proposal not deleted, the
    -- ids as uuids and the days as dates. Emptied with the fields (erasure, retention purge).
    create table proposal_facts (
      rid bigint primary key,
      org_id uuid not null,
      record_id uuid not null,
      menage_id uuid not null,
      offre_id uuid not null,
      rang smallint not null,
      proposee_le date not null,
      bail_signe_le date,
      retiree boolean not null,
      refus_par text,
      refus_le date,
      comptee boolean not null,
      temporaire boolean not null,
      refus_legitime boolean not null,
      rac_avant float8,
      rac_apres float8,
      te_avant float8,
      te_apres float8,
      rav_avant float8,
      rav_apres float8
    );
    create index proposal_facts_org on proposal_facts (org_id);
    -- The facts of the proposals stored before this step are derived by the domain, which this
    -- frozen step may not hold: the server does it once at its next start, then drops the name.
    create table read_side_backfills (name text primary key);
    insert into read_side_backfills (name) values ('proposal_facts');
  `,
};
