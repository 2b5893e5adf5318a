import type { Database } from '../db/database.ts';
import { purgeAccessLog } from './access-log.ts';
import { purgeExpiredHouseholds } from './retention.ts';

// The daily purges (access log older than 12 months, households past their retention), and on
// PGlite the planner's statistics, run by the server on a schedule and by the admin command.
// Several server processes may share one PostgreSQL: each tries to claim the day's run in one
// statement, and only the one that gets it runs it.

export type HousekeepingReport = { accessLogEntries: number; households: number; sessions: number };

const TASK = 'daily-purge';
/** A run claimed this recently is not claimed again. */
const MIN_HOURS_BETWEEN_RUNS = 20;

/** True when this process claimed the run (none ran within the last hours). */
async function claim(db: Database): Promise<boolean> {
  const rows = await db.query(
    `insert into housekeeping as h (task, last_run) values ($1, now())
     on conflict (task) do update set last_run = now() where h.last_run < now() - make_interval(hours => ${MIN_HOURS_BETWEEN_RUNS})
     returning 1`,
    [TASK],
  );
  return rows.length > 0;
}

/** Runs every purge now. */
export async function runPurges(db: Database): Promise<HousekeepingReport> {
  const accessLogEntries = await purgeAccessLog(db);
  const households = (await purgeExpiredHouseholds(db)).length;
  // Ended sessions are kept a year (a lost tablet's erasure order rides on them), then forgotten.
  const [gone] = await db.query<{ n: number }>(
    `with gone as (delete from sessions where expires_at < now() - interval '1 year' returning 1) select count(*)::int as n from gone`,
  );
  // PGlite runs no autovacuum: a server whose tables grew since its start would keep the plans of
  // its first hours (a partner's pull was seen 2× slower).
  if (db.kind === 'pglite') await db.exec('analyze');
  return { accessLogEntries, households, sessions: gone?.n ?? 0 };
}

/** The scheduled run: does the purges unless another process did them within the day; null when skipped. */
export async function runDailyPurges(db: Database): Promise<HousekeepingReport | null> {
  return (await claim(db)) ? runPurges(db) : null;
}

const CHECK_EVERY_MS = 60 * 60_000;

/** Tries the daily run at start and every hour; returns the function that stops it. */
export function scheduleDailyPurges(db: Database, report: (result: HousekeepingReport | Error) => void): () => void {
  let running: Promise<void> | null = null;
  const attempt = () => {
    running ??= runDailyPurges(db)
      .then(
        (r) => {
          if (r !== null) report(r);
        },
        (e: unknown) => report(e instanceof Error ? e : new Error(String(e))),
      )
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(attempt, 5_000);
  const timer = setInterval(attempt, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
