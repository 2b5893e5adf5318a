import { randomUUID } from 'node:crypto';
import { MAX_CLOCK_AHEAD_MS, checkChange } from '../../sync/index.ts';
import type { Change, Conflict, Profile, PushRequest, PushResponse } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { conflictsQuery } from './conflicts.ts';
import { loadBatch } from './load.ts';
import { planBatch } from './plan.ts';
import { lockSequence } from './sequence.ts';
import { writePlan } from './write.ts';

// A push applies a batch of field changes all or nothing. Each change id is applied once: a
// replayed change (the answer to an earlier push was lost) is acknowledged again and changes
// nothing. Anything refused (invalid value, clock too far ahead, no right) refuses the whole
// batch, naming the changes at fault so that the device can set them aside.

function checkAll(changes: readonly Change[], now: number): void {
  const invalid = changes.flatMap((c) => {
    const error = checkChange(c, now, MAX_CLOCK_AHEAD_MS);
    return error === null ? [] : [{ changeId: c.changeId, error }];
  });
  if (invalid.length > 0) throw new HttpError(400, `${invalid.length} modification(s) invalide(s) : rien n’a été enregistré.`, invalid);
}

/** The changes of the batch not applied before, each once, in batch order. */
async function unapplied(tx: Sql, changes: readonly Change[]): Promise<Change[]> {
  const ids = [...new Set(changes.map((c) => c.changeId))];
  const done = await tx.query<{ change_id: string }>('select change_id from applied_changes where change_id = any($1::uuid[])', [ids]);
  const seen = new Set(done.map((r) => r.change_id));
  return changes.filter((c) => {
    const id = c.changeId.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export async function applyChanges(db: Database, actor: Profile, deviceId: string, changes: readonly Change[], now: number): Promise<Conflict[]> {
  checkAll(changes, now);
  return db.transaction(async (tx) => {
    const seq = await lockSequence(tx);
    const fresh = await unapplied(tx, changes);
    if (fresh.length === 0) return [];
    const plan = planBatch(await loadBatch(tx, actor, fresh), actor, fresh, seq, randomUUID);
    if (plan.rejected.length > 0) throw new HttpError(403, 'Accès refusé : rien n’a été enregistré.', plan.rejected);
    await writePlan(tx, plan, { userId: actor.id, deviceId, changeIds: fresh.map((c) => c.changeId) });
    return plan.conflicts.length === 0 ? [] : conflictsQuery(tx, 'c.id = any($1::uuid[])', [plan.conflicts.map((c) => c.id)]);
  });
}

export async function push(db: Database, actor: Profile, request: PushRequest, now: number): Promise<PushResponse> {
  const conflicts = await applyChanges(db, actor, request.deviceId, request.changes, now);
  return { ackedChangeIds: [...new Set(request.changes.map((c) => c.changeId))], conflicts, serverTime: new Date(now).toISOString() };
}
