import type { Profile } from '../../sync/index.ts';
import type { Params } from '../db/params.ts';

// Who sees what. Encadrants and administrateurs see every record of their organisation. A chargé
// sees the organisation's reference data and the households she follows: those whose référent or
// binôme is her account (`referentId`, `binomeId`: ids, never names) and those an encadrant
// assigned to her. Having created a household gives nothing by itself: the server makes its
// creator its référente, and an encadrant may give it to someone else. For each, `granted` is the
// sequence from which she has seen it without a break: a pull whose checkpoint is older re-sends
// the whole household.

export const seesWholeOrganisation = (actor: Profile) => actor.role !== 'chargé';

/** SQL selecting (menage_id, granted) for the households a chargé follows. */
function followedHouseholds(actor: Profile, p: Params): string {
  const org = p.add(actor.organisation.id);
  const user = p.add(actor.id);
  // Starts from the fields that name her (an index), then looks up each one's record: the
  // fence (offset 0) and the lateral join keep the planner from scanning every household.
  return `
    select menage_id, min(granted) as granted from (
      select r.menage_id, named.seq as granted
        from (select rid, seq from fields
              where field in ('referentId', 'binomeId') and value #>> '{}' = ${p.add(actor.id)}::text
              offset 0) named
        cross join lateral (select menage_id, tbl, org_id from records where rid = named.rid offset 0) r
        where r.tbl = 'menages' and r.org_id = ${org}
      union all
      select a.menage_id, a.seq from assignments a where a.user_id = ${user}
    ) sources group by menage_id`;
}

export type Visibility = {
  /** Common table expressions to put after `with` (ending with a comma), possibly empty. */
  ctes: string;
  /** A condition on records aliased `r`: the actor may see them. */
  where: string;
  /** The name of the CTE of followed households (menage_id, granted), null when all are seen. */
  followed: string | null;
};

/** `followed as (…),` for a chargé, to put after `with`; empty for who sees the whole organisation. */
export const followedCte = (actor: Profile, p: Params): string => (seesWholeOrganisation(actor) ? '' : `followed as (${followedHouseholds(actor, p)}),`);

export function visibility(actor: Profile, p: Params): Visibility {
  const org = `r.org_id = ${p.add(actor.organisation.id)}`;
  if (seesWholeOrganisation(actor)) return { ctes: '', where: org, followed: null };
  return {
    ctes: followedCte(actor, p),
    where: `(${org} and (r.menage_id is null or r.menage_id in (select menage_id from followed)))`,
    followed: 'followed',
  };
}

/** `with …` and a condition on records `r`, for queries that only filter by visibility. */
export function visibleRecords(actor: Profile, p: Params): { with: string; where: string } {
  const v = visibility(actor, p);
  return { with: v.ctes === '' ? '' : `with ${v.ctes.replace(/,\s*$/, '')}`, where: v.where };
}
