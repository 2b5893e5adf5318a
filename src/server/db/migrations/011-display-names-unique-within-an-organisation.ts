import type { Migration } from './migration.ts';

export const m011: Migration = {
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
};
