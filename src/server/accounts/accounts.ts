import { randomUUID } from 'node:crypto';
import { organisationKindSchema, roleSchema } from '../../sync/index.ts';
import type { Profile, Role } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { profileColumns, toProfile } from './profiles.ts';
import type { ProfileRow } from './profiles.ts';

// Organisations (landlord, MOUS operator, city, metropolis) and their users.

export async function createOrganisation(db: Sql, name: string, kind: string | null = null): Promise<{ id: string; name: string }> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new HttpError(400, 'Nom d’organisation vide ou trop long (200 caractères au plus).');
  const parsedKind = kind === null ? null : organisationKindSchema.safeParse(kind);
  if (parsedKind?.success === false) throw new HttpError(400, 'Type d’organisation inconnu : bailleur, mous, ville ou metropole.');
  const [existing] = await db.query('select 1 from organisations where name = $1', [trimmed]);
  if (existing) throw new HttpError(409, `L’organisation « ${trimmed} » existe déjà.`);
  const id = randomUUID();
  await db.query('insert into organisations (id, name, kind) values ($1, $2, $3)', [id, trimmed, parsedKind?.data ?? null]);
  return { id, name: trimmed };
}

export type NewUser = { organisation: string; email: string; password: string; role: string; name?: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `passwordHash` lets tests skip the deliberately slow hashing. */
export async function createUser(db: Sql, user: NewUser, passwordHash?: string): Promise<Profile> {
  const email = user.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) throw new HttpError(400, `Adresse électronique invalide : ${user.email}`);
  const role = roleSchema.safeParse(user.role);
  if (!role.success) throw new HttpError(400, 'Rôle inconnu : chargé, encadrant ou administrateur.');
  const weak = passwordHash === undefined ? passwordProblem(user.password, email) : null;
  if (weak !== null) throw new HttpError(400, weak);
  const [org] = await db.query<{ id: string }>('select id from organisations where name = $1', [user.organisation.trim()]);
  if (!org) throw new HttpError(404, `Organisation « ${user.organisation} » introuvable : créez-la d’abord (create-org).`);
  const [taken] = await db.query('select 1 from users where email = $1', [email]);
  if (taken) throw new HttpError(409, `Un compte existe déjà pour ${email}.`);
  const id = randomUUID();
  const name = user.name?.trim() || email;
  // Tablets show the référent and binôme of a household by name: one name, one person.
  const [homonym] = await db.query('select 1 from users where organisation_id = $1 and lower(btrim(name)) = lower($2)', [org.id, name]);
  if (homonym) throw new HttpError(409, `Le nom « ${name} » est déjà celui d’un compte de l’organisation : choisissez-en un autre (par exemple avec l’initiale du nom).`);
  await db.query('insert into users (id, organisation_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)', [
    id,
    org.id,
    email,
    name,
    role.data satisfies Role,
    passwordHash ?? (await hashPassword(user.password)),
  ]);
  const profile = await findProfile(db, id);
  if (!profile) throw new Error('User vanished right after its creation');
  return profile;
}

const profileQuery = `select ${profileColumns}, u.password_hash from users u join organisations o on o.id = u.organisation_id`;

export async function findProfile(db: Sql, userId: string): Promise<Profile | null> {
  const [row] = await db.query<ProfileRow>(`${profileQuery} where u.id = $1`, [userId]);
  return row ? toProfile(row) : null;
}

export async function findLogin(db: Sql, email: string): Promise<{ profile: Profile; passwordHash: string; disabled: boolean } | null> {
  const [row] = await db.query<ProfileRow & { password_hash: string; disabled_at: Date | null }>(`select ${profileColumns}, u.password_hash, u.disabled_at from users u join organisations o on o.id = u.organisation_id where u.email = $1`, [email.trim().toLowerCase()]);
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
  const rows = await db.query<{ email: string; name: string; role: string; org: string; disabled_at: Date | null; last_login: Date | null }>(
    `select u.email, u.name, u.role, o.name as org, u.disabled_at,
       (select max(s.created_at) from sessions s where s.user_id = u.id) as last_login
     from users u join organisations o on o.id = u.organisation_id
     where $1::text is null or o.name = $1 order by o.name, u.name`,
    [organisation],
  );
  return rows.map((r) => ({ email: r.email, name: r.name, role: roleSchema.parse(r.role), organisation: r.org, disabled: r.disabled_at !== null, lastLogin: r.last_login ? new Date(r.last_login).toISOString() : null }));
}

export async function usersOfOrganisation(db: Sql, organisationId: string): Promise<{ id: string; name: string; email: string; role: Role }[]> {
  const rows = await db.query<{ id: string; name: string; email: string; role: string }>(
    'select id, name, email, role from users where organisation_id = $1 order by name',
    [organisationId],
  );
  return rows.map((r) => ({ ...r, role: roleSchema.parse(r.role) }));
}
