import type { Migration } from './migration.ts';

export const m012: Migration = {
  id: 12,
  name: 'data protection: access log, erasure, retention, disabled accounts, device wipes',
  sql: `
    -- A disabled account logs in no more; its sessions are revoked when it is disabled.
    alter table users add column disabled_at timestamptz;
    -- How long a household whose follow-up is over is kept after its last contact.
    alter table organisations add column retention_months int not null default 24 check (retention_months between 1 and 120);
    -- The device a session was opened on (sent by the tablet), and the erasure it must perform
    -- at its next contact when its tablet was declared lost or its user gone.
    create table device_wipes (
      id uuid primary key,
      org_id uuid not null references organisations (id),
      user_id uuid not null references users (id),
      device_id text,
      reason text not null check (reason in ('perdue', 'depart')),
      requested_by uuid not null references users (id),
      requested_at timestamptz not null default now(),
      delivered_at timestamptz
    );
    create index device_wipes_org on device_wipes (org_id, requested_at);
    alter table sessions add column device_id text, add column wipe_id uuid references device_wipes (id);
    -- Who read, changed, exported, printed or erased which household, from which device.
    create table access_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      org_id uuid not null,
      user_id uuid not null,
      device_id text,
      menage_id text not null,
      action text not null check (action in ('lecture', 'modification', 'export', 'impression', 'effacement'))
    );
    create index access_log_at on access_log (at);
    create index access_log_org_menage on access_log (org_id, menage_id, at);
    -- A household erased for good, at a sequence: devices that pulled it forget it at their next
    -- pull, and a device still holding changes to it may not bring it back.
    create table erased_households (
      menage_id text primary key,
      org_id uuid not null,
      seq bigint not null,
      erased_at timestamptz not null default now()
    );
    create index erased_households_seq on erased_households (org_id, seq);
    -- What the indicators keep of households purged at the end of their retention: counts only.
    create table purged_counts (
      org_id uuid not null,
      year int not null,
      statut text not null,
      households int not null,
      primary key (org_id, year, statut)
    );
    -- The daily purges: whichever server process claims the day's run does it, the others skip.
    create table housekeeping (task text primary key, last_run timestamptz not null);
  `,
};
