import type { RecordState } from '../replication/records.ts';

/** One field a push writes, as its plan holds it. */
export type PlannedWrite = { record: RecordState; field: string; stored: { value: unknown } };

/**
 * Each record of `tables` a push writes, with its values as the read side will hold them: its
 * stored values (`stored`, by rid, none for a new record) with the push's writes over them.
 */
export function plannedValues(
  writes: Iterable<PlannedWrite>,
  stored: ReadonlyMap<number, Record<string, unknown>>,
  tables: readonly string[],
): Map<RecordState, Map<string, unknown>> {
  const values = new Map<RecordState, Map<string, unknown>>();
  for (const { record, field, stored: written } of writes) {
    if (!tables.includes(record.table)) continue;
    let fields = values.get(record);
    if (!fields) {
      fields = new Map(Object.entries((record.rid === null ? undefined : stored.get(record.rid)) ?? {}));
      values.set(record, fields);
    }
    fields.set(field, written.value);
  }
  return values;
}
