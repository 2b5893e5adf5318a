import type { Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// Who receives which steering report: a set of organisations, and whether the report is of
// aggregates only (no household identifier anywhere in the payload, no named officer).
// - encadrant or administrateur of an operator or landlord: the organisation, with its households
//   and the caseload of each chargée;
// - the métropole and the State (organisation kinds `metropole` and `etat`): every organisation
//   of their territory, aggregates only; nothing crosses a territory's border, and an
//   organisation attached to no territory sees only itself;
// - a chargée computes hers on her tablet, over her caseload; other partners get no report.
export type ReportScope = { organisationIds: string[]; aggregatesOnly: boolean; withCaseloads: boolean };

const PILOTS = new Set(['metropole', 'etat']);

export async function reportScope(db: Sql, actor: Profile): Promise<ReportScope | null> {
  if (actor.role === 'chargé') return null;
  if (actor.organisation.kind !== null && PILOTS.has(actor.organisation.kind)) {
    const territory = actor.organisation.territory?.id ?? null;
    const rows =
      territory === null
        ? [{ id: actor.organisation.id }]
        : await db.query<{ id: string }>('select id::text as id from organisations where territory_id = $1 order by id', [territory]);
    return { organisationIds: rows.map((r) => r.id), aggregatesOnly: true, withCaseloads: false };
  }
  if (actor.role === 'partenaire') return null;
  return { organisationIds: [actor.organisation.id], aggregatesOnly: false, withCaseloads: true };
}
