import { sourcePilotage, type Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// Who receives which steering report (`sourcePilotage`, shared with the device): a set of
// organisations, and whether the report is of aggregates only (no household identifier anywhere
// in the payload, no named officer).
// - encadrant or administrateur of an operator, a landlord or the platform: the organisation, with
//   its households and the caseload of each chargée;
// - the métropole and the State (organisation kinds `metropole` and `etat`): every organisation
//   of their territory, aggregates only; nothing crosses a territory's border, and an
//   organisation attached to no territory sees only itself;
// - a landlord's partner account: the dwellings of its organisation, whichever organisation of its
//   territory (a MOUS, another landlord, itself) proposed them or relocated a household there, as
//   its flux objectives count them; aggregates only;
// - a chargée computes hers on her tablet, over her caseload; other partners get no report.
// `landlordId`: the landlord whose dwellings alone are counted (the domain's `bailleurId`).
export type ReportScope = { organisationIds: string[]; aggregatesOnly: boolean; withCaseloads: boolean; landlordId: string | null };

/** The organisations of the actor's territory; itself alone when attached to none. */
async function territoryOf(db: Sql, actor: Profile): Promise<string[]> {
  const territory = actor.organisation.territory?.id ?? null;
  if (territory === null) return [actor.organisation.id];
  const rows = await db.query<{ id: string }>('select id::text as id from organisations where territory_id = $1 order by id', [territory]);
  return rows.map((r) => r.id);
}

export async function reportScope(db: Sql, actor: Profile): Promise<ReportScope | null> {
  const source = sourcePilotage(actor.role, actor.organisation.kind);
  if (actor.role === 'chargé' || source === null) return null;
  const aggregates = { aggregatesOnly: true, withCaseloads: false };
  if (source === 'territoire') return { organisationIds: await territoryOf(db, actor), ...aggregates, landlordId: null };
  if (source === 'organisation') return { organisationIds: await territoryOf(db, actor), ...aggregates, landlordId: actor.organisation.id };
  return { organisationIds: [actor.organisation.id], aggregatesOnly: false, withCaseloads: true, landlordId: null };
}
