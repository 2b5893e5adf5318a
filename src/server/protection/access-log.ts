import type { AccessAction, AccessLog, Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { HttpError } from '../http-error.ts';

// Who read, changed, exported, printed or erased which household, from which device, and when
// (CNIL: access to social support files is logged and the log kept 6 to 12 months). The server
// writes the reads (pulled records, downloaded files), changes (pushes), its own exports and
// erasures; prints and exports made on a tablet come in its reports (`POST /api/v1/journal`).
// The log names households by id only: it holds no personal field.

/** How long an entry is kept before the daily purge removes it. */
export const ACCESS_LOG_MONTHS = 12;

export type AccessEntry = { menageId: string; action: AccessAction; at?: string };

/** One statement for any number of entries of one user and device. */
export async function recordAccess(db: Sql, actor: Profile, deviceId: string | null, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `insert into access_log (at, org_id, user_id, device_id, menage_id, action)
     select coalesce(e.at, now()), $1, $2, $3, e.menage_id, e.action
     from jsonb_to_recordset($4::jsonb) as e(menage_id text, action text, at timestamptz)`,
    [
      actor.organisation.id,
      actor.id,
      deviceId,
      JSON.stringify(entries.map((e) => ({ menage_id: e.menageId, action: e.action, at: e.at ?? null }))),
    ],
  );
}

/** The same action on each of these households. */
export const recordEach = (db: Sql, actor: Profile, deviceId: string | null, menageIds: Iterable<string>, action: AccessAction) =>
  recordAccess(
    db,
    actor,
    deviceId,
    [...new Set(menageIds)].map((menageId) => ({ menageId, action })),
  );

export type AccessQuery = { menageId?: string | undefined; userId?: string | undefined; limit?: number };

/** The organisation's log, newest first; for administrateurs only. */
export async function readAccessLog(db: Sql, actor: Profile, query: AccessQuery): Promise<AccessLog> {
  if (actor.role !== 'administrateur') throw new HttpError(403, 'Seuls les administrateurs consultent le journal des accès.');
  return accessLogOf(db, actor.organisation.id, query);
}

/** The log of one organisation (the admin command reads any), newest first. */
export async function accessLogOf(db: Sql, organisationId: string, query: AccessQuery): Promise<AccessLog> {
  const p = new Params();
  const where = [`l.org_id = ${p.add(organisationId)}`];
  if (query.menageId) where.push(`l.menage_id = ${p.add(query.menageId)}`);
  if (query.userId) where.push(`l.user_id = ${p.add(query.userId)}`);
  const rows = await db.query<{
    at: Date;
    user_id: string;
    name: string;
    device_id: string | null;
    menage_id: string;
    action: AccessAction;
  }>(
    `select l.at, l.user_id, u.name, l.device_id, l.menage_id, l.action from access_log l join users u on u.id = l.user_id
     where ${where.join(' and ')} order by l.at desc, l.id desc limit ${p.add(query.limit ?? 1000)}`,
    p.values,
  );
  return {
    entries: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      user: { id: r.user_id, name: r.name },
      deviceId: r.device_id,
      menageId: r.menage_id,
      action: r.action,
    })),
  };
}

const EXPIRED = `at < now() - make_interval(months => ${ACCESS_LOG_MONTHS})`;

/** How many entries the next purge removes. */
export async function expiredAccessEntries(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from access_log where ${EXPIRED}`);
  return row?.n ?? 0;
}

/** Removes the entries older than the retention of the log; returns how many. */
export async function purgeAccessLog(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `with gone as (delete from access_log where ${EXPIRED} returning 1) select count(*)::int as n from gone`,
  );
  return row?.n ?? 0;
}
