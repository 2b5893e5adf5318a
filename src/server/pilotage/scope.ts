import type { Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// Who receives which steering report: a set of organisations, and whether the report is of
// aggregates only (no household identifier anywhere in the payload, no named officer).
// - encadrant or administrateur of an operator or landlord: the organisation, with its households
//   and the caseload of each chargée;
// - the métropole (organisation kind `metropole`): every organisation, aggregates only, since a
//   server serves one territory today; once organisations belong to territories, this becomes
//   the organisations of its territory, and the State and the landlords (their own dwellings)
//   plug in here the same way;
// - a chargée computes hers on her tablet, over her caseload.
export type ReportScope = { organisationIds: string[]; aggregatesOnly: boolean; withCaseloads: boolean };

export async function reportScope(db: Sql, actor: Profile): Promise<ReportScope | null> {
  if (actor.role === 'chargé') return null;
  if (actor.organisation.kind === 'metropole') {
    const rows = await db.query<{ id: string }>('select id::text as id from organisations order by id');
    return { organisationIds: rows.map((r) => r.id), aggregatesOnly: true, withCaseloads: false };
  }
  return { organisationIds: [actor.organisation.id], aggregatesOnly: false, withCaseloads: true };
}
