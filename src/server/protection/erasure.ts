import type { Profile } from '../../sync/index.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError, forbidden } from '../http-error.ts';
import { nextSequence } from '../replication/sequence.ts';
import { recordEach } from './access-log.ts';

// Erasing a household deletes it for real (RGPD art. 17): its records and fields, the values its
// conflicts kept, its assignments, and the files only it names. What stays is its id with the
// sequence of its erasure: devices that held it are told at their next pull to forget it (a
// notice without any personal field), and a device that still holds changes to it may not
// write it again.

/** Inside a transaction: erases these households of the organisation; returns those that existed. */
export async function eraseHouseholds(tx: Sql, organisationId: string, menageIds: readonly string[]): Promise<string[]> {
  if (menageIds.length === 0) return [];
  const seq = await nextSequence(tx);
  // Data-modifying parts of one statement all run, referenced or not, on the same snapshot.
  const [row] = await tx.query<{ erased: string[]; hashes: string[] }>(
    `with target as (select rid, menage_id from records where org_id = $1 and menage_id = any($2::text[])),
     bytes as (select coalesce(sum(octet_length(f.value::text)), 0) as n from fields f where f.rid in (select rid from target)),
     used as (update organisation_usage set field_bytes = field_bytes - (select n from bytes) where org_id = $1),
     conflicts_gone as (delete from conflicts where rid in (select rid from target)),
     fields_gone as (delete from fields where rid in (select rid from target)),
     values_gone as (delete from record_values where rid in (select rid from target)),
     facts_gone as (delete from proposal_facts where rid in (select rid from target)),
     rows_gone as (delete from report_rows where rid in (select rid from target)),
     refs_gone as (delete from blob_refs where rid in (select rid from target) returning hash),
     records_gone as (delete from records where rid in (select rid from target)),
     assignments_gone as (delete from assignments where menage_id in (select menage_id from target)),
     unassignments_gone as (delete from unassignments where menage_id in (select menage_id from target)),
     noted as (
       insert into erased_households (menage_id, org_id, seq) select distinct menage_id, $1::uuid, $3::bigint from target
       on conflict (menage_id) do nothing returning menage_id)
     select coalesce((select json_agg(menage_id) from noted), '[]') as erased,
       coalesce((select json_agg(distinct hash) from refs_gone), '[]') as hashes`,
    [organisationId, [...menageIds], seq],
  );
  await deleteOrphanFiles(tx, row?.hashes ?? []);
  return row?.erased ?? [];
}

/** Of the files the erased records named, those no other record names any more. */
async function deleteOrphanFiles(tx: Sql, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await tx.query(
    `with orphan as (select h from unnest($1::text[]) as h where not exists (select 1 from blob_refs r where r.hash = h)),
     uploads_gone as (delete from blob_uploads where hash in (select h from orphan))
     delete from blobs where hash in (select h from orphan)`,
    [[...hashes]],
  );
}

/** Erases one household of the actor's organisation (encadrants and administrateurs). */
export async function eraseHousehold(db: Database, actor: Profile, menageId: string, deviceId: string | null): Promise<void> {
  if (actor.role === 'chargé') throw new HttpError(403, 'Seuls les encadrants et administrateurs effacent un ménage.');
  await db.transaction(async (tx) => {
    const [known] = await tx.query('select 1 from records where tbl = $1 and record_id = $2 and org_id = $3', [
      'menages',
      menageId,
      actor.organisation.id,
    ]);
    if (!known) throw forbidden();
    await eraseHouseholds(tx, actor.organisation.id, [menageId]);
    await recordEach(tx, actor, deviceId, [menageId], 'effacement');
  });
}
