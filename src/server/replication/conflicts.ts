import { conflictSchema, isRealHlc, parseHlc } from '../../sync/index.ts';
import type { Conflict, Profile } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { forbidden } from '../http-error.ts';
import { visibleRecords } from './access.ts';
import { nextSequence } from './sequence.ts';

// The conflict log: every concurrent value that lost, with both authors and times, kept until
// someone acknowledges it. Conflicts travel with pulls (so they show offline) and can be listed
// per household, under the same rules as the pull: a conflict on a field the user may not read
// (another team's named sheet) is neither listed nor acknowledged by them.

/** One conflict as a JSON object, from conflicts `c` joined to records `r` (see CONFLICT_JOINS). */
export const CONFLICT_JSON = `json_build_object(
  'id', c.id, 'seq', c.seq, 'table', r.tbl, 'recordId', r.record_id, 'menageId', r.menage_id, 'field', c.field,
  'winnerValue', c.winner_value, 'winnerHlc', c.winner_hlc, 'winnerAuthor', wu.name,
  'loserValue', c.loser_value, 'loserHlc', c.loser_hlc, 'loserAuthor', lu.name,
  'detectedAt', c.detected_at, 'acknowledgedBy', au.name, 'acknowledgedAt', c.acknowledged_at)`;

export const CONFLICT_JOINS = `conflicts c join records r on r.rid = c.rid
  join users wu on wu.id = c.winner_author join users lu on lu.id = c.loser_author
  left join users au on au.id = c.acknowledged_by`;

export type ConflictJson = {
  id: string;
  seq: number;
  table: string;
  recordId: string;
  menageId: string | null;
  field: string;
  winnerValue: unknown;
  winnerHlc: string;
  winnerAuthor: string;
  loserValue: unknown;
  loserHlc: string;
  loserAuthor: string;
  detectedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
};

const iso = (time: string) => new Date(time).toISOString();
// A conflict logged before clocks were checked may carry an impossible one: it shows when it was detected.
const timeOf = (hlc: string, detectedAt: string) => (isRealHlc(hlc) ? new Date(parseHlc(hlc).millis).toISOString() : iso(detectedAt));

export function toConflict(row: ConflictJson): Conflict {
  return conflictSchema.parse({
    id: row.id,
    seq: row.seq,
    table: row.table,
    recordId: row.recordId,
    menageId: row.menageId,
    field: row.field,
    winner: { value: row.winnerValue, hlc: row.winnerHlc, author: row.winnerAuthor, at: timeOf(row.winnerHlc, row.detectedAt) },
    loser: { value: row.loserValue, hlc: row.loserHlc, author: row.loserAuthor, at: timeOf(row.loserHlc, row.detectedAt) },
    detectedAt: iso(row.detectedAt),
    acknowledged: row.acknowledgedAt === null ? null : { by: row.acknowledgedBy ?? '', at: iso(row.acknowledgedAt) },
  });
}

/** Conflicts not yet acknowledged that the user may see, of one household or of all. */
export async function openConflicts(db: Database, actor: Profile, menageId: string | null): Promise<Conflict[]> {
  const p = new Params();
  const visible = visibleRecords(actor, p);
  const household = menageId === null ? '' : ` and r.menage_id = ${p.add(menageId)}`;
  const rows = await db.query<{ conflict: ConflictJson }>(
    `${visible.with} select ${CONFLICT_JSON} as conflict from ${CONFLICT_JOINS}
     where c.acknowledged_at is null and ${visible.where} and ${visible.fieldVisible('c.field')}${household} order by c.seq`,
    p.values,
  );
  if (menageId !== null && rows.length === 0) await assertHouseholdVisible(db, actor, menageId);
  return rows.map((r) => toConflict(r.conflict));
}

async function assertHouseholdVisible(db: Database, actor: Profile, menageId: string): Promise<void> {
  const p = new Params();
  const visible = visibleRecords(actor, p);
  const rows = await db.query(
    `${visible.with} select 1 from records r where r.tbl = 'menages' and r.scope = '' and r.record_id = ${p.add(menageId)} and ${visible.where}`,
    p.values,
  );
  if (rows.length === 0) throw forbidden();
}

/** Marks a conflict as seen; it reaches every device through the next pull. */
export async function acknowledgeConflict(db: Database, actor: Profile, conflictId: string): Promise<Conflict> {
  return db.transaction(async (tx) => {
    const seq = await nextSequence(tx);
    const p = new Params();
    const visible = visibleRecords(actor, p);
    const id = p.add(conflictId);
    const [target] = await tx.query(
      `${visible.with} select 1 from conflicts c join records r on r.rid = c.rid where c.id = ${id} and ${visible.where} and ${visible.fieldVisible('c.field')}`,
      p.values,
    );
    if (!target) throw forbidden();
    await tx.query(
      'update conflicts set acknowledged_by = $2, acknowledged_at = now(), seq = $3 where id = $1 and acknowledged_at is null',
      [conflictId, actor.id, seq],
    );
    const [row] = await tx.query<{ conflict: ConflictJson }>(`select ${CONFLICT_JSON} as conflict from ${CONFLICT_JOINS} where c.id = $1`, [
      conflictId,
    ]);
    if (!row) throw forbidden();
    return toConflict(row.conflict);
  });
}
