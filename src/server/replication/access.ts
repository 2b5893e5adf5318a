import type { Profile } from '../../sync/index.ts';
import type { Params } from '../db/params.ts';

// Who sees what. Encadrants and administrateurs see every record of their organisation. A chargé
// sees the organisation's reference data and the households she follows: those whose référent or
// binôme names her (display name or email), those she created, and those an encadrant assigned
// to her. For each, `granted` is the sequence from which she has seen it without a break: a pull
// whose checkpoint is older re-sends the whole household.

export const seesWholeOrganisation = (actor: Profile) => actor.role !== 'chargé';

/** The names a référent or binôme field may hold for this user, as compared in SQL. */
const namesOf = (actor: Profile) => [...new Set([actor.name, actor.email].map((n) => n.normalize('NFC').trim().toLowerCase()))];

/** SQL selecting (menage_id, granted) for the households a chargé follows. */
export function followedHouseholds(actor: Profile, p: Params): string {
  const org = p.add(actor.organisation.id);
  const user = p.add(actor.id);
  return `
    select menage_id, min(granted) as granted from (
      select r.menage_id, f.seq as granted from records r join fields f on f.rid = r.rid
        where r.tbl = 'menages' and r.org_id = ${org} and f.field in ('referent', 'binome')
          and lower(btrim(f.value #>> '{}')) = any(${p.add(namesOf(actor))}::text[])
      union all
      select r.menage_id, r.created_seq from records r where r.tbl = 'menages' and r.org_id = ${org} and r.created_by = ${user}
      union all
      select a.menage_id, a.seq from assignments a where a.user_id = ${user}
    ) sources group by menage_id`;
}

/** A condition on records aliased `r`: the actor may see them. */
export function visibleRecord(actor: Profile, p: Params): string {
  const org = `r.org_id = ${p.add(actor.organisation.id)}`;
  if (seesWholeOrganisation(actor)) return org;
  return `(${org} and (r.menage_id is null or r.menage_id in (select menage_id from (${followedHouseholds(actor, p)}) followed)))`;
}
