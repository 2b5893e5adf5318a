import type { Migration } from './migration.ts';

export const m003: Migration = {
  id: 3,
  name: 'blobs',
  sql: `
      create table blobs (
        hash text primary key,
        content_type text not null,
        size int not null,
        data bytea not null,
        created_at timestamptz not null default now()
      );
      create table blob_uploads (
        hash text not null references blobs (hash),
        user_id uuid not null references users (id),
        primary key (hash, user_id)
      );
      -- A blob is readable by whoever sees a record whose field names its hash.
      create table blob_refs (
        hash text not null,
        rid bigint not null references records (rid),
        primary key (hash, rid)
      );
    `,
};
