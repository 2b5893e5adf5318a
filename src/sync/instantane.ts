import { z } from 'zod';
import { PROTOCOL_VERSION, conflictSchema, queryNumber } from './protocol.ts';
import { hlcPattern, isRealHlc } from './hlc.ts';
import { splitField } from './change.ts';
import { bucketListSchema } from './empreinte.ts';

// The snapshot a new device starts from (docs/sync.md, « Instantané ») instead of the field-by-field
// history: each record's current values once, one clock per record, and a field's own clock only
// where it differs from the record's, as a small number when it can. The clocks stay exact, so the
// per-field merge of later pulls (and of the device's own pending edits) is unchanged.

/** Records per snapshot page: a caseload of 5,000 households comes in a few large pages. */
export const MAX_SNAPSHOT_RECORDS = 10_000;

export const snapshotQuerySchema = z.object({
  protocolVersion: queryNumber.pipe(z.literal(PROTOCOL_VERSION)),
  /** The last record (server order) of the previous page; 0 for the first page. */
  after: queryNumber.default(0),
  limit: queryNumber.pipe(z.number().min(1).max(MAX_SNAPSHOT_RECORDS)).default(MAX_SNAPSHOT_RECORDS),
  /**
   * Only the records of these buckets (`table:c`, comma-separated, see `bucketOf`): a device repairs
   * the buckets whose digests differ (docs/sync.md, « Empreintes et réparation »). A server older
   * than this option sends every record: the device keeps those of its buckets.
   */
  buckets: bucketListSchema.optional(),
});

/**
 * A field's value, and its clock relative to its record's (`hlc`, the greatest of the record):
 * absent when it is the record's, a count when it has the same device and day (see
 * `clockOffsets`), the clock otherwise.
 */
export type SnapshotField = [unknown] | [unknown, number | string];

const isFieldClock = (clock: unknown) =>
  typeof clock === 'number' ? Number.isSafeInteger(clock) && clock >= 0 : typeof clock === 'string' && hlcPattern.test(clock);
const isSnapshotField = (field: unknown) => Array.isArray(field) && (field.length === 1 || (field.length === 2 && isFieldClock(field[1])));
// A value read from a page is JSON by construction (the page is parsed from JSON text): checking it
// again with `z.json()` cost most of the page's parse. The device reads it through its table's schema.
// The rest is one test per record and per field, not an object of a record of unions of tuples: a
// first sync has tens of thousands of records and hundreds of thousands of fields, and an object
// schema copies each record it checks.
function isSnapshotFields(fields: unknown): boolean {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
  for (const field in fields)
    if (Object.hasOwn(fields, field) && !isSnapshotField((fields as Record<string, unknown>)[field])) return false;
  return true;
}

export const snapshotRecordSchema = z.custom<{ table: string; recordId: string; hlc: string; fields: Record<string, SnapshotField> }>(
  (record) => {
    if (typeof record !== 'object' || record === null) return false;
    const { table, recordId, hlc, fields } = record as Record<string, unknown>;
    return (
      typeof table === 'string' &&
      typeof recordId === 'string' &&
      typeof hlc === 'string' &&
      hlcPattern.test(hlc) &&
      isSnapshotFields(fields)
    );
  },
  'Enregistrement d’instantané mal formé.',
);
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;

export const snapshotResponseSchema = z.object({
  records: z.array(snapshotRecordSchema),
  /** The conflicts of the page's records, open or acknowledged, as a pull from 0 gives them. */
  conflicts: z.array(conflictSchema),
  /**
   * The server's latest sequence when the page was read: every field of the page is as of this
   * sequence. The first page's is where the pulls go on from once the snapshot is complete.
   */
  upto: z.number().int().nonnegative(),
  /** The cursor of the next page, null on the last one. */
  next: z.number().int().nonnegative().nullable(),
  serverTime: z.string(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

// A clock "YYYY-MM-DDTHH:MM:SS.mmmZ-CCCC-node" as one count of its day: (milliseconds of the day)
// × 65,536 + counter, so two clocks of one device and one day differ by a whole number well
// within a double's exact range (86.4 M × 65,536 < 2⁵³).
const COUNTER_SPAN = 65_536;
const DAY = 11;

function countOfDay(hlc: string): number {
  const ms =
    ((Number(hlc.slice(11, 13)) * 60 + Number(hlc.slice(14, 16))) * 60 + Number(hlc.slice(17, 19))) * 1000 + Number(hlc.slice(20, 23));
  return ms * COUNTER_SPAN + parseInt(hlc.slice(25, 29), 16);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A byte as a clock's counter writes it: two upper-case hexadecimal digits (a counter is two bytes). */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16).toUpperCase().padStart(2, '0'));

/** The time of day (`HH:MM:SS.mmmZ`) of a count of milliseconds since midnight. */
const timeOfDay = (ms: number) =>
  `${pad(Math.floor(ms / 3_600_000), 2)}:${pad(Math.floor(ms / 60_000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}Z`;

/** A real time of day in a well-formed clock: with a real date, the whole clock is a real instant. */
const realTimeOfDay = (hlc: string) =>
  hlcPattern.test(hlc) && Number(hlc.slice(11, 13)) < 24 && Number(hlc.slice(14, 16)) < 60 && Number(hlc.slice(17, 19)) < 60;

/**
 * How the fields' clocks of a record travel next to its greatest clock `base`: the rule the server
 * writes in SQL when it keeps each record (src/server/replication/snapshot-records.ts), and against
 * which its tests check that SQL. What depends on the base alone is worked out once per record.
 */
export function clockOffsets(base: string): (hlc: string) => number | string | null {
  const compact = isRealHlc(base);
  const day = base.slice(0, DAY);
  const node = base.slice(30);
  const baseCount = compact ? countOfDay(base) : 0;
  return (hlc) => {
    if (hlc === base) return null;
    // Same device and day, both real instants: the count is exact and reads back as the clock.
    if (!compact || !hlc.startsWith(day) || hlc.slice(30) !== node || hlc > base || !realTimeOfDay(hlc)) return hlc;
    return baseCount - countOfDay(hlc);
  };
}

/**
 * How the fields' clocks of a record read back next to its greatest clock `base` (device side),
 * each null when the page is malformed: what depends on the base alone is worked out once per
 * record, as `clockOffsets` does. `baseReal`: `isRealHlc(base)`, when the caller worked it out.
 */
export function fieldClocks(base: string, baseReal = isRealHlc(base)): (clock: number | string | undefined) => string | null {
  const day = base.slice(0, DAY);
  const node = `-${base.slice(30)}`;
  const baseCount = baseReal ? countOfDay(base) : 0;
  // The fields of a record written together share their millisecond: the clock up to its counter is written once.
  let ms = -1;
  let upToCounter = '';
  return (clock) => {
    if (clock === undefined) return base;
    if (typeof clock === 'string') return clock;
    const count = baseCount - clock;
    if (!baseReal || !Number.isSafeInteger(count) || count < 0) return null;
    if (Math.floor(count / COUNTER_SPAN) !== ms) {
      ms = Math.floor(count / COUNTER_SPAN);
      upToCounter = `${day}${timeOfDay(ms)}-`;
    }
    const counter = count % COUNTER_SPAN;
    return upToCounter + HEX_BYTES[counter >>> 8]! + HEX_BYTES[counter & 0xff]! + node;
  };
}

/** The greatest clock of a record's fields, the one its snapshot carries. */
export const recordClock = (clocks: Iterable<string>): string => {
  let greatest = '';
  for (const hlc of clocks) if (hlc > greatest) greatest = hlc;
  return greatest;
};

/**
 * A record built field by field, as `applyField` would build it: a map entry under its property, a
 * null entry absent. The maps it makes are filled in place: copying one per entry would be
 * quadratic in its size.
 */
export class RecordBuild {
  readonly record: Record<string, unknown>;
  /** The maps this build made (a map received whole is copied before its first entry is set). */
  private made: Set<unknown> | null = null;

  constructor(recordId: string) {
    this.record = { id: recordId };
  }

  set(field: string, value: unknown): void {
    // Most fields are no map's entry: those are set without splitting their name.
    if (!field.includes('.')) {
      this.record[field] = value;
      return;
    }
    const { name, key } = splitField(field) as { name: string; key: string };
    this.made ??= new Set();
    if (!this.made.has(this.record[name])) {
      this.record[name] = { ...((this.record[name] ?? {}) as Record<string, unknown>) };
      this.made.add(this.record[name]);
    }
    const map = this.record[name] as Record<string, unknown>;
    if (value === null) delete map[key];
    else map[key] = value;
  }
}

/** A record built from its fields at once (`RecordBuild`). Each field is `[name, value]`, anything after is not read. */
export function recordFromFields(recordId: string, fields: Iterable<readonly [string, unknown, ...unknown[]]>): Record<string, unknown> {
  const build = new RecordBuild(recordId);
  for (const [field, value] of fields) build.set(field, value);
  return build.record;
}
