import type { Migration } from './migration.ts';

export const m007: Migration = {
  id: 7,
  name: 'device sync telemetry',
  sql: `
      -- The last report of each device of each user: how its syncs go (docs/sync.md, « Suivi des tablettes »).
      create table devices (
        device_id text not null,
        user_id uuid not null references users (id),
        received_at timestamptz not null default now(),
        synced_at timestamptz not null,
        report jsonb not null,
        primary key (device_id, user_id)
      );
      create index devices_synced on devices (synced_at);
    `,
};
