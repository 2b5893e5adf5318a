import type { ChoixPilotage } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';

// What the report's filters offer a caller whose device holds none of these records (the métropole,
// the State, a landlord's partner account): the names of the operations and résidences of the
// organisations reported on, and the landlords and towns of their dwellings. No household.
// A territory holds tens of thousands of dwellings and a few dozen landlords and towns: each pair
// comes once from the database.
const QUERY = `
  select tbl, record_id, doc->>'nom' as nom, doc->>'operationId' as operation_id, null as bailleur, null as commune
  from record_values
  where org_id = any($1::uuid[]) and tbl in ('operations', 'residences') and coalesce(doc->>'supprime', 'false') <> 'true'
  union all
  select distinct 'offres', null, null, null, doc->>'bailleur', doc->>'commune'
  from record_values
  where org_id = any($1::uuid[]) and tbl = 'offres' and coalesce(doc->>'supprime', 'false') <> 'true'`;

type Row = {
  tbl: string;
  record_id: string | null;
  nom: string | null;
  operation_id: string | null;
  bailleur: string | null;
  commune: string | null;
};

const parNom = <T extends { nom: string }>(xs: T[]) => xs.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
const uniques = (xs: (string | null)[]) =>
  [...new Set(xs.map((x) => x?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));

export async function reportChoices(db: Sql, organisationIds: readonly string[]): Promise<ChoixPilotage> {
  const rows = organisationIds.length === 0 ? [] : await db.query<Row>(QUERY, [organisationIds]);
  const de = (tbl: string) => rows.filter((r) => r.tbl === tbl);
  return {
    operations: parNom(de('operations').map((r) => ({ id: r.record_id ?? '', nom: r.nom ?? '' }))),
    residences: parNom(
      de('residences').flatMap((r) =>
        r.operation_id === null ? [] : [{ id: r.record_id ?? '', nom: r.nom ?? '', operationId: r.operation_id }],
      ),
    ),
    bailleurs: uniques(de('offres').map((r) => r.bailleur)),
    communes: uniques(de('offres').map((r) => r.commune)),
  };
}
