import { PROPOSABLE_TABLES, VALIDATION_FIELDS, proposesReferenceData, formatHlc, judgeChange, parseHlc } from '../../sync/index.ts';
import type { Change, Profile, StoredField, SyncedTable } from '../../sync/index.ts';
import { blobHashesOf } from './blob-hashes.ts';
import { FOLLOWER_FIELDS, fieldKey, kindOf, recordKey, scopeOf } from './records.ts';
import type { BatchState, RecordState } from './records.ts';

// Deciding a push, without touching the database: authorise each change, then keep per field
// the value with the greatest clock and log the concurrent value that lost. Changes are taken in
// order, so a record created earlier in the batch (a household, then its occupants) is known to
// the changes after it.

export type FieldWrite = { record: RecordState; field: string; stored: StoredField };
export type ConflictSide = Pick<StoredField, 'value' | 'hlc' | 'author'>;
export type PlannedConflict = { id: string; seq: number; record: RecordState; field: string; winner: ConflictSide; loser: ConflictSide };
export type Rejection = { changeId: string; error: string };

export type Plan = {
  newRecords: RecordState[];
  /** Child records moved to another household. */
  movedRecords: Set<RecordState>;
  /** The last write of each field. */
  writes: Map<string, FieldWrite>;
  conflicts: PlannedConflict[];
  blobRefs: { record: RecordState; hash: string }[];
  rejected: Rejection[];
  seq: number;
};

// One message for a household that does not exist, belongs to another organisation, is not
// followed, or would be attached to a résidence that is not the user's: it reveals nothing.
const REFUSED = 'Accès refusé : ménage inconnu, non suivi, ou sans résidence de votre organisation.';
const REFERENCE_ONLY = 'Les règles du territoire et les barèmes sont modifiés par les encadrants et administrateurs, comme les réunions des partenaires.';
const VALIDATED = 'Cette donnée de référence est validée (ou proposée par quelqu’un d’autre) : seul un encadrant peut la modifier.';
const VALIDATION_ONLY = 'Seul un encadrant peut valider une donnée proposée ou rattacher une résidence à une autre.';
const FOLLOWERS_ONLY = 'Seul un encadrant change le référent ou le binôme d’un ménage.';
const NOT_A_MEMBER = 'Le référent ou le binôme d’un ménage est un compte de votre organisation.';

/** The server's own node in the clocks it makes. */
const SERVER_NODE = '0000000000000000';

/** A server clock sorting right after `hlc` (one millisecond later, so no counter can overflow). */
const justAfter = (hlc: string) => formatHlc({ millis: parseHlc(hlc).millis + 1, counter: 0, node: SERVER_NODE });

/** Plans `changes` (not yet applied) from `state`, which it updates as it goes. */
export function planBatch(state: BatchState, actor: Profile, changes: readonly Change[], seq: number, newId: () => string): Plan {
  const org = actor.organisation.id;
  const plan: Plan = { newRecords: [], movedRecords: new Set(), writes: new Map(), conflicts: [], blobRefs: [], rejected: [], seq };

  const firstValue = (table: string, recordId: string, field: string) => changes.find((c) => c.table === table && c.recordId === recordId && c.field === field)?.value;

  const householdWritable = (menageId: unknown): boolean => {
    const household = typeof menageId === 'string' ? state.households.get(menageId) : undefined;
    return household !== undefined && household.orgId === org && (actor.role !== 'chargé' || household.accessible);
  };
  const residenceOfOrg = (id: unknown) => typeof id === 'string' && state.residences.has(id);

  function createRecord(change: Change, table: SyncedTable, recordId: string, menageId: string | null): RecordState {
    const scope = scopeOf(table, org);
    const record: RecordState = { key: recordKey(table, scope, recordId), rid: null, table, scope, recordId, orgId: org, menageId, createdBy: actor.id, createdSeq: plan.seq + 1 };
    state.records.set(record.key, record);
    plan.newRecords.push(record);
    if (table === 'menages') state.households.set(recordId, { orgId: org, accessible: true });
    // A chargé creating a household becomes its référente, whatever the batch says: her later
    // batches (its occupants, her next edits) find it hers by the same rule as every household.
    if (table === 'menages' && actor.role === 'chargé') write(record, { ...change, field: 'referentId', value: actor.id });
    if (table === 'residences') state.residences.add(recordId);
    return record;
  }

  /** The record a change writes to (created if new), or why the user may not write it. */
  function authorise(change: Change): RecordState | string {
    const table = change.table as SyncedTable;
    const kind = kindOf(table);
    if (kind === 'reference' && proposesReferenceData(actor.role)) return propose(table, change);
    // Where a household or a child record is moved to must be the user's too.
    if (kind === 'menage' && change.field === 'residenceId' && !residenceOfOrg(change.value)) return REFUSED;
    if (kind === 'child' && change.field === 'menageId' && !householdWritable(change.value)) return REFUSED;
    const existing = state.records.get(recordKey(table, scopeOf(table, org), change.recordId));
    if (existing) return kind === 'reference' || householdWritable(existing.menageId) ? existing : REFUSED;
    if (kind === 'reference') return createRecord(change, table, change.recordId, null);
    if (kind === 'menage') {
      return residenceOfOrg(firstValue(table, change.recordId, 'residenceId')) ? createRecord(change, table, change.recordId, change.recordId) : REFUSED;
    }
    const menageId = firstValue(table, change.recordId, 'menageId');
    return householdWritable(menageId) ? createRecord(change, table, change.recordId, menageId as string) : REFUSED;
  }

  /**
   * A chargé's reference record is a proposal: created with `aValider`, then hers to edit until an
   * encadrant validates it. Households and offers hanging on it are accepted meanwhile.
   */
  function propose(table: SyncedTable, change: Change): RecordState | string {
    if (!PROPOSABLE_TABLES.includes(table)) return REFERENCE_ONLY;
    if ((VALIDATION_FIELDS as readonly string[]).includes(change.field) && !(change.field === 'aValider' && change.value === true)) return VALIDATION_ONLY;
    const existing = state.records.get(recordKey(table, scopeOf(table, org), change.recordId));
    if (!existing) {
      const record = createRecord(change, table, change.recordId, null);
      write(record, { ...change, field: 'aValider', value: true });
      return record;
    }
    const pending = state.fields.get(fieldKey(existing.key, 'aValider'))?.value === true;
    return existing.createdBy === actor.id && pending ? existing : VALIDATED;
  }

  function write(record: RecordState, change: Change): StoredField {
    plan.seq += 1;
    const stored: StoredField = { value: change.value, hlc: change.hlc, seq: plan.seq, author: actor.id };
    const key = fieldKey(record.key, change.field);
    state.fields.set(key, stored);
    plan.writes.set(key, { record, field: change.field, stored });
    for (const hash of blobHashesOf(change)) plan.blobRefs.push({ record, hash });
    if (kindOf(record.table) === 'child' && change.field === 'menageId' && record.menageId !== change.value) {
      record.menageId = change.value as string;
      if (record.rid !== null) plan.movedRecords.add(record);
    }
    return stored;
  }

  const storedValue = (record: RecordState, field: string) => state.fields.get(fieldKey(record.key, field))?.value ?? null;

  /**
   * An empty référent sent by a chargé for a household she created and follows as référente
   * (created before her first login, when her device knew no user id): the server writes her id
   * again, with a clock just after, so that her device takes it.
   */
  const reaffirms = (record: RecordState, change: Change) =>
    actor.role === 'chargé' && kindOf(record.table) === 'menage' && change.field === 'referentId' && change.value === null &&
    record.createdBy === actor.id && storedValue(record, 'referentId') === actor.id;

  /**
   * `authorise`, and who follows a household is a user of the organisation, the encadrants' to
   * change: a chargé may only send what the server already holds (her device creating a
   * household sends its empty binôme).
   */
  function authoriseWrite(change: Change): RecordState | string {
    const record = authorise(change);
    if (typeof record === 'string' || kindOf(record.table) !== 'menage' || !FOLLOWER_FIELDS.includes(change.field)) return record;
    if (actor.role === 'chargé') return change.value === storedValue(record, change.field) || reaffirms(record, change) ? record : FOLLOWERS_ONLY;
    return change.value === null || state.members.has(String(change.value)) ? record : NOT_A_MEMBER;
  }

  for (const change of changes) {
    const record = authoriseWrite(change);
    if (typeof record === 'string') {
      plan.rejected.push({ changeId: change.changeId, error: record });
      continue;
    }
    if (reaffirms(record, change)) {
      write(record, { ...change, value: actor.id, hlc: justAfter(change.hlc) });
      continue;
    }
    const stored = state.fields.get(fieldKey(record.key, change.field));
    const incoming = { value: change.value, hlc: change.hlc, baseSeq: change.baseSeq, author: actor.id };
    const verdict = judgeChange(stored, incoming);
    const written = verdict.wins ? write(record, change) : undefined;
    if (verdict.concurrent && stored !== undefined) {
      plan.seq += 1;
      plan.conflicts.push({ id: newId(), seq: plan.seq, record, field: change.field, winner: written ?? stored, loser: written ? stored : incoming });
    }
  }
  return plan;
}
