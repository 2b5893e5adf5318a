import type { Sql } from '../db/database.ts';

// Password guessing is slowed by counting recent failures per email and per client address, in
// the database so that every server instance sees the same counts.
const WINDOW_MINUTES = 15;
const MAX_FAILURES = { email: 5, ip: 50 } as const;

export type LoginKeys = { email: string; ip: string };

const keysOf = ({ email, ip }: LoginKeys) => [`email:${email}`, `ip:${ip}`] as const;

export async function loginBlocked(db: Sql, keys: LoginKeys): Promise<boolean> {
  const [emailKey, ipKey] = keysOf(keys);
  const rows = await db.query<{ key: string; n: number }>(
    `select key, count(*)::int as n from login_failures where key in ($1, $2) and at > now() - make_interval(mins => $3) group by key`,
    [emailKey, ipKey, WINDOW_MINUTES],
  );
  const count = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  return count(emailKey) >= MAX_FAILURES.email || count(ipKey) >= MAX_FAILURES.ip;
}

export async function recordLoginFailure(db: Sql, keys: LoginKeys): Promise<void> {
  const [emailKey, ipKey] = keysOf(keys);
  await db.query('delete from login_failures where at < now() - make_interval(mins => $1)', [WINDOW_MINUTES]);
  await db.query('insert into login_failures (key) values ($1), ($2)', [emailKey, ipKey]);
}

export async function clearLoginFailures(db: Sql, keys: LoginKeys): Promise<void> {
  await db.query('delete from login_failures where key = $1', [keysOf(keys)[0]]);
}

export const LOGIN_RETRY_SECONDS = WINDOW_MINUTES * 60;
