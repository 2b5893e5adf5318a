import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  applyField,
  diffRecord,
  fieldClocks,
  formatHlc,
  initialHlc,
  isRealHlc,
  mergePulledField,
  pulledFields,
  receive,
  recordFromFields,
  tick,
} from '../../src/sync/index.ts';
import type {
  Change,
  HlcState,
  LocalFieldMeta,
  PullResponse,
  PushRequest,
  PushResponse,
  SnapshotResponse,
  SyncedTable,
} from '../../src/sync/index.ts';

// A device reduced to what the protocol needs, kept in memory: records, an outbox of field
// changes, per-field clock and last seen seq, a checkpoint and a clock. It writes and merges the
// way the Dexie client does, with the shared pure functions.

type Row = Record<string, unknown>;

const recordKey = (table: string, id: string) => `${table}|${id}`;
const metaKey = (table: string, id: string, field: string) => `${table}|${id}|${field}`;

export class ModelClient {
  readonly deviceId = randomUUID();
  readonly records = new Map<string, Row>();
  readonly meta = new Map<string, LocalFieldMeta>();
  outbox: Change[] = [];
  checkpoint = 0;
  /** A snapshot under way: where pulls go on from once it is complete, and the next page's cursor. */
  snapshotCursor: { upto: number; next: number } | null = null;
  clock: HlcState;

  constructor(
    readonly token: string,
    private readonly now: () => number,
    /** Whether this device starts from the server's snapshot rather than pulling from 0. */
    readonly bySnapshot = false,
  ) {
    this.clock = initialHlc(randomUUID().replace(/-/g, '').slice(0, 16));
  }

  /** A local edit of one field: written at once, queued, replacing a pending edit of that field. */
  edit(table: SyncedTable, recordId: string, field: string, value: Change['value']): Change {
    this.clock = tick(this.clock, this.now());
    const hlc = formatHlc(this.clock);
    const key = metaKey(table, recordId, field);
    const seen = this.meta.get(key);
    const change: Change = { changeId: randomUUID(), table, recordId, field, value, hlc, baseSeq: seen?.seq ?? null };
    this.outbox = this.outbox.filter((c) => !(c.table === table && c.recordId === recordId && c.field === field));
    this.outbox.push(change);
    this.meta.set(key, { hlc, seq: seen?.seq ?? null });
    this.records.set(
      recordKey(table, recordId),
      applyField(this.records.get(recordKey(table, recordId)) ?? { id: recordId }, field, value),
    );
    return change;
  }

  /** A new record, as its field changes (one per map entry). */
  create(table: SyncedTable, record: Row & { id: string }): void {
    for (const { field, value } of diffRecord(table, undefined, record)) this.edit(table, record.id, field, value as Change['value']);
  }

  pushRequest(max = 500): PushRequest {
    return { protocolVersion: PROTOCOL_VERSION, deviceId: this.deviceId, changes: this.outbox.slice(0, max) };
  }

  acknowledge(response: PushResponse): void {
    const acked = new Set(response.ackedChangeIds);
    this.outbox = this.outbox.filter((c) => !acked.has(c.changeId));
  }

  applyPull(page: PullResponse): void {
    for (const { table, recordId } of page.withdrawn ?? []) {
      this.records.delete(recordKey(table, recordId));
      for (const key of this.meta.keys()) if (key.startsWith(`${metaKey(table, recordId, '')}`)) this.meta.delete(key);
    }
    for (const change of pulledFields(page)) {
      const key = recordKey(change.table, change.recordId);
      const merged = mergePulledField(this.records.get(key), this.meta.get(metaKey(change.table, change.recordId, change.field)), change);
      if (merged.record) this.records.set(key, merged.record);
      this.meta.set(metaKey(change.table, change.recordId, change.field), merged.meta);
      // As the device does: an impossible clock (an older server's) is not fed into its own.
      if (isRealHlc(change.hlc)) this.clock = receive(this.clock, change.hlc, this.now());
    }
    const removed = new Set([...page.removed, ...(page.erased ?? [])]);
    for (const [key, row] of this.records)
      if (removed.has(String(row.menageId ?? (key.startsWith('menages|') ? row.id : '')))) this.records.delete(key);
    this.checkpoint = page.checkpoint;
  }

  /**
   * One snapshot page, as the Dexie client stores it: a record with edits still in the outbox is
   * merged field by field, any other is written whole with its fields' clocks.
   */
  applySnapshot(page: SnapshotResponse): void {
    const upto = this.snapshotCursor?.upto ?? page.upto;
    const edited = new Set(this.outbox.map((c) => recordKey(c.table, c.recordId)));
    for (const { table, recordId, hlc, fields } of page.records) {
      const key = recordKey(table, recordId);
      const received = Object.entries(fields).map(([field, [value, clock]]) => {
        const read = fieldClocks(hlc)(clock);
        if (read === null) throw new Error(`Horloge illisible : ${key}.${field}`);
        return { field, value, hlc: read };
      });
      if (edited.has(key)) {
        for (const { field, value, hlc: clock } of received) {
          const merged = mergePulledField(this.records.get(key), this.meta.get(metaKey(table, recordId, field)), {
            recordId,
            field,
            value,
            hlc: clock,
            seq: page.upto,
          });
          if (merged.record) this.records.set(key, merged.record);
          this.meta.set(metaKey(table, recordId, field), merged.meta);
        }
      } else {
        this.records.set(
          key,
          recordFromFields(
            recordId,
            received.map((f) => [f.field, f.value] as const),
          ),
        );
        for (const f of received) this.meta.set(metaKey(table, recordId, f.field), { hlc: f.hlc, seq: page.upto });
      }
      if (isRealHlc(hlc)) this.clock = receive(this.clock, hlc, this.now());
    }
    if (page.next === null) {
      this.snapshotCursor = null;
      this.checkpoint = upto;
    } else this.snapshotCursor = { upto, next: page.next };
  }

  record(table: SyncedTable, id: string): Row | undefined {
    return this.records.get(recordKey(table, id));
  }
}
