import { profileSchema } from '../../sync/index.ts';
import type { Profile } from '../../sync/index.ts';

/** Columns to select, with users as `u`, organisations as `o` and territories as `t` (left joined), to build a profile. */
export const profileColumns =
  'u.id, u.email, u.name, u.role, o.id as org_id, o.name as org_name, o.kind as org_kind, t.id as territory_id, t.name as territory_name';
/** The joins `profileColumns` reads from, after `users u`. */
export const profileJoins = 'join organisations o on o.id = u.organisation_id left join territories t on t.id = o.territory_id';

export type ProfileRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  org_id: string;
  org_name: string;
  org_kind: string | null;
  territory_id: string | null;
  territory_name: string | null;
};

export const toProfile = (row: ProfileRow): Profile =>
  profileSchema.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      territory: row.territory_id === null ? null : { id: row.territory_id, name: row.territory_name },
    },
  });
