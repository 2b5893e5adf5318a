import {
  PROPOSABLE_TABLES,
  VALIDATION_FIELDS,
  applyField,
  proposesReferenceData,
  formatHlc,
  judgeChange,
  parseHlc,
} from '../../sync/index.ts';
import type { Change, Profile, StoredField, SyncedTable } from '../../sync/index.ts';
import { circuitDematerialiseFerme, droitsBilanAnnuel, orientationSchema, propositionSchema, refusChampBilan } from '../../domain/index.ts';
import { blobHashesOf } from './blob-hashes.ts';
import { FOLLOWER_FIELDS, fieldKey, kindOf, recordKey, scopeOf, sharedTerritoryOf } from './records.ts';
import type { BatchState, DossierRecord, PooledRecord, RecordState } from './records.ts';
import { designationRefusal, offerRefusal, pooledRecordProblem, positionRefusal } from './pooled-rules.ts';

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
  /** Changes accepted but overruled by the server (a designation beyond the rules): the value it kept is written back. */
  overruled: Rejection[];
  seq: number;
};

// One message for a household that does not exist, belongs to another organisation, is not
// followed, or would be attached to a résidence that is not the user's: it reveals nothing.
const REFUSED = 'Accès refusé : ménage inconnu, non suivi, ou sans résidence de votre organisation.';
const REFERENCE_ONLY =
  'Les règles du territoire et les barèmes sont modifiés par les encadrants et administrateurs, comme les réunions des partenaires.';
const VALIDATED = 'Cette donnée de référence est validée (ou proposée par quelqu’un d’autre) : seul un encadrant peut la modifier.';
const VALIDATION_ONLY = 'Seul un encadrant peut valider une donnée proposée ou rattacher une résidence à une autre.';
const FOLLOWERS_ONLY = 'Seul un encadrant change le référent ou le binôme d’un ménage.';
const NOT_A_MEMBER = 'Le référent ou le binôme d’un ménage est un compte de votre organisation.';
const PARTNERS_POOLED_ONLY = 'Un compte partenaire ne modifie que les offres et candidatures de son territoire.';
const PLAN_OF_OPERATION = 'Un plan de relogement est celui d’une opération de votre organisation, sous l’identifiant de l’opération.';

/** The server's own node in the clocks it makes. */
const SERVER_NODE = '0000000000000000';

/** A server clock sorting right after `hlc` (one millisecond later, so no counter can overflow). */
const justAfter = (hlc: string) => formatHlc({ millis: parseHlc(hlc).millis + 1, counter: 0, node: SERVER_NODE });

/** Plans `changes` (not yet applied) from `state`, which it updates as it goes. */
export function planBatch(state: BatchState, actor: Profile, changes: readonly Change[], seq: number, newId: () => string): Plan {
  const org = actor.organisation.id;
  const plan: Plan = {
    newRecords: [],
    movedRecords: new Set(),
    writes: new Map(),
    conflicts: [],
    blobRefs: [],
    rejected: [],
    overruled: [],
    seq,
  };
  const pooled = state.pooled;
  const pooledOf = (table: SyncedTable): Map<string, PooledRecord> | null =>
    table === 'offresPartagees' ? pooled.offers : table === 'positionnements' ? pooled.positions : null;

  const firstValue = (table: string, recordId: string, field: string) =>
    changes.find((c) => c.table === table && c.recordId === recordId && c.field === field)?.value;

  const householdWritable = (menageId: unknown): boolean => {
    const household = typeof menageId === 'string' ? state.households.get(menageId) : undefined;
    return (
      household !== undefined && household.orgId === org && actor.role !== 'partenaire' && (actor.role !== 'chargé' || household.accessible)
    );
  };
  const residenceOfOrg = (id: unknown) => typeof id === 'string' && state.residences.has(id);

  function createRecord(change: Change, table: SyncedTable, recordId: string, menageId: string | null): RecordState {
    const scope = scopeOf(table, actor.organisation);
    const territoryId = sharedTerritoryOf(table, actor.organisation);
    const record: RecordState = {
      key: recordKey(table, scope, recordId),
      rid: null,
      table,
      scope,
      recordId,
      orgId: org,
      menageId,
      territoryId,
      createdBy: actor.id,
      createdSeq: plan.seq + 1,
    };
    state.records.set(record.key, record);
    pooledOf(table)?.set(recordId, { orgId: org, territoryId, row: { id: recordId } });
    plan.newRecords.push(record);
    if (table === 'menages') state.households.set(recordId, { orgId: org, accessible: true });
    if (table === 'menages' && actor.role === 'chargé')
      for (const [field, value] of followersOfNew(recordId)) write(record, { ...change, field, value });
    if (table === 'residences') state.residences.add(recordId);
    return record;
  }

  /**
   * Who follows a household a chargé creates, whatever the batch says: herself as référente, so
   * that her later batches (its occupants, her next edits) find it hers by the same rule as every
   * household. One she opens by décohabitation from a household she follows (docs/domaine.md §1:
   * the adult who leaves gets a file of their own) stays with the same team: its origin's référent
   * and binôme, as the server holds them.
   */
  function followersOfNew(recordId: string): [string, string][] {
    const origin = firstValue('menages', recordId, 'menageOrigineId');
    if (typeof origin === 'string' && householdWritable(origin)) {
      const key = recordKey('menages', scopeOf('menages', actor.organisation), origin);
      const followers = FOLLOWER_FIELDS.flatMap((field): [string, string][] => {
        const id = state.fields.get(fieldKey(key, field))?.value;
        return typeof id === 'string' ? [[field, id]] : [];
      });
      if (followers.some(([, id]) => id === actor.id)) return followers;
    }
    return [['referentId', actor.id]];
  }

  /**
   * One plan per operation, so that two encadrants starting it offline write the same record and
   * the report counts it once (domain/pilotage/plan-schema.ts): its id is its operation's, an
   * operation of the organisation, from its creation on.
   */
  function planOfOwnOperation(change: Change): boolean {
    const known = state.records.has(recordKey('plansRelogement', scopeOf('plansRelogement', actor.organisation), change.recordId));
    if (known && change.field !== 'operationId') return true;
    const operationId = known ? change.value : firstValue('plansRelogement', change.recordId, 'operationId');
    return (
      operationId === change.recordId &&
      state.records.has(recordKey('operations', scopeOf('operations', actor.organisation), change.recordId))
    );
  }

  /** The record a change writes to (created if new), or why the user may not write it. */
  function authorise(change: Change): RecordState | string {
    const table = change.table as SyncedTable;
    const kind = kindOf(table);
    if (kind === 'pooled') return authorisePooled(change, table);
    // The yearly review: each field by the writer's organisation id and kind (a landlord's partner account types its own total).
    const auteur = { organisationId: org, territoire: actor.organisation.territory !== null };
    const bilan =
      table === 'bilansAnnuels'
        ? refusChampBilan(droitsBilanAnnuel(actor.role, actor.organisation.kind), auteur, change.field, change.value)
        : null;
    if (bilan !== null) return bilan;
    if (actor.role === 'partenaire' && table !== 'bilansAnnuels') return PARTNERS_POOLED_ONLY;
    if (kind === 'reference' && proposesReferenceData(actor.role)) return propose(table, change);
    if (table === 'plansRelogement' && !planOfOwnOperation(change)) return PLAN_OF_OPERATION;
    // Where a household or a child record is moved to must be the user's too.
    if (kind === 'menage' && change.field === 'residenceId' && !residenceOfOrg(change.value)) return REFUSED;
    if (kind === 'child' && change.field === 'menageId' && !householdWritable(change.value)) return REFUSED;
    const existing = state.records.get(recordKey(table, scopeOf(table, actor.organisation), change.recordId));
    if (existing) return kind === 'reference' || householdWritable(existing.menageId) ? existing : REFUSED;
    if (kind === 'reference') return createRecord(change, table, change.recordId, null);
    if (kind === 'menage') {
      return residenceOfOrg(firstValue(table, change.recordId, 'residenceId'))
        ? createRecord(change, table, change.recordId, change.recordId)
        : REFUSED;
    }
    const menageId = firstValue(table, change.recordId, 'menageId');
    return householdWritable(menageId) ? createRecord(change, table, change.recordId, menageId as string) : REFUSED;
  }

  /** A pooled record: the territory's rules (pooled-rules.ts) say who writes which field. */
  function authorisePooled(change: Change, table: SyncedTable): RecordState | string {
    const existing = pooledOf(table)?.get(change.recordId);
    const record = state.records.get(recordKey(table, scopeOf(table, actor.organisation), change.recordId));
    if (table === 'offresPartagees') {
      const refusal = offerRefusal(actor, existing);
      return refusal ?? record ?? createRecord(change, table, change.recordId, null);
    }
    const createdNow = record !== undefined && plan.newRecords.includes(record);
    const menageId = existing && !createdNow ? existing.row.menageId : firstValue(table, change.recordId, 'menageId');
    const refusal = positionRefusal(
      actor,
      pooled,
      change,
      existing,
      firstValue(table, change.recordId, 'offreId'),
      householdWritable(menageId),
      createdNow,
    );
    return refusal ?? record ?? createRecord(change, table, change.recordId, menageId as string);
  }

  /**
   * A designation the server turns down: the position keeps the status it had, with the reason,
   * written with a clock after everything the batch sent for it, so every device ends with the
   * server's result at its next sync.
   */
  const overruledRecords = new Set<string>();
  function overrule(record: RecordState, change: Change, reason: string): void {
    const last = changes
      .filter((c) => c.table === record.table && c.recordId === record.recordId)
      .reduce((max, c) => (c.hlc > max ? c.hlc : max), change.hlc);
    const kept = pooled.positions.get(record.recordId)?.row.statut;
    const statut = typeof kept === 'string' && kept !== 'designe' ? kept : 'positionne';
    const hlc = justAfter(last);
    for (const [field, value] of [
      ['statut', statut],
      ['rang', null],
      ['designeLe', null],
      ['refusServeur', reason],
    ] as const)
      write(record, { ...change, field, value, hlc });
    overruledRecords.add(record.key);
    plan.overruled.push({ changeId: change.changeId, error: reason });
  }

  /**
   * A chargé's reference record is a proposal: created with `aValider`, then hers to edit until an
   * encadrant validates it. Households and offers hanging on it are accepted meanwhile.
   */
  function propose(table: SyncedTable, change: Change): RecordState | string {
    if (!PROPOSABLE_TABLES.includes(table)) return REFERENCE_ONLY;
    if ((VALIDATION_FIELDS as readonly string[]).includes(change.field) && !(change.field === 'aValider' && change.value === true))
      return VALIDATION_ONLY;
    const existing = state.records.get(recordKey(table, scopeOf(table, actor.organisation), change.recordId));
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
    const shared = pooledOf(record.table)?.get(record.recordId);
    if (shared) shared.row = applyField(shared.row, change.field, change.value);
    if (kindOf(record.table) === 'child' && change.field === 'menageId' && record.menageId !== change.value) {
      record.menageId = change.value as string;
      if (record.rid !== null) plan.movedRecords.add(record);
    }
    return stored;
  }

  /**
   * Whether the household lives in a résidence of an operation its territory made priority
   * (convention art. 10): its résidence as this batch left it (a change that lost to a later one
   * does not count), else as stored.
   */
  const priorityHousehold = (menageId: string | null): boolean => {
    if (menageId === null) return false;
    const settled = state.fields.get(fieldKey(recordKey('menages', scopeOf('menages', actor.organisation), menageId), 'residenceId'));
    const residence = settled?.value ?? pooled.householdResidences.get(menageId);
    return typeof residence === 'string' && pooled.priorityResidences.has(residence);
  };

  const storedValue = (record: RecordState, field: string) => state.fields.get(fieldKey(record.key, field))?.value ?? null;

  /**
   * An empty référent sent by a chargé for a household she created and follows as référente
   * (created before her first login, when her device knew no user id): the server writes her id
   * again, with a clock just after, so that her device takes it.
   */
  const reaffirms = (record: RecordState, change: Change) =>
    actor.role === 'chargé' &&
    kindOf(record.table) === 'menage' &&
    change.field === 'referentId' &&
    change.value === null &&
    record.createdBy === actor.id &&
    storedValue(record, 'referentId') === actor.id;

  /**
   * `authorise`, and who follows a household is a user of the organisation, the encadrants' to
   * change: a chargé may only send what the server already holds (her device creating a
   * household sends its empty binôme).
   */
  function authoriseWrite(change: Change): RecordState | string {
    const record = authorise(change);
    if (typeof record === 'string' || kindOf(record.table) !== 'menage' || !FOLLOWER_FIELDS.includes(change.field)) return record;
    if (actor.role === 'chargé')
      return change.value === storedValue(record, change.field) || reaffirms(record, change) ? record : FOLLOWERS_ONLY;
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
    // Whether a household's operation is priority comes from its territory's list, never from the tablet.
    if (record.table === 'positionnements' && change.field === 'operationPrioritaire') {
      const prioritaire = priorityHousehold(record.menageId);
      if (prioritaire !== change.value) {
        write(record, { ...change, value: prioritaire, hlc: justAfter(change.hlc) });
        continue;
      }
    }
    // What the server wrote back over a turned-down designation stays.
    if (overruledRecords.has(record.key) && ['statut', 'rang', 'designeLe'].includes(change.field)) continue;
    const stored = state.fields.get(fieldKey(record.key, change.field));
    const incoming = { value: change.value, hlc: change.hlc, baseSeq: change.baseSeq, author: actor.id };
    const verdict = judgeChange(stored, incoming);
    const designating = verdict.wins && record.table === 'positionnements' && change.field === 'statut' && change.value === 'designe';
    const turnedDown = designating ? designationRefusal(pooled, record.recordId) : null;
    if (turnedDown !== null) {
      overrule(record, change, turnedDown);
      continue;
    }
    const written = verdict.wins ? write(record, change) : undefined;
    if (verdict.concurrent && stored !== undefined) {
      plan.seq += 1;
      plan.conflicts.push({
        id: newId(),
        seq: plan.seq,
        record,
        field: change.field,
        winner: written ?? stored,
        loser: written ? stored : incoming,
      });
    }
  }
  refuseImpossiblePooledRecords(changes);
  refuseClosedCircuit(changes);
  return plan;

  /** A pooled record the batch leaves impossible (a date before the offer's availability…) refuses its changes. */
  function refuseImpossiblePooledRecords(batch: readonly Change[]): void {
    const refused = new Set(plan.rejected.map((r) => r.changeId));
    for (const table of ['offresPartagees', 'positionnements'] as const) {
      const touched = new Set(batch.filter((c) => c.table === table && !refused.has(c.changeId)).map((c) => c.recordId));
      for (const id of touched) {
        const problem = pooledRecordProblem(pooled, table, id);
        if (problem === null) continue;
        for (const c of batch)
          if (c.table === table && c.recordId === id && !refused.has(c.changeId))
            plan.rejected.push({ changeId: c.changeId, error: problem });
      }
    }
  }

  /**
   * Charte §5.5 C spans a household's proposals: one the batch puts in the circuit dématérialisé
   * (new, or moved there from GTR / GTRM) is refused, all its changes, with the tablet's own
   * message, when the household's other proposals and its orientations, as the batch leaves them,
   * close that circuit (a partner's rejection, no later orientation back to it).
   */
  function refuseClosedCircuit(batch: readonly Change[]): void {
    const entering = [...plan.writes.values()].filter(
      ({ record, field, stored }) =>
        record.table === 'propositions' &&
        field === 'circuit' &&
        stored.value === 'circuit_dematerialise' &&
        state.dossiers.get(record.key)?.row.circuit !== 'circuit_dematerialise',
    );
    if (entering.length === 0) return;
    const dossiers = dossiersAsLeft();
    const refused = new Set(plan.rejected.map((r) => r.changeId));
    for (const { record } of entering) {
      const others = [...dossiers.entries()].filter(([key, d]) => key !== record.key && d.menageId === record.menageId).map(([, d]) => d);
      // A record still missing a required field (a batch cut in two) is left out until complete.
      const propositions = others.flatMap((d) => (d.table === 'propositions' ? (propositionSchema.safeParse(d.row).data ?? []) : []));
      const orientations = others.flatMap((d) => (d.table === 'orientations' ? (orientationSchema.safeParse(d.row).data ?? []) : []));
      const ferme = circuitDematerialiseFerme(propositions, orientations);
      if (ferme === null) continue;
      for (const c of batch)
        if (c.table === 'propositions' && c.recordId === record.recordId && !refused.has(c.changeId))
          plan.rejected.push({ changeId: c.changeId, error: ferme });
    }
  }

  /** The stored proposals and orientations of the households concerned, with what the batch wrote over them. */
  function dossiersAsLeft(): Map<string, DossierRecord> {
    const dossiers = new Map(state.dossiers);
    for (const { record, field, stored } of plan.writes.values()) {
      if ((record.table !== 'propositions' && record.table !== 'orientations') || record.menageId === null) continue;
      const row = dossiers.get(record.key)?.row ?? { id: record.recordId };
      dossiers.set(record.key, { table: record.table, menageId: record.menageId, row: applyField(row, field, stored.value) });
    }
    return dossiers;
  }
}
