import { createHash, randomBytes } from 'node:crypto';
import type { Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { profileColumns, profileJoins, toProfile } from './profiles.ts';
import type { ProfileRow } from './profiles.ts';

// Sessions are random tokens; the database keeps only their hash, an idle expiry that slides with
// use, an absolute end that does not (a stolen token is not good forever), a revocation date, the
// device that opened it, and the erasure that device must perform when it was declared lost.
const IDLE_DAYS = 14;
/** However active, a session ends this long after login: the officer logs in again. */
export const ABSOLUTE_DAYS = 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The end of a session used now: its idle end, bounded by its absolute end. */
const nextExpiry = `least(now() + make_interval(days => ${IDLE_DAYS}), s.created_at + make_interval(days => ${ABSOLUTE_DAYS}))`;

/** The session's device is learnt from its first request that names one (`userOfSession`). */
export async function createSession(db: Sql, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(days => $3)) returning expires_at`,
    [hashToken(token), userId, IDLE_DAYS],
  );
  return { token, expiresAt: (row?.expires_at ?? new Date()).toISOString() };
}

/**
 * The user of a live session, or null; use pushes the idle expiry back (at most once an hour),
 * never past the absolute end. The device named by the request is remembered on a session that
 * did not know it, so that the device can be wiped later.
 */
export async function userOfSession(db: Sql, token: string, deviceId: string | null = null): Promise<Profile | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db.query<ProfileRow & { expires_at: Date; device_id: string | null }>(
    `select ${profileColumns}, s.expires_at, s.device_id from sessions s join users u on u.id = s.user_id ${profileJoins}
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null
       and s.created_at + make_interval(days => ${ABSOLUTE_DAYS}) > now()`,
    [hash],
  );
  if (!row) return null;
  const learnsDevice = deviceId !== null && row.device_id === null;
  if (learnsDevice || row.expires_at.getTime() < Date.now() + IDLE_DAYS * DAY_MS - HOUR_MS) {
    await db.query(`update sessions s set expires_at = ${nextExpiry}, device_id = coalesce(s.device_id, $2) where s.token_hash = $1`, [
      hash,
      deviceId,
    ]);
  }
  return toProfile(row);
}

export async function revokeSession(db: Sql, token: string): Promise<void> {
  await db.query('update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null', [hashToken(token)]);
}

export async function revokeUserSessions(db: Sql, userId: string): Promise<number> {
  const rows = await db.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null returning token_hash', [
    userId,
  ]);
  return rows.length;
}
