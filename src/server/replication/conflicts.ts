import { conflictSchema, parseHlc } from '../../sync/index.ts';
import type { Conflict, Profile } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { forbidden } from '../http-error.ts';
import { visibleRecord } from './access.ts';
import { nextSequence } from './sequence.ts';

// The conflict log: every concurrent value that lost, with both authors and times, kept until
// someone acknowledges it. Conflicts travel with pulls (so they show offline) and can be listed
// per household.

type ConflictRow = {
  id: string;
  seq: number;
  tbl: string;
  record_id: string;
  menage_id: string | null;
  field: string;
  winner_value: unknown;
  winner_hlc: string;
  winner_name: string;
  loser_value: unknown;
  loser_hlc: string;
  loser_name: string;
  detected_at: Date;
  ack_name: string | null;
  acknowledged_at: Date | null;
};

export const CONFLICT_SELECT = `
  select c.id, c.seq, r.tbl, r.record_id, r.menage_id, c.field,
    c.winner_value, c.winner_hlc, wu.name as winner_name, c.loser_value, c.loser_hlc, lu.name as loser_name,
    c.detected_at, au.name as ack_name, c.acknowledged_at
  from conflicts c join records r on r.rid = c.rid
    join users wu on wu.id = c.winner_author join users lu on lu.id = c.loser_author
    left join users au on au.id = c.acknowledged_by`;

const timeOf = (hlc: string) => new Date(parseHlc(hlc).millis).toISOString();

export function toConflict(row: ConflictRow): Conflict {
  return conflictSchema.parse({
    id: row.id,
    seq: row.seq,
    table: row.tbl,
    recordId: row.record_id,
    menageId: row.menage_id,
    field: row.field,
    winner: { value: row.winner_value, hlc: row.winner_hlc, author: row.winner_name, at: timeOf(row.winner_hlc) },
    loser: { value: row.loser_value, hlc: row.loser_hlc, author: row.loser_name, at: timeOf(row.loser_hlc) },
    detectedAt: row.detected_at.toISOString(),
    acknowledged: row.acknowledged_at === null ? null : { by: row.ack_name ?? '', at: row.acknowledged_at.toISOString() },
  });
}

export async function conflictsQuery(tx: Sql, where: string, params: unknown[]): Promise<Conflict[]> {
  return (await tx.query<ConflictRow>(`${CONFLICT_SELECT} where ${where} order by c.seq`, params)).map(toConflict);
}

/** Conflicts not yet acknowledged that the user may see, of one household or of all. */
export async function openConflicts(db: Database, actor: Profile, menageId: string | null): Promise<Conflict[]> {
  const p = new Params();
  const visible = visibleRecord(actor, p);
  const household = menageId === null ? '' : ` and r.menage_id = ${p.add(menageId)}`;
  const conflicts = await conflictsQuery(db, `c.acknowledged_at is null and ${visible}${household}`, p.values);
  if (menageId !== null && conflicts.length === 0) await assertHouseholdVisible(db, actor, menageId);
  return conflicts;
}

export async function assertHouseholdVisible(db: Sql, actor: Profile, menageId: string): Promise<void> {
  const p = new Params();
  const rows = await db.query(`select 1 from records r where r.tbl = 'menages' and r.scope = '' and r.record_id = ${p.add(menageId)} and ${visibleRecord(actor, p)}`, p.values);
  if (rows.length === 0) throw forbidden();
}

/** Marks a conflict as seen; it reaches every device through the next pull. */
export async function acknowledgeConflict(db: Database, actor: Profile, conflictId: string): Promise<Conflict> {
  return db.transaction(async (tx) => {
    const seq = await nextSequence(tx);
    const p = new Params();
    const id = p.add(conflictId);
    const [target] = await tx.query<{ id: string }>(`select c.id from conflicts c join records r on r.rid = c.rid where c.id = ${id} and ${visibleRecord(actor, p)}`, p.values);
    if (!target) throw forbidden();
    await tx.query('update conflicts set acknowledged_by = $2, acknowledged_at = now(), seq = $3 where id = $1 and acknowledged_at is null', [conflictId, actor.id, seq]);
    const [conflict] = await conflictsQuery(tx, 'c.id = $1', [conflictId]);
    if (!conflict) throw forbidden();
    return conflict;
  });
}
