import type { Profile, PullResponse, ServerField } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { Params } from '../db/params.ts';
import { followedHouseholds, seesWholeOrganisation, visibleRecord } from './access.ts';
import { conflictsQuery } from './conflicts.ts';
import { HttpError } from '../http-error.ts';

// A pull hands out the fields written after the device's checkpoint, in sequence order, by pages,
// limited to what the user may see. Sequences are given in commit order, and a page reads one
// snapshot, so a checkpoint never passes a row that is still to commit. A household that the
// user started to follow after the checkpoint is sent whole, as it was never sent before.

type FieldRow = { tbl: string; record_id: string; field: string; value: unknown; hlc: string; seq: number };

const FIELD_SELECT = 'select r.tbl, r.record_id, f.field, f.value, f.hlc, f.seq from fields f join records r on r.rid = f.rid';

const toField = (row: FieldRow): ServerField => ({ table: row.tbl, recordId: row.record_id, field: row.field, value: row.value as ServerField['value'], hlc: row.hlc, seq: row.seq });

async function newlyFollowed(tx: Sql, actor: Profile, since: number, checkpoint: number): Promise<string[]> {
  if (seesWholeOrganisation(actor) || since === 0) return [];
  const p = new Params();
  const followed = followedHouseholds(actor, p);
  const rows = await tx.query<{ menage_id: string }>(`select menage_id from (${followed}) f where granted > ${p.add(since)} and granted <= ${p.add(checkpoint)}`, p.values);
  return rows.map((r) => r.menage_id);
}

export async function pull(db: Database, actor: Profile, since: number, limit: number, now: number): Promise<PullResponse> {
  return db.snapshot(async (tx) => {
    const [state] = await tx.query<{ seq: number }>('select seq from sync_state where id = 1');
    const upTo = state?.seq ?? 0;
    // Only a server restored from an older backup can be behind a device: tell it to start over.
    if (since > upTo) throw new HttpError(409, 'Le serveur a été restauré depuis la dernière synchronisation : une synchronisation complète est nécessaire (depuis 0).');
    const p = new Params();
    const rows = await tx.query<FieldRow>(
      `${FIELD_SELECT} where f.seq > ${p.add(since)} and f.seq <= ${p.add(upTo)} and ${visibleRecord(actor, p)} order by f.seq limit ${p.add(limit + 1)}`,
      p.values,
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const checkpoint = hasMore ? (page.at(-1)?.seq ?? since) : upTo;

    const shared = await newlyFollowed(tx, actor, since, checkpoint);
    const earlier = shared.length === 0 ? [] : await tx.query<FieldRow>(`${FIELD_SELECT} where r.menage_id = any($1::text[]) and f.seq <= $2 order by f.seq`, [shared, since]);

    const c = new Params();
    const inPage = `(c.seq > ${c.add(since)} and c.seq <= ${c.add(checkpoint)} and ${visibleRecord(actor, c)})`;
    const earlierOpen = shared.length === 0 ? '' : ` or (r.menage_id = any(${c.add(shared)}::text[]) and c.seq <= ${c.add(since)} and c.acknowledged_at is null)`;
    const conflicts = await conflictsQuery(tx, `${inPage}${earlierOpen}`, c.values);

    return { changes: [...page, ...earlier].map(toField), conflicts, checkpoint, hasMore, serverTime: new Date(now).toISOString() };
  });
}
