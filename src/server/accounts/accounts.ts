import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { organisationKindSchema, roleSchema, territoryKindSchema } from '../../sync/index.ts';
import type { Profile, Role } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { profileColumns, profileJoins, toProfile } from './profiles.ts';
import type { ProfileRow } from './profiles.ts';

// Territories, their organisations (landlord, MOUS operator, collectivité, State, Action
// Logement, relocation platform) and their users.

const cleanName = (name: string, what: string): string => {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new HttpError(400, `Nom ${what} vide ou trop long (200 caractères au plus).`);
  return trimmed;
};

export async function createTerritory(db: Sql, name: string, kind: string): Promise<{ id: string; name: string }> {
  const trimmed = cleanName(name, 'de territoire');
  const parsedKind = territoryKindSchema.safeParse(kind);
  if (!parsedKind.success) throw new HttpError(400, parsedKind.error.issues[0]?.message ?? 'Type de territoire inconnu.');
  const [existing] = await db.query('select 1 from territories where name = $1', [trimmed]);
  if (existing) throw new HttpError(409, `Le territoire « ${trimmed} » existe déjà.`);
  const id = randomUUID();
  await db.query('insert into territories (id, name, kind) values ($1, $2, $3)', [id, trimmed, parsedKind.data]);
  return { id, name: trimmed };
}

/**
 * Attaches an organisation to a territory. One that already wrote pooled records in another
 * territory stays there: moving it would carry them across the border.
 */
export async function attachOrganisation(
  db: Sql,
  organisation: string,
  territory: string,
): Promise<{ organisation: string; territory: string }> {
  const [org] = await db.query<{ id: string; territory_id: string | null }>('select id, territory_id from organisations where name = $1', [
    organisation.trim(),
  ]);
  if (!org) throw new HttpError(404, `Organisation « ${organisation} » introuvable : créez-la d’abord (create-org).`);
  const [terr] = await db.query<{ id: string; name: string }>('select id, name from territories where name = $1', [territory.trim()]);
  if (!terr) throw new HttpError(404, `Territoire « ${territory} » introuvable : créez-le d’abord (create-territory).`);
  if (org.territory_id !== null && org.territory_id !== terr.id) {
    const [pooled] = await db.query('select 1 from records where org_id = $1 and territory_id is not null limit 1', [org.id]);
    if (pooled)
      throw new HttpError(
        409,
        `L’organisation « ${organisation.trim()} » a déjà publié ou positionné dans un autre territoire : elle ne peut pas en changer.`,
      );
  }
  await db.query('update organisations set territory_id = $1 where id = $2', [terr.id, org.id]);
  return { organisation: organisation.trim(), territory: terr.name };
}

/**
 * Replaces the territory's priority operations (the steering committee's list, convention AMP
 * art. 10) by these names; the server marks with them the positions it receives from then on.
 */
/** The steering committee's priority operations, by name (as each organisation names them), each once. */
const priorityOperationsSchema = z
  .array(z.string().trim().min(1).max(200))
  .max(500)
  .transform((names) => [...new Set(names)]);

export async function setPriorityOperations(
  db: Database,
  territory: string,
  names: readonly string[],
): Promise<{ territory: string; operations: string[] }> {
  const [terr] = await db.query<{ id: string; name: string }>('select id, name from territories where name = $1', [territory.trim()]);
  if (!terr) throw new HttpError(404, `Territoire « ${territory} » introuvable : créez-le d’abord (create-territory).`);
  const parsed = priorityOperationsSchema.safeParse(names);
  if (!parsed.success) throw new HttpError(400, 'Nom d’opération vide ou trop long (200 caractères au plus) : rien n’a été changé.');
  const operations = parsed.data;
  await db.transaction(async (tx) => {
    await tx.query('delete from territory_priority_operations where territory_id = $1', [terr.id]);
    await tx.query('insert into territory_priority_operations (territory_id, name) select $1, unnest($2::text[])', [terr.id, operations]);
  });
  return { territory: terr.name, operations };
}

export async function createOrganisation(
  db: Sql,
  name: string,
  kind: string | null = null,
  territory: string | null = null,
): Promise<{ id: string; name: string }> {
  const trimmed = cleanName(name, 'd’organisation');
  const parsedKind = kind === null ? null : organisationKindSchema.safeParse(kind);
  if (parsedKind?.success === false) throw new HttpError(400, parsedKind.error.issues[0]?.message ?? 'Type d’organisation inconnu.');
  const [existing] = await db.query('select 1 from organisations where name = $1', [trimmed]);
  if (existing) throw new HttpError(409, `L’organisation « ${trimmed} » existe déjà.`);
  const [terr] =
    territory === null ? [null] : await db.query<{ id: string }>('select id from territories where name = $1', [territory.trim()]);
  if (terr === undefined) throw new HttpError(404, `Territoire « ${territory} » introuvable : créez-le d’abord (create-territory).`);
  const id = randomUUID();
  await db.query('insert into organisations (id, name, kind, territory_id) values ($1, $2, $3, $4)', [
    id,
    trimmed,
    parsedKind?.data ?? null,
    terr?.id ?? null,
  ]);
  return { id, name: trimmed };
}

/** The 409 for an insert the unique indexes of `users` refuse, or null for any other fault. */
function accountTaken(err: unknown, email: string, name: string): HttpError | null {
  const { code, constraint } = (err ?? {}) as { code?: unknown; constraint?: unknown };
  if (code !== '23505') return null;
  // Tablets show the référent and binôme of a household by name: one name, one person.
  if (constraint === 'users_organisation_name')
    return new HttpError(
      409,
      `Le nom « ${name} » est déjà celui d’un compte de l’organisation : choisissez-en un autre (par exemple avec l’initiale du nom).`,
    );
  return new HttpError(409, `Un compte existe déjà pour ${email}.`);
}

export type NewUser = { organisation: string; email: string; password: string; role: string; name?: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `passwordHash` lets tests skip the deliberately slow hashing. */
export async function createUser(db: Sql, user: NewUser, passwordHash?: string): Promise<Profile> {
  const email = user.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) throw new HttpError(400, `Adresse électronique invalide : ${user.email}`);
  const role = roleSchema.safeParse(user.role);
  if (!role.success) throw new HttpError(400, role.error.issues[0]?.message ?? 'Rôle inconnu.');
  const weak = passwordHash === undefined ? passwordProblem(user.password, email) : null;
  if (weak !== null) throw new HttpError(400, weak);
  const [org] = await db.query<{ id: string }>('select id from organisations where name = $1', [user.organisation.trim()]);
  if (!org) throw new HttpError(404, `Organisation « ${user.organisation} » introuvable : créez-la d’abord (create-org).`);
  const id = randomUUID();
  const name = user.name?.trim() || email;
  const hash = passwordHash ?? (await hashPassword(user.password));
  // The unique indexes decide, so that two accounts created at the same instant cannot both pass.
  await db
    .query('insert into users (id, organisation_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)', [
      id,
      org.id,
      email,
      name,
      role.data satisfies Role,
      hash,
    ])
    .catch((err: unknown) => {
      throw accountTaken(err, email, name) ?? err;
    });
  const profile = await findProfile(db, id);
  if (!profile) throw new Error('User vanished right after its creation');
  return profile;
}

const profileQuery = `select ${profileColumns}, u.password_hash from users u ${profileJoins}`;

export async function findProfile(db: Sql, userId: string): Promise<Profile | null> {
  const [row] = await db.query<ProfileRow>(`${profileQuery} where u.id = $1`, [userId]);
  return row ? toProfile(row) : null;
}

export async function findLogin(db: Sql, email: string): Promise<{ profile: Profile; passwordHash: string; disabled: boolean } | null> {
  const [row] = await db.query<ProfileRow & { password_hash: string; disabled_at: Date | null }>(
    `select ${profileColumns}, u.password_hash, u.disabled_at from users u ${profileJoins} where u.email = $1`,
    [email.trim().toLowerCase()],
  );
  return row ? { profile: toProfile(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
}

export async function findUserByEmail(db: Sql, email: string): Promise<Profile | null> {
  return (await findLogin(db, email))?.profile ?? null;
}

export async function countUsers(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from users');
  return row?.n ?? 0;
}

/** Disables an account and revokes its sessions at once; false when it was disabled already. */
export async function disableUser(db: Database, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.query('update users set disabled_at = now() where id = $1 and disabled_at is null returning 1', [userId]);
    await tx.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
    return changed.length > 0;
  });
}

export async function enableUser(db: Sql, userId: string): Promise<void> {
  await db.query('update users set disabled_at = null where id = $1', [userId]);
}

/** A new password, checked like a first one; every session of the account ends. */
export async function resetPassword(db: Database, user: Profile, password: string, passwordHash?: string): Promise<void> {
  const weak = passwordHash === undefined ? passwordProblem(password, user.email) : null;
  if (weak !== null) throw new HttpError(400, weak);
  const hash = passwordHash ?? (await hashPassword(password));
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [user.id, hash]);
    await tx.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [user.id]);
  });
}

export type UserListing = { email: string; name: string; role: Role; organisation: string; disabled: boolean; lastLogin: string | null };

/** Every account (of one organisation when named), with its last login. */
export async function listUsers(db: Sql, organisation: string | null): Promise<UserListing[]> {
  const rows = await db.query<{
    email: string;
    name: string;
    role: string;
    org: string;
    disabled_at: Date | null;
    last_login: Date | null;
  }>(
    `select u.email, u.name, u.role, o.name as org, u.disabled_at,
       (select max(s.created_at) from sessions s where s.user_id = u.id) as last_login
     from users u join organisations o on o.id = u.organisation_id
     where $1::text is null or o.name = $1 order by o.name, u.name`,
    [organisation],
  );
  return rows.map((r) => ({
    email: r.email,
    name: r.name,
    role: roleSchema.parse(r.role),
    organisation: r.org,
    disabled: r.disabled_at !== null,
    lastLogin: r.last_login ? new Date(r.last_login).toISOString() : null,
  }));
}

export async function usersOfOrganisation(
  db: Sql,
  organisationId: string,
): Promise<{ id: string; name: string; email: string; role: Role }[]> {
  const rows = await db.query<{ id: string; name: string; email: string; role: string }>(
    'select id, name, email, role from users where organisation_id = $1 order by name',
    [organisationId],
  );
  return rows.map((r) => ({ ...r, role: roleSchema.parse(r.role) }));
}

/** The organisations of a territory with a kind, by name: nothing personal, the same list for every user of the territory. */
export async function organisationsOfTerritory(db: Sql, territoryId: string): Promise<{ id: string; name: string; kind: string }[]> {
  return db.query<{ id: string; name: string; kind: string }>(
    'select id, name, kind from organisations where territory_id = $1 and kind is not null order by name',
    [territoryId],
  );
}
