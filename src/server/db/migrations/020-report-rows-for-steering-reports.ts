import type { Migration } from './migration.ts';

export const m020: Migration = {
  id: 20,
  name: 'report rows for steering reports',
  sql: `
    -- The households, offers, résidences, operations, mediations and surveys cut to the fields the
    -- steering figures read, one JSON array per record as text (the id then the fields), derived
    -- from the whole record at each push and written in the same statement as its fields: a
    -- territory's report joins these short texts instead of taking fields out of each record's
    -- values. Emptied with the fields (erasure, retention purge).
    create table report_rows (
      rid bigint primary key,
      org_id uuid not null,
      tbl text not null,
      row text not null
    );
    create index report_rows_org on report_rows (org_id, tbl);
    -- Derived by the server at its next start from the records stored before this step.
    insert into read_side_backfills (name) values ('report_rows');
  `,
};
