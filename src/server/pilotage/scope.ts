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
// - a landlord's partner account: its organisation, aggregates only;
// - a chargée computes hers on her tablet, over her caseload; other partners get no report.
export type ReportScope = { organisationIds: string[]; aggregatesOnly: boolean; withCaseloads: boolean };

export async function reportScope(db: Sql, actor: Profile): Promise<ReportScope | null> {
  const source = sourcePilotage(actor.role, actor.organisation.kind);
  if (actor.role === 'chargé' || source === null) return null;
  if (source === 'territoire') {
    const territory = actor.organisation.territory?.id ?? null;
    const rows =
      territory === null
        ? [{ id: actor.organisation.id }]
        : await db.query<{ id: string }>('select id::text as id from organisations where territory_id = $1 order by id', [territory]);
    return { organisationIds: rows.map((r) => r.id), aggregatesOnly: true, withCaseloads: false };
  }
  if (source === 'organisation') return { organisationIds: [actor.organisation.id], aggregatesOnly: true, withCaseloads: false };
  return { organisationIds: [actor.organisation.id], aggregatesOnly: false, withCaseloads: true };
}
