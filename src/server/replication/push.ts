import { randomUUID } from 'node:crypto';
import { REFUS_BAILLEUR_INCONNU } from '../../domain/index.ts';
import { MAX_CLOCK_AHEAD_MS, checkChange } from '../../sync/index.ts';
import type { Change, Conflict, Profile, PushRequest, PushResponse } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { unreadableBlobs } from '../blobs.ts';
import { HttpError } from '../http-error.ts';
import { blobHashesOf } from './blob-hashes.ts';
import { toConflict } from './conflicts.ts';
import { loadBatch } from './load.ts';
import { planBatch } from './plan.ts';
import { ORIGIN_NOT_LANDLORD } from './pooled-rules.ts';
import type { Plan } from './plan.ts';
import { lockSequence } from './sequence.ts';
import { writePlan } from './write.ts';
import { plannedFacts } from '../pilotage/facts.ts';
import { plannedRows } from '../pilotage/rows.ts';

// A push applies a batch of field changes all or nothing. Each change id is applied once: a
// replayed change (the answer to an earlier push was lost) is acknowledged again and changes
// nothing. Anything refused (invalid value, clock too far ahead, no right) refuses the whole
// batch, naming the changes at fault so that the device can set them aside.

/** The changes with their values as parsed: what is stored, never what was sent. */
function checkAll(changes: readonly Change[], now: number): Change[] {
  const parsed: Change[] = [];
  const invalid: { changeId: string; error: string }[] = [];
  for (const change of changes) {
    const result = checkChange(change, now, MAX_CLOCK_AHEAD_MS);
    if (result.ok) parsed.push({ ...change, value: result.value as Change['value'] });
    else invalid.push({ changeId: change.changeId, error: result.error });
  }
  if (invalid.length > 0) throw new HttpError(400, `${invalid.length} modification(s) invalide(s) : rien n’a été enregistré.`, invalid);
  return parsed;
}

/**
 * The changes not applied before, each once, in batch order. A change id applied for another
 * user is refused: a replay is acknowledged only to whoever made the change.
 */
function unapplied(changes: readonly Change[], applied: ReadonlyMap<string, string>, actor: Profile): Change[] {
  const foreign = changes.filter((c) => (applied.get(c.changeId.toLowerCase()) ?? actor.id) !== actor.id);
  if (foreign.length > 0)
    throw new HttpError(
      403,
      'Accès refusé : rien n’a été enregistré.',
      foreign.map((c) => ({ changeId: c.changeId, error: 'Accès refusé.' })),
    );
  const seen = new Set(applied.keys());
  return changes.filter((c) => {
    const id = c.changeId.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Refuses the changes naming a blob their author may not read: naming a blob shares it with
 * whoever sees the record, so knowing a hash must not be enough. The same words whether the blob
 * does not exist or belongs to someone else.
 */
async function checkBlobNames(tx: Sql, actor: Profile, changes: readonly Change[]): Promise<void> {
  const naming = changes.map((change) => ({ change, hashes: blobHashesOf(change) })).filter((n) => n.hashes.length > 0);
  const unreadable = await unreadableBlobs(
    tx,
    actor,
    naming.flatMap((n) => n.hashes),
  );
  const refused = naming.filter((n) => n.hashes.some((h) => unreadable.has(h)));
  if (refused.length > 0) {
    throw new HttpError(
      403,
      'Accès refusé : rien n’a été enregistré.',
      refused.map((n) => ({
        changeId: n.change.changeId,
        error: 'Fichier inconnu du serveur : il doit être envoyé avant la pièce qui le nomme.',
      })),
    );
  }
}

/**
 * Refuses the changes that would bring an erased household back: a device that held it writes
 * it again before its next pull tells it the household is gone. Its records are created with
 * their household's id, so the changes naming an erased id as record or household are those.
 */
async function refuseErased(tx: Sql, changes: readonly Change[]): Promise<void> {
  const named = (c: Change) =>
    c.table === 'menages' ? c.recordId : c.field === 'menageId' && typeof c.value === 'string' ? c.value : null;
  const ids = [...new Set(changes.map(named).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const erased = new Set(
    (await tx.query<{ menage_id: string }>('select menage_id from erased_households where menage_id = any($1::text[])', [ids])).map(
      (r) => r.menage_id,
    ),
  );
  const refused = changes.filter((c) => erased.has(named(c) ?? ''));
  if (refused.length > 0)
    throw new HttpError(
      403,
      'Ménage effacé : rien n’a été enregistré.',
      refused.map((c) => ({
        changeId: c.changeId,
        error: 'Ce ménage a été effacé du serveur : la modification ne peut plus être enregistrée.',
      })),
    );
}

/**
 * The landlord organisation a change names, and the message when it is not a landlord of the
 * pusher's territory: a position's demolishing landlord (`bailleurOrigineId`, charte step 11),
 * whose copy would go to an organisation the household's reply must not reach; a yearly review's
 * landlord entry (objective, total lettings), kept under its organisation's id; an offer's landlord,
 * whose relocations count towards its objective.
 */
function namedLandlord(c: Change): { id: string; refusal: string } | null {
  if (c.table === 'positionnements' && c.field === 'bailleurOrigineId' && typeof c.value === 'string')
    return { id: c.value, refusal: ORIGIN_NOT_LANDLORD };
  if (c.table === 'offres' && c.field === 'bailleurId' && typeof c.value === 'string')
    return { id: c.value, refusal: REFUS_BAILLEUR_INCONNU };
  const entry = c.table === 'bilansAnnuels' && /^(objectifs|attributions)\./.test(c.field) && typeof c.value === 'object' ? c.value : null;
  if (entry === null || !('organisationId' in entry) || typeof entry.organisationId !== 'string') return null;
  return { id: entry.organisationId, refusal: REFUS_BAILLEUR_INCONNU };
}

/** Refuses a batch whose changes name as a landlord an organisation that is not a landlord of the pusher's territory. */
async function refuseForeignLandlords(tx: Sql, actor: Profile, changes: readonly Change[]): Promise<void> {
  const naming = changes.flatMap((c) => {
    const named = namedLandlord(c);
    return named ? [{ change: c, ...named }] : [];
  });
  if (naming.length === 0) return;
  const landlords = new Set(
    (
      await tx.query<{ id: string }>(
        `select id::text as id from organisations where id::text = any($1::text[]) and territory_id = $2 and kind = 'bailleur'`,
        [[...new Set(naming.map((n) => n.id))], actor.organisation.territory?.id ?? null],
      )
    ).map((r) => r.id),
  );
  // A landlord attached to no territory still names itself.
  const itself = (id: string) => id === actor.organisation.id && actor.organisation.kind === 'bailleur';
  const refused = naming.filter((n) => !landlords.has(n.id) && !itself(n.id));
  if (refused.length > 0)
    throw new HttpError(
      403,
      'Accès refusé : rien n’a été enregistré.',
      refused.map((n) => ({ changeId: n.change.changeId, error: n.refusal })),
    );
}

function conflictsOf(plan: Plan, names: ReadonlyMap<string, string>, detectedAt: string): Conflict[] {
  return plan.conflicts.map((c) =>
    toConflict({
      id: c.id,
      seq: c.seq,
      table: c.record.table,
      recordId: c.record.recordId,
      menageId: c.record.menageId,
      field: c.field,
      winnerValue: c.winner.value,
      winnerHlc: c.winner.hlc,
      winnerAuthor: names.get(c.winner.author) ?? '',
      loserValue: c.loser.value,
      loserHlc: c.loser.hlc,
      loserAuthor: names.get(c.loser.author) ?? '',
      detectedAt,
      acknowledgedBy: null,
      acknowledgedAt: null,
    }),
  );
}

/** Bytes of field values an organisation may store unless configured otherwise (ORG_QUOTA_MB). */
export const DEFAULT_ORG_QUOTA_BYTES = 1024 ** 3;

const overQuota = () =>
  new HttpError(
    507,
    'Espace de stockage de votre organisation plein : rien n’a été enregistré. Prévenez l’administrateur du serveur ; vos modifications restent sur la tablette.',
  );

/**
 * Applies the changes not applied before; returns the conflicts they raised. A batch that adds
 * field bytes and leaves the organisation over `quotaBytes` is refused whole; one that frees space
 * always passes.
 */
export async function applyChanges(
  db: Database,
  actor: Profile,
  deviceId: string,
  sent: readonly Change[],
  now: number,
  quotaBytes = DEFAULT_ORG_QUOTA_BYTES,
): Promise<{ conflicts: Conflict[]; overruled: { changeId: string; error: string }[] }> {
  const changes = checkAll(sent, now);
  const detectedAt = new Date(now).toISOString();
  return db.transaction(async (tx) => {
    const seq = await lockSequence(tx);
    const state = await loadBatch(tx, actor, changes);
    const fresh = unapplied(changes, state.applied, actor);
    if (fresh.length === 0) return { conflicts: [], overruled: [] };
    await checkBlobNames(tx, actor, fresh);
    await refuseErased(tx, fresh);
    await refuseForeignLandlords(tx, actor, fresh);
    const plan = planBatch(state, actor, fresh, seq, randomUUID);
    if (plan.rejected.length > 0) throw new HttpError(403, 'Accès refusé : rien n’a été enregistré.', plan.rejected);
    const changed = [...plan.writes.values()].map((w) => w.record.menageId).filter((id): id is string => id !== null);
    const usage = await writePlan(
      tx,
      plan,
      { orgId: actor.organisation.id, userId: actor.id, deviceId, changeIds: fresh.map((c) => c.changeId), detectedAt },
      changed,
      plannedFacts(plan.writes.values(), state.derivedValues),
      plannedRows(plan.writes.values(), state.derivedValues),
    );
    // Thrown inside the transaction, the refusal rolls the whole batch back.
    if (usage.addedBytes > 0 && usage.fieldBytes > quotaBytes) throw overQuota();
    return { conflicts: conflictsOf(plan, state.names, detectedAt), overruled: plan.overruled };
  });
}

export async function push(db: Database, actor: Profile, request: PushRequest, now: number, quotaBytes: number): Promise<PushResponse> {
  const { conflicts, overruled } = await applyChanges(db, actor, request.deviceId, request.changes, now, quotaBytes);
  return {
    ackedChangeIds: [...new Set(request.changes.map((c) => c.changeId))],
    conflicts,
    overruled,
    serverTime: new Date(now).toISOString(),
  };
}
