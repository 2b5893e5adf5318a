import {
  calculerPilotage,
  chargeParReferent,
  tableauCharge,
  type FiltresPilotage,
  type RapportPilotage,
  type Tableau,
} from '../../domain/index.ts';
import type { ChoixPilotage } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { readNames, reportChoices } from './choix.ts';
import { loadReportData, loadReportSettings } from './load.ts';
import type { ReportScope } from './scope.ts';

export type ServerReport = RapportPilotage & { charge: Tableau | null; choix: ChoixPilotage };

/**
 * The steering report over the organisations of `scope`, computed by the domain, with what its
 * filters offer (choix.ts). Aggregates only: every household identifier is taken out, and the
 * caseloads (named officers) are left out.
 */
export async function steeringReport(
  db: Database,
  scope: ReportScope,
  filtres: FiltresPilotage,
  settingsOrg: string,
): Promise<ServerReport> {
  const [donnees, reglages, names] = await Promise.all([
    loadReportData(db, scope.organisationIds),
    loadReportSettings(db, settingsOrg),
    readNames(db, scope.organisationIds),
  ]);
  // A landlord's filters offer the towns and names of its own dwellings.
  const logements = scope.landlordId === null ? donnees.offres : donnees.offres.filter((o) => o.bailleurId === scope.landlordId);
  const choix = reportChoices(names, logements);
  const rapport = calculerPilotage(
    donnees,
    filtres,
    { offresProposeesSeulement: false, agregatsSeulement: scope.aggregatesOnly, bailleurId: scope.landlordId },
    reglages,
  );
  if (scope.aggregatesOnly || !scope.withCaseloads) return { ...rapport, charge: null, choix };
  const users = await db.query<{ id: string; name: string }>(
    'select id::text as id, name from users where organisation_id::text = any($1::text[])',
    [scope.organisationIds],
  );
  const noms = new Map(users.map((u) => [u.id, u.name]));
  return {
    ...rapport,
    choix,
    charge: tableauCharge(chargeParReferent(donnees.menages, noms, reglages.menagesParCharge), reglages.menagesParCharge),
  };
}
