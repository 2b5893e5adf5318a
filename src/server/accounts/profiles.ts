import { profileSchema } from '../../sync/index.ts';
import type { Profile } from '../../sync/index.ts';

/** Columns to select, with users as `u` and organisations as `o`, to build a profile. */
export const profileColumns = 'u.id, u.email, u.name, u.role, o.id as org_id, o.name as org_name, o.kind as org_kind';

export type ProfileRow = { id: string; email: string; name: string; role: string; org_id: string; org_name: string; org_kind: string | null };

export const toProfile = (row: ProfileRow): Profile =>
  profileSchema.parse({ id: row.id, email: row.email, name: row.name, role: row.role, organisation: { id: row.org_id, name: row.org_name, kind: row.org_kind } });
