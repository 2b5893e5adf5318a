import type { Sql } from '../db/database.ts';

// Password guessing is slowed per account and client address: the first failures are free (a
// mistyped password), then each attempt must wait twice as long as the previous one, up to 15
// minutes. Neither an account nor an address is ever locked as a whole, so a guesser cannot lock
// an officer out, nor an office behind one address out of every account.
//
// An attempt is counted before the password is checked, in one statement that also decides
// whether it may go ahead: concurrent guesses queue on the row's lock, so no more than the free
// tries get through at once. The counter lives in the database: every server process sees it.

const FREE_TRIES = 5;
const FIRST_DELAY_SECONDS = 15;
const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER = '1 day';

export type LoginKeys = { email: string; ip: string };

const keyOf = ({ email, ip }: LoginKeys) => `${email}|${ip}`;

/** The wait, in SQL, that follows the `n`th counted attempt. */
const delayAfter = (n: string) =>
  `make_interval(secs => case when ${n} < ${FREE_TRIES} then 0 else least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, least(${n} - ${FREE_TRIES}, 20))) end)`;

/**
 * Counts an attempt to log in; null when it may go ahead, or the seconds to wait before the next
 * one may. A successful login forgets the count (`forgetLoginAttempts`).
 */
export async function claimLoginAttempt(db: Sql, keys: LoginKeys): Promise<number | null> {
  const key = keyOf(keys);
  const claimed = await db.query(
    `insert into login_attempts as t (key, attempts, next_allowed) values ($1, 1, clock_timestamp() + ${delayAfter('1')})
     on conflict (key) do update set
       attempts = case when t.next_allowed < clock_timestamp() - interval '${FORGET_AFTER}' then 1 else t.attempts + 1 end,
       next_allowed = clock_timestamp() + ${delayAfter(`case when t.next_allowed < clock_timestamp() - interval '${FORGET_AFTER}' then 1 else t.attempts + 1 end`)}
     where t.next_allowed <= clock_timestamp()
     returning 1`,
    [key],
  );
  if (claimed.length > 0) return null;
  const [row] = await db.query<{ wait: number }>(
    'select ceil(extract(epoch from next_allowed - clock_timestamp()))::int as wait from login_attempts where key = $1',
    [key],
  );
  return Math.max(1, row?.wait ?? 1);
}

export async function forgetLoginAttempts(db: Sql, keys: LoginKeys): Promise<void> {
  await db.query(`delete from login_attempts where key = $1 or next_allowed < clock_timestamp() - interval '${FORGET_AFTER}'`, [
    keyOf(keys),
  ]);
}
