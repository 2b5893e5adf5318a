import { SYNCED_TABLES, isPooledTable } from '../../sync/index.ts';
import type { Profile, StoredField, SyncedTable } from '../../sync/index.ts';

// How the server keys synced records. A household and its child records (occupants, interviews…)
// have ids made on the devices, unique everywhere. Reference data (operations, résidences,
// territory settings) belongs to the organisation that wrote it, so each organisation has its own
// "territoire" settings record under the same id.

/** The fields of a household naming the users who follow it, which give a chargé access to it. */
export const FOLLOWER_FIELDS: readonly string[] = ['referentId', 'binomeId'];

/** `pooled`: shared by the organisations of a territory (pooled offers, positions on them), global ids. */
export type TableKind = 'reference' | 'menage' | 'child' | 'pooled';

export function kindOf(table: SyncedTable): TableKind {
  if (isPooledTable(table)) return 'pooled';
  const key = SYNCED_TABLES[table].menageKey;
  return key === null ? 'reference' : key === 'id' ? 'menage' : 'child';
}

/**
 * Reference data shared by the organisations of a territory under one record per id: the yearly
 * review (objectives and commitments typed by the métropole, each landlord's own total lettings,
 * docs/pilotage.md). Kept under the territory, or under the organisation outside any territory.
 */
const TERRITORY_REFERENCE: readonly SyncedTable[] = ['bilansAnnuels'];

/** The territory whose organisations share a record of `table` written by `organisation`, if any. */
export const sharedTerritoryOf = (table: SyncedTable, organisation: Profile['organisation']): string | null =>
  kindOf(table) === 'pooled' || TERRITORY_REFERENCE.includes(table) ? (organisation.territory?.id ?? null) : null;

export const scopeOf = (table: SyncedTable, organisation: Profile['organisation']): string =>
  kindOf(table) !== 'reference'
    ? ''
    : TERRITORY_REFERENCE.includes(table)
      ? (organisation.territory?.id ?? organisation.id)
      : organisation.id;

export const recordKey = (table: string, scope: string, recordId: string) => `${table}|${scope}|${recordId}`;
export const fieldKey = (record: string, field: string) => `${record}#${field}`;

/** A synced record as the server knows it; `rid` is null until a record new in this batch is saved. */
export type RecordState = {
  key: string;
  rid: number | null;
  table: SyncedTable;
  scope: string;
  recordId: string;
  orgId: string;
  /** The household it belongs to (its own id for a household), null for reference data. */
  menageId: string | null;
  /** The territory a pooled record was written in; null for the others. */
  territoryId: string | null;
  createdBy: string;
  createdSeq: number;
};

export type HouseholdState = { orgId: string; accessible: boolean };

/** What a push needs to know before it decides anything, loaded in one go. */
export type BatchState = {
  records: Map<string, RecordState>;
  fields: Map<string, StoredField>;
  households: Map<string, HouseholdState>;
  /** Résidences of the pushing user's organisation that the batch refers to. */
  residences: Set<string>;
  /** The users of the pushing user's organisation that the batch names as référent or binôme. */
  members: Set<string>;
  /** Change ids of the batch applied before, with the user who pushed them. */
  applied: Map<string, string>;
  /** Display names of the authors of the stored fields. */
  names: Map<string, string>;
  /**
   * The current values of the stored records the batch writes whose read side is derived from the
   * whole record (a proposal's facts, a report row), by rid.
   */
  derivedValues: Map<number, Record<string, unknown>>;
  /** What pooled changes are decided on; empty when the batch has none. */
  pooled: PooledState;
  /** The stored proposals and orientations of the households whose proposals the batch sets a circuit on, by record key. */
  dossiers: Map<string, DossierRecord>;
};

/** A household's proposal or orientation as stored before the batch, all its fields. */
export type DossierRecord = { table: 'propositions' | 'orientations'; menageId: string; row: Row };

type Row = Record<string, unknown>;
/** A pooled record as stored, with its owner and territory. */
export type PooledRecord = { orgId: string; territoryId: string | null; row: Row };

export type PooledState = {
  /** Whether the actor's territory has a relocation platform: then its users designate. */
  hasPlatform: boolean;
  /** The offers the batch touches or points to, by id. */
  offers: Map<string, PooledRecord>;
  /** The positions on those offers and those of the households the batch positions, by id. */
  positions: Map<string, PooledRecord>;
  /** The actor's résidences in an operation its territory made priority (`set-priority-operations`). */
  priorityResidences: Set<string>;
  /** The stored résidence of each household the batch positions. */
  householdResidences: Map<string, string>;
};
