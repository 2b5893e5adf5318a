import type { Offre } from '../../domain/index.ts';
import type { ChoixPilotage } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// What the report's filters offer a caller whose device holds none of these records (the métropole,
// the State, a landlord's partner account): the names of the operations and résidences of the
// organisations reported on, and the landlords and towns of their dwellings. No household.
// The landlords and towns come from the dwellings the report has just read (tens of thousands:
// reading them again cost as much as the report's own read of them); the names, which no figure
// reads, from the records.
const NAMES = `
  select tbl, record_id, doc->>'nom' as nom, doc->>'operationId' as operation_id
  from record_values
  where org_id = any($1::uuid[]) and tbl in ('operations', 'residences') and coalesce(doc->>'supprime', 'false') <> 'true'`;

export type Named = { tbl: string; record_id: string; nom: string | null; operation_id: string | null };

/** The operations and résidences of the organisations, by name. */
export const readNames = async (db: Sql, organisationIds: readonly string[]): Promise<Named[]> =>
  organisationIds.length === 0 ? [] : db.query<Named>(NAMES, [organisationIds]);

const parNom = <T extends { nom: string }>(xs: T[]) => xs.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
const uniques = (xs: readonly (string | null | undefined)[]) =>
  [...new Set(xs.map((x) => x?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));

export function reportChoices(names: readonly Named[], offres: readonly Offre[]): ChoixPilotage {
  const de = (tbl: string) => names.filter((r) => r.tbl === tbl);
  const logements = offres.filter((o) => !o.supprime);
  return {
    operations: parNom(de('operations').map((r) => ({ id: r.record_id, nom: r.nom ?? '' }))),
    residences: parNom(
      de('residences').flatMap((r) =>
        r.operation_id === null ? [] : [{ id: r.record_id, nom: r.nom ?? '', operationId: r.operation_id }],
      ),
    ),
    bailleurs: uniques(logements.map((o) => o.bailleur)),
    communes: uniques(logements.map((o) => o.commune)),
  };
}
