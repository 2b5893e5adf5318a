import type { Migration } from './migration.ts';

export const m001: Migration = {
  id: 1,
  name: 'accounts',
  sql: `
      create table organisations (
        id uuid primary key,
        name text not null unique,
        kind text check (kind in ('bailleur', 'mous', 'ville', 'metropole')),
        created_at timestamptz not null default now()
      );
      create table users (
        id uuid primary key,
        organisation_id uuid not null references organisations (id),
        email text not null unique,
        name text not null,
        role text not null check (role in ('chargé', 'encadrant', 'administrateur')),
        password_hash text not null,
        created_at timestamptz not null default now()
      );
      create index users_organisation on users (organisation_id);
      -- Only the SHA-256 of a token is stored: a copy of the database opens no session.
      create table sessions (
        token_hash text primary key,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index sessions_user on sessions (user_id);
      create table login_failures (
        key text not null,
        at timestamptz not null default now()
      );
      create index login_failures_key on login_failures (key, at);
    `,
};
