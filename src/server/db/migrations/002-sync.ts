import type { Migration } from './migration.ts';

export const m002: Migration = {
  id: 2,
  name: 'sync',
  sql: `
      -- The global sequence. Every write locks this row first, so seqs are handed out in commit
      -- order and a pull never skips a row that committed late.
      create table sync_state (id int primary key check (id = 1), seq bigint not null);
      insert into sync_state values (1, 0);
      -- One row per synced record. Households and their child records have global ids (scope '');
      -- reference data (operations, résidences, settings) is scoped by organisation.
      create table records (
        rid bigserial primary key,
        tbl text not null,
        scope text not null,
        record_id text not null,
        org_id uuid not null references organisations (id),
        menage_id text,
        created_by uuid not null references users (id),
        created_seq bigint not null,
        unique (tbl, scope, record_id)
      );
      create index records_menage on records (menage_id);
      create index records_org on records (org_id, tbl);
      create table fields (
        rid bigint not null references records (rid),
        field text not null,
        value jsonb not null,
        hlc text not null,
        seq bigint not null unique,
        author uuid not null references users (id),
        primary key (rid, field)
      );
      -- Who a household's référent and binôme are, to find the households a chargé follows.
      create index fields_people on fields ((lower(btrim(value #>> '{}')))) where field in ('referent', 'binome');
      create table applied_changes (
        change_id uuid primary key,
        user_id uuid not null references users (id),
        device_id text not null,
        applied_at timestamptz not null default now()
      );
      create table conflicts (
        id uuid primary key,
        seq bigint not null unique,
        rid bigint not null references records (rid),
        field text not null,
        winner_value jsonb not null,
        winner_hlc text not null,
        winner_author uuid not null references users (id),
        loser_value jsonb not null,
        loser_hlc text not null,
        loser_author uuid not null references users (id),
        detected_at timestamptz not null default now(),
        acknowledged_by uuid references users (id),
        acknowledged_at timestamptz
      );
      create index conflicts_record on conflicts (rid);
      -- Households an encadrant gave to a chargé, on top of those she is référent or binôme of.
      create table assignments (
        menage_id text not null,
        user_id uuid not null references users (id),
        assigned_by uuid not null references users (id),
        seq bigint not null,
        primary key (menage_id, user_id)
      );
      create index assignments_user on assignments (user_id);
    `,
};
