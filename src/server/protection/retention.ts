import type { Database, Sql } from '../db/database.ts';
import { eraseHouseholds } from './erasure.ts';

// Households whose follow-up is over are kept for a period set per organisation (24 months by
// default) after their last contact, then purged like an erasure: on the server, on the tablets
// at their next pull, files included (CNIL: data kept no longer than needed). Their follow-up is
// over when the file is closed (`clos`), deleted, or when the household is relocated and its
// satisfaction survey held with no courtesy visit left open. The last contact is the later of
// the household's « dernier contact » date and the last write to any of its records. What the
// indicators keep is a count per organisation, year of last contact and final step.

export type Expired = { menageId: string; organisationId: string; organisation: string; statut: string; lastContact: string };

const value = (tbl: string, field: string) => `(select f.value #>> '{}' from fields f where f.rid = ${tbl}.rid and f.field = '${field}')`;
const deleted = (tbl: string) =>
  `coalesce((select f.value = 'true'::jsonb from fields f where f.rid = ${tbl}.rid and f.field = 'supprime'), false)`;
const held = (tbl: string) => `(not ${deleted(tbl)} and ${value(tbl, 'issue')} in ('realisee', 'annulee'))`;

const EXPIRED = `
  with households as (
    select r.menage_id, r.org_id, o.name as org_name, o.retention_months,
      ${value('r', 'statut')} as statut, ${deleted('r')} as deleted, ${value('r', 'dernierContact')} as dernier_contact
    from records r join organisations o on o.id = r.org_id
    where r.tbl = 'menages' and ($1::uuid is null or r.org_id = $1)),
  ended as (
    select h.* from households h
    where h.deleted or h.statut = 'clos'
      or (h.statut in ('reloge', 'suivi')
          and exists (select 1 from records e where e.tbl = 'enquetes' and e.menage_id = h.menage_id and not ${deleted('e')} and ${value('e', 'issue')} = 'realisee')
          and exists (select 1 from records v where v.tbl = 'visites' and v.menage_id = h.menage_id and not ${deleted('v')})
          and not exists (select 1 from records v where v.tbl = 'visites' and v.menage_id = h.menage_id and not ${deleted('v')} and not ${held('v')}))),
  contact as (
    select e.*, greatest(
        (select max(left(f.hlc, 24))::timestamptz from records r join fields f on f.rid = r.rid where r.menage_id = e.menage_id),
        (case when e.dernier_contact ~ '^\\d{4}-\\d{2}-\\d{2}$' then e.dernier_contact::date end)::timestamptz) as last_contact
    from ended e)
  select menage_id, org_id, org_name, coalesce(statut, 'a_rencontrer') as statut, last_contact from contact
  where last_contact < now() - make_interval(months => retention_months)
  order by org_name, last_contact, menage_id`;

/** The households whose retention is over (of one organisation, or all), oldest contact first. */
export async function expiredHouseholds(db: Sql, organisationId: string | null = null): Promise<Expired[]> {
  const rows = await db.query<{ menage_id: string; org_id: string; org_name: string; statut: string; last_contact: Date }>(EXPIRED, [
    organisationId,
  ]);
  return rows.map((r) => ({
    menageId: r.menage_id,
    organisationId: r.org_id,
    organisation: r.org_name,
    statut: r.statut,
    lastContact: new Date(r.last_contact).toISOString(),
  }));
}

/** Households erased per transaction: a long purge never holds the sync for long. */
const BATCH = 100;

/** Purges the households whose retention is over; returns them. */
export async function purgeExpiredHouseholds(db: Database, organisationId: string | null = null): Promise<Expired[]> {
  const expired = await expiredHouseholds(db, organisationId);
  for (let i = 0; i < expired.length; i += BATCH) {
    const batch = expired.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      for (const org of new Set(batch.map((e) => e.organisationId))) {
        const households = batch.filter((e) => e.organisationId === org);
        await eraseHouseholds(
          tx,
          org,
          households.map((h) => h.menageId),
        );
        await tx.query(
          `insert into purged_counts (org_id, year, statut, households)
           select $1, extract(year from x.last_contact::timestamptz)::int, x.statut, count(*) from jsonb_to_recordset($2::jsonb) as x(last_contact text, statut text)
           group by 2, 3
           on conflict (org_id, year, statut) do update set households = purged_counts.households + excluded.households`,
          [org, JSON.stringify(households.map((h) => ({ last_contact: h.lastContact, statut: h.statut })))],
        );
      }
    });
  }
  return expired;
}

/** What the indicators keep of purged households. */
export async function purgedCounts(db: Sql, organisationId: string): Promise<{ year: number; statut: string; households: number }[]> {
  return db.query('select year, statut, households from purged_counts where org_id = $1 order by year, statut', [organisationId]);
}
