import { z } from 'zod';
import { splitField } from './change.ts';
import type { Change } from './change.ts';
import { isRealHlc, parseHlc } from './hlc.ts';
import { SYNCED_TABLES, isSyncedTable } from './tables.ts';
import type { SyncedTable } from './tables.ts';

// A change is checked against its table's zod schema before anything is written: the field's own
// sub-schema, or for one entry of a map, the map's key and value schemas. The same checks can run
// on the device before a change is queued.

/** Optional, nullable and default wrappers hide the map schema of a property. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner;
}

const shapeOf = (table: SyncedTable): Record<string, z.ZodType> => SYNCED_TABLES[table].schema.shape;

const firstIssue = (error: z.ZodError): string => error.issues[0]?.message ?? 'Valeur invalide.';

function checkMapEntry(table: SyncedTable, name: string, key: string, value: unknown): string | null {
  const map = unwrap(shapeOf(table)[name] as z.ZodType);
  if (!(map instanceof z.ZodRecord)) return `Le champ « ${name} » n’est pas une liste d’entrées.`;
  if (!(map.keyType as z.ZodType).safeParse(key).success) return `Entrée « ${key} » inconnue pour le champ « ${name} ».`;
  if (value === null) return null;
  const parsed = (map.valueType as z.ZodType).safeParse(value);
  return parsed.success ? null : `Valeur invalide pour « ${name}.${key} » : ${firstIssue(parsed.error)}`;
}

/** Why `value` cannot be stored in `field` of `table` (French), or null when it can. */
export function checkFieldValue(table: SyncedTable, field: string, value: unknown): string | null {
  const { name, key } = splitField(field);
  const shape = shapeOf(table);
  if (name === 'id' || !Object.hasOwn(shape, name)) return `Champ « ${name} » inconnu pour « ${table} ».`;
  const isMap = (SYNCED_TABLES[table].mapFields as readonly string[]).includes(name);
  if (isMap !== (key !== null)) return isMap ? `Le champ « ${name} » se modifie entrée par entrée.` : `Le champ « ${name} » n’a pas d’entrées.`;
  if (key !== null) return checkMapEntry(table, name, key, value);
  const fieldSchema = shape[name] as z.ZodType;
  // A property removed from a record travels as null (diffRecord): allowed where it may be absent
  // (optional without a default, which would fill it in again).
  if (value === null) {
    const absent = fieldSchema.safeParse(undefined);
    if (absent.success && absent.data === undefined) return null;
  }
  const parsed = fieldSchema.safeParse(value);
  return parsed.success ? null : `Valeur invalide pour « ${name} » : ${firstIssue(parsed.error)}`;
}

/** Why a change cannot be accepted (French), or null: table, record id, field, value and clock. */
export function checkChange(change: Change, now: number, maxAheadMs: number): string | null {
  if (!isSyncedTable(change.table)) return `Table « ${change.table} » inconnue.`;
  if (!(shapeOf(change.table).id as z.ZodType).safeParse(change.recordId).success) return 'Identifiant d’enregistrement invalide.';
  if (!isRealHlc(change.hlc)) return 'Horloge de la tablette impossible (date ou heure inexistante) : corrigez la date et l’heure de l’appareil.';
  if (parseHlc(change.hlc).millis - now > maxAheadMs) {
    return `L’horloge de la tablette est en avance de plus de ${Math.round(maxAheadMs / 60_000)} minutes : corrigez la date et l’heure de l’appareil.`;
  }
  return checkFieldValue(change.table, change.field, change.value);
}
