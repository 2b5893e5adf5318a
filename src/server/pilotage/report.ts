import {
  calculerPilotage,
  chargeParReferent,
  tableauCharge,
  type FiltresPilotage,
  type RapportPilotage,
  type Tableau,
} from '../../domain/index.ts';
import type { Database } from '../db/database.ts';
import { loadReportData, loadReportSettings } from './load.ts';
import type { ReportScope } from './scope.ts';

export type ServerReport = RapportPilotage & { charge: Tableau | null };

/**
 * The steering report over the organisations of `scope`, computed by the domain. Aggregates only:
 * every household identifier is taken out, and the caseloads (named officers) are left out.
 */
export async function steeringReport(
  db: Database,
  scope: ReportScope,
  filtres: FiltresPilotage,
  settingsOrg: string,
): Promise<ServerReport> {
  const [donnees, reglages] = await Promise.all([loadReportData(db, scope.organisationIds), loadReportSettings(db, settingsOrg)]);
  const rapport = calculerPilotage(
    donnees,
    filtres,
    { offresProposeesSeulement: false, agregatsSeulement: scope.aggregatesOnly },
    reglages,
  );
  if (scope.aggregatesOnly) return { ...rapport, charge: null };
  if (!scope.withCaseloads) return { ...rapport, charge: null };
  const users = await db.query<{ id: string; name: string }>(
    'select id::text as id, name from users where organisation_id::text = any($1::text[])',
    [scope.organisationIds],
  );
  const noms = new Map(users.map((u) => [u.id, u.name]));
  return {
    ...rapport,
    charge: tableauCharge(chargeParReferent(donnees.menages, noms, reglages.menagesParCharge), reglages.menagesParCharge),
  };
}
