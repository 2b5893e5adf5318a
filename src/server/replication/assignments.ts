import type { Profile } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { HttpError, forbidden } from '../http-error.ts';
import { nextSequence } from './sequence.ts';

// An encadrant gives a household to a chargé of the organisation, on top of the households she
// is référent or binôme of. The assignment takes a sequence so that her next pull sends the
// whole household; its withdrawal takes one so that her next pull has her device forget it.

async function checkAssignable(db: Database, actor: Profile, menageId: string, userId: string): Promise<void> {
  if (actor.role === 'chargé') throw new HttpError(403, 'Seuls les encadrants et administrateurs attribuent des ménages.');
  const [household] = await db.query(`select 1 from records where tbl = 'menages' and scope = '' and record_id = $1 and org_id = $2`, [
    menageId,
    actor.organisation.id,
  ]);
  const [user] = await db.query('select 1 from users where id = $1 and organisation_id = $2', [userId, actor.organisation.id]);
  if (!household || !user) throw forbidden();
}

export async function assignHousehold(db: Database, actor: Profile, menageId: string, userId: string): Promise<void> {
  await checkAssignable(db, actor, menageId, userId);
  await db.transaction(async (tx) => {
    const seq = await nextSequence(tx);
    await tx.query('insert into assignments (menage_id, user_id, assigned_by, seq) values ($1, $2, $3, $4) on conflict do nothing', [
      menageId,
      userId,
      actor.id,
      seq,
    ]);
  });
}

export async function unassignHousehold(db: Database, actor: Profile, menageId: string, userId: string): Promise<void> {
  await checkAssignable(db, actor, menageId, userId);
  await db.transaction(async (tx) => {
    const seq = await nextSequence(tx);
    await tx.query(
      `with gone as (delete from assignments where menage_id = $1 and user_id = $2 returning menage_id, user_id)
       insert into unassignments (menage_id, user_id, seq) select menage_id, user_id, $3 from gone`,
      [menageId, userId, seq],
    );
  });
}
