import type { Database } from './database.ts';

// The schema, as numbered steps applied once each, in order, on PGlite and PostgreSQL alike.
// A released step is never edited: a change of schema is a new step.
const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 4,
    name: 'indexes for chargé pulls',
    sql: `
      -- A chargé's pull walks the records of the households she follows, then their fields
      -- written after her checkpoint, whatever the size of the organisation.
      create index fields_record_seq on fields (rid, seq);
      create index records_creator on records (created_by) where tbl = 'menages';
    `,
  },
  {
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
  },
  {
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
  },
  {
    id: 7,
    name: 'device sync telemetry',
    sql: `
      -- The last report of each device of each user: how its syncs go (LESSONS.md §15).
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
  },
  {
    id: 8,
    name: 'storage used by each organisation',
    sql: `
      -- Bytes of field values (as jsonb text) each organisation stores, kept up to date by every
      -- push: a push that would go over the organisation's quota is refused.
      create table organisation_usage (
        org_id uuid primary key,
        field_bytes bigint not null
      );
      insert into organisation_usage (org_id, field_bytes)
        select r.org_id, sum(octet_length(f.value::text)) from fields f join records r using (rid) group by r.org_id;
    `,
  },
  {
    id: 9,
    name: 'login attempts per account and address',
    sql: `
      -- One counter per account and client address, taken and raised in one statement: the
      -- failures log counted then recorded in two steps, letting concurrent guesses through.
      drop table login_failures;
      create table login_attempts (
        key text primary key,
        attempts int not null,
        next_allowed timestamptz not null
      );
    `,
  },
  {
    id: 10,
    name: 'household followers by user id',
    sql: `
      -- A chargé follows the households whose referentId or binomeId is her user id: names no
      -- longer give any right. The names written before are turned into ids where they name
      -- exactly one user of the household's organisation (display name or email, ignoring case
      -- and surrounding spaces, as the name matching did); the others keep no id until an
      -- encadrant sets one. An id already written (not null) is kept. The new fields take a
      -- sequence each, so that devices pull them, and a clock of now, authored by whoever wrote
      -- the name.
      create index fields_followers on fields ((value #>> '{}')) where field in ('referentId', 'binomeId');
      drop index fields_people;
      drop index records_creator;
      with named as (
        select f.rid, f.author, case f.field when 'referent' then 'referentId' else 'binomeId' end as field, r.org_id,
               lower(btrim(f.value #>> '{}')) as name
        from fields f join records r on r.rid = f.rid
        where f.field in ('referent', 'binome') and r.tbl = 'menages' and btrim(f.value #>> '{}') <> ''),
      matched as (
        select n.rid, n.field, n.author, min(u.id::text) as user_id
        from named n join users u on u.organisation_id = n.org_id and (lower(btrim(u.name)) = n.name or lower(u.email) = n.name)
        group by n.rid, n.field, n.author
        having count(distinct u.id) = 1),
      numbered as (
        select m.*, row_number() over (order by m.rid, m.field) as n from matched m
        where not exists (select 1 from fields f where f.rid = m.rid and f.field = m.field and f.value <> 'null'::jsonb)),
      written as (
        insert into fields (rid, field, value, hlc, seq, author)
        select rid, field, to_jsonb(user_id), to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-0000000000000000',
               (select seq from sync_state where id = 1) + n, author
        from numbered
        on conflict (rid, field) do update set value = excluded.value, hlc = excluded.hlc, seq = excluded.seq, author = excluded.author
        returning 1)
      update sync_state set seq = seq + (select count(*) from written) where id = 1;
      -- The storage each organisation uses (step 8) counts the fields just written.
      insert into organisation_usage (org_id, field_bytes)
        select r.org_id, sum(octet_length(f.value::text)) from fields f join records r using (rid) group by r.org_id
        on conflict (org_id) do update set field_bytes = excluded.field_bytes;
    `,
  },
  {
    id: 11,
    name: 'display names unique within an organisation',
    sql: `
      -- A household's référent or binôme is chosen by name on the tablets: two users of one
      -- organisation may not share one. Those who did get a suffix « (2) », « (3) »… by seniority.
      with ranked as (
        select id, row_number() over (partition by organisation_id, lower(btrim(name)) order by created_at, id) as n from users)
      update users u set name = btrim(u.name) || ' (' || ranked.n || ')' from ranked where ranked.id = u.id and ranked.n > 1;
      -- A suffixed name may meet one that already had that suffix: those get their id's start too.
      with ranked as (
        select id, row_number() over (partition by organisation_id, lower(btrim(name)) order by created_at, id) as n from users)
      update users u set name = u.name || ' ' || left(u.id::text, 8) from ranked where ranked.id = u.id and ranked.n > 1;
      create unique index users_organisation_name on users (organisation_id, lower(btrim(name)));
    `,
  },
  {
    id: 12,
    name: 'territories, partner organisations and pooled records',
    sql: `
      -- A territory (a métropole, or a town's renewal programme) groups organisations that share
      -- pooled offers and candidates; nothing crosses its border.
      create table territories (
        id uuid primary key,
        name text not null unique,
        kind text not null check (kind in ('metropole', 'programme')),
        created_at timestamptz not null default now()
      );
      alter table organisations add column territory_id uuid references territories (id);
      create index organisations_territory on organisations (territory_id);
      alter table organisations drop constraint organisations_kind_check;
      alter table organisations add constraint organisations_kind_check
        check (kind in ('bailleur', 'mous', 'ville', 'metropole', 'etat', 'action_logement', 'plateforme'));
      alter table users drop constraint users_role_check;
      alter table users add constraint users_role_check check (role in ('chargé', 'encadrant', 'administrateur', 'partenaire'));
      -- Pooled records (offers, candidates' positions) are seen across the organisations of their
      -- territory: the territory they were written in is kept with them.
      alter table records add column territory_id uuid references territories (id);
      create index records_territory on records (territory_id, tbl) where territory_id is not null;
      -- The positions on an offer, found by the offer they name.
      create index fields_offre on fields ((value #>> '{}')) where field = 'offreId';
    `,
  },
];

/**
 * Applies one step alone, out of order: for tests that check an older step on the data it meets
 * with today's code, which needs the later steps it relies on that do not depend on that step.
 */
export async function applyStep(db: Database, id: number): Promise<void> {
  const step = MIGRATIONS.find((m) => m.id === id);
  if (!step) throw new Error(`Unknown migration ${id}`);
  await db.exec(step.sql);
  await db.query('insert into migrations (id, name) values ($1, $2)', [step.id, step.name]);
}

/**
 * Applies the missing steps, up to step `until` (all by default: tests stop earlier to check a
 * step on the data it meets); safe when several instances start at once (table lock).
 */
export async function migrate(db: Database, until = Infinity): Promise<number[]> {
  await db.query('create table if not exists migrations (id int primary key, name text not null, applied_at timestamptz not null default now())');
  return db.transaction(async (tx) => {
    await tx.query('lock table migrations in exclusive mode');
    const done = new Set((await tx.query<{ id: number }>('select id from migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const step of MIGRATIONS.filter((m) => !done.has(m.id) && m.id <= until)) {
      await tx.exec(step.sql);
      await tx.query('insert into migrations (id, name) values ($1, $2)', [step.id, step.name]);
      applied.push(step.id);
    }
    return applied;
  });
}
