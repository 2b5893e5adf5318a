import { createHash, randomBytes } from 'node:crypto';
import type { Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { profileColumns, profileJoins, toProfile } from './profiles.ts';
import type { ProfileRow } from './profiles.ts';

// Sessions are random tokens; the database keeps only their hash, an expiry that slides with use
// (an officer may stay offline for weeks) and a revocation date.
const SESSION_DAYS = 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function createSession(db: Sql, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(days => $3)) returning expires_at`,
    [hashToken(token), userId, SESSION_DAYS],
  );
  return { token, expiresAt: (row?.expires_at ?? new Date()).toISOString() };
}

/** The user of a live session, or null; use pushes the expiry back (at most once an hour). */
export async function userOfSession(db: Sql, token: string): Promise<Profile | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db.query<ProfileRow & { expires_at: Date }>(
    `select ${profileColumns}, s.expires_at from sessions s join users u on u.id = s.user_id ${profileJoins}
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [hash],
  );
  if (!row) return null;
  if (row.expires_at.getTime() < Date.now() + SESSION_DAYS * DAY_MS - HOUR_MS) {
    await db.query('update sessions set expires_at = now() + make_interval(days => $2) where token_hash = $1', [hash, SESSION_DAYS]);
  }
  return toProfile(row);
}

export async function revokeSession(db: Sql, token: string): Promise<void> {
  await db.query('update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null', [hashToken(token)]);
}

export async function revokeUserSessions(db: Sql, userId: string): Promise<number> {
  const rows = await db.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null returning token_hash', [userId]);
  return rows.length;
}
