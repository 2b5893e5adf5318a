import { applyField, splitField } from '../sync/index.ts';
import type { SyncedTable } from '../sync/index.ts';
import type { MetaChamps } from './meta-champs.ts';

// How a pulled page is applied during a repair (`reparation.ts`, docs/sync.md « Empreintes et
// réparation »): the server's copy wins, except for the fields whose changes wait or were refused.

type Row = Record<string, unknown> & { id: string };

export const cleEnregistrement = (table: string, recordId: string) => `${table}/${recordId}`;
export const cleChamp = (table: string, recordId: string, field: string) => `${table}/${recordId}/${field}`;

/** A running repair: the fields kept as they are on the device, and the records received so far. */
export type Reparation = {
  /** `table/record/field` of the changes waiting or refused: their local value stays. */
  champsEnAttente: ReadonlySet<string>;
  /** `table/record` of the records with such changes: never removed, even if the server has none. */
  enregistrementsEnAttente: ReadonlySet<string>;
  /** `table/record` of the records received since the repair began. */
  vus: Set<string>;
};

/**
 * The device's copy of a record as a repair starts from it, the first time the server sends it:
 * only the fields whose changes wait or were refused, the rest comes from the server.
 */
export function departReparation(
  table: SyncedTable,
  ligne: { record: Row | undefined; meta: MetaChamps },
  reparation: Reparation,
): { record: Row | undefined; meta: MetaChamps } {
  const { record, meta } = ligne;
  if (!record) return ligne;
  let garde: Row = { id: record.id };
  const metaGardee: MetaChamps = {};
  for (const [field, etat] of Object.entries(meta)) {
    if (!reparation.champsEnAttente.has(cleChamp(table, record.id, field))) continue;
    const { name, key } = splitField(field);
    const valeur = key === null ? record[name] : (record[name] as Record<string, unknown> | undefined)?.[key];
    garde = applyField(garde, field, valeur ?? null) as Row;
    metaGardee[field] = etat;
  }
  return { record: garde, meta: metaGardee };
}

/** Whether a pulled field replaces the device's copy whatever its clock (not one with a change waiting). */
export const forceParReparation = (reparation: Reparation, table: string, recordId: string, field: string): boolean =>
  !reparation.champsEnAttente.has(cleChamp(table, recordId, field));

/** Notes a record received by the repair; true the first time. */
export const noterVu = (reparation: Reparation, table: string, recordId: string): boolean => {
  const cle = cleEnregistrement(table, recordId);
  if (reparation.vus.has(cle)) return false;
  reparation.vus.add(cle);
  return true;
};

