import { randomUUID } from 'node:crypto';
import type { Profile, WipeReason } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError, forbidden } from '../http-error.ts';
import { hashToken } from './sessions.ts';

// A tablet declared lost, or every tablet of a user who left: their sessions are revoked at once,
// and each keeps the erasure order, so that the tablet's next contact with its old token is
// answered « erase everything » with the reason, instead of a plain « log in again ».

export const WIPE_MESSAGES: Record<WipeReason, string> = {
  perdue: 'Cette tablette a été déclarée perdue par votre encadrant : toutes les données qu’elle contenait ont été effacées.',
  depart: 'Votre compte a été fermé par votre encadrant : toutes les données de cette tablette ont été effacées.',
};

/** Someone who may declare devices and users of the actor's organisation: an encadrant or an administrateur. */
async function checkManages(db: Sql, actor: Profile, userId: string): Promise<void> {
  if (actor.role === 'chargé')
    throw new HttpError(403, 'Seuls les encadrants et administrateurs déclarent une tablette perdue ou un départ.');
  const [user] = await db.query('select 1 from users where id = $1 and organisation_id = $2', [userId, actor.organisation.id]);
  if (!user) throw forbidden();
}

async function orderWipe(tx: Sql, actor: Profile, userId: string, deviceId: string | null, reason: WipeReason): Promise<number> {
  const id = randomUUID();
  await tx.query('insert into device_wipes (id, org_id, user_id, device_id, reason, requested_by) values ($1, $2, $3, $4, $5, $6)', [
    id,
    actor.organisation.id,
    userId,
    deviceId,
    reason,
    actor.id,
  ]);
  const sessions = await tx.query(
    `update sessions set wipe_id = $1, revoked_at = coalesce(revoked_at, now())
     where user_id = $2 and ($3::text is null or device_id = $3) and expires_at > now() - interval '1 year' returning 1`,
    [id, userId, deviceId],
  );
  return sessions.length;
}

/** A tablet lost: its sessions end, and it erases its data at its next contact. */
export async function declareDeviceLost(db: Database, actor: Profile, userId: string, deviceId: string): Promise<void> {
  await checkManages(db, actor, userId);
  await db.transaction((tx) => orderWipe(tx, actor, userId, deviceId, 'perdue'));
}

/** A user gone: the account is disabled, and each of its tablets erases its data at its next contact. */
export async function declareUserGone(db: Database, actor: Profile, userId: string): Promise<void> {
  await checkManages(db, actor, userId);
  if (userId === actor.id) throw new HttpError(400, 'Vous ne pouvez pas déclarer votre propre départ.');
  await db.transaction(async (tx) => {
    await tx.query('update users set disabled_at = coalesce(disabled_at, now()) where id = $1', [userId]);
    await orderWipe(tx, actor, userId, null, 'depart');
  });
}

/** The erasure ordered for the session of this token, noted as delivered; null when there is none. */
export async function wipeOfToken(db: Sql, token: string): Promise<WipeReason | null> {
  const [row] = await db.query<{ reason: WipeReason }>(
    `update device_wipes w set delivered_at = coalesce(w.delivered_at, now())
     from sessions s where s.token_hash = $1 and s.wipe_id = w.id returning w.reason`,
    [hashToken(token)],
  );
  return row?.reason ?? null;
}

/** Answers a request from a device that must erase its data. */
export class WipeRequired extends HttpError {
  constructor(readonly reason: WipeReason) {
    super(410, WIPE_MESSAGES[reason]);
  }

  override get body() {
    return { error: this.message, wipe: { reason: this.reason } };
  }
}
