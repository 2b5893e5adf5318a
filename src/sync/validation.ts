import { z } from 'zod';
import { splitField } from './change.ts';
import type { Change } from './change.ts';
import { isRealHlc, parseHlc } from './hlc.ts';
import { SYNCED_TABLES, isSyncedTable } from './tables.ts';
import type { SyncedTable } from './tables.ts';

// A change is checked against its table's zod schema before anything is written: the field's own
// sub-schema, or for one entry of a map, the map's key and value schemas. The same checks can run
// on the device before a change is queued. What is stored is the parsed value, never the one sent,
// and a value carrying a key its schema does not know is refused rather than silently trimmed.

/** Optional, nullable and default wrappers hide the map schema of a property. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

const shapeOf = (table: SyncedTable): Record<string, z.ZodType> => SYNCED_TABLES[table].schema.shape;

const firstIssue = (error: z.ZodError): string => error.issues[0]?.message ?? 'Valeur invalide.';

/** A value that may be stored, as parsed, or why it may not (French). */
export type CheckedValue = { ok: true; value: unknown } | { ok: false; error: string };

const refused = (error: string): CheckedValue => ({ ok: false, error });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The first key of `sent` that parsing dropped, as a path, or null. Zod's objects strip unknown
 * keys; comparing what was sent with what was parsed makes every object of every value strict
 * (loose objects and records keep their keys, so they pass).
 */
function droppedKey(sent: unknown, parsed: unknown, path: string): string | null {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    for (const [i, item] of sent.entries()) {
      const dropped = droppedKey(item, parsed[i], `${path}[${i}]`);
      if (dropped !== null) return dropped;
    }
  } else if (isObject(sent) && isObject(parsed)) {
    for (const [key, item] of Object.entries(sent)) {
      const where = path === '' ? key : `${path}.${key}`;
      const dropped = Object.hasOwn(parsed, key) ? droppedKey(item, parsed[key], where) : where;
      if (dropped !== null) return dropped;
    }
  }
  return null;
}

/** Parses a value with a field's schema; `label` names the field in messages. */
function parseValue(schema: z.ZodType, value: unknown, label: string): CheckedValue {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return refused(`Valeur invalide pour « ${label} » : ${firstIssue(parsed.error)}`);
  const dropped = droppedKey(value, parsed.data, '');
  return dropped === null
    ? { ok: true, value: parsed.data }
    : refused(`Valeur invalide pour « ${label} » : clé « ${dropped.slice(0, 80)} » inconnue.`);
}

function checkMapEntry(table: SyncedTable, name: string, key: string, value: unknown): CheckedValue {
  const map = unwrap(shapeOf(table)[name] as z.ZodType);
  if (!(map instanceof z.ZodRecord)) return refused(`Le champ « ${name} » n’est pas une liste d’entrées.`);
  if (!(map.keyType as z.ZodType).safeParse(key).success) return refused(`Entrée « ${key} » inconnue pour le champ « ${name} ».`);
  if (value === null) return { ok: true, value: null };
  return parseValue(map.valueType as z.ZodType, value, `${name}.${key}`);
}

/** The value to store in `field` of `table`, as parsed, or why it cannot be stored (French). */
export function checkFieldValue(table: SyncedTable, field: string, value: unknown): CheckedValue {
  const { name, key } = splitField(field);
  const shape = shapeOf(table);
  if (name === 'id' || !Object.hasOwn(shape, name)) return refused(`Champ « ${name} » inconnu pour « ${table} ».`);
  const isMap = (SYNCED_TABLES[table].mapFields as readonly string[]).includes(name);
  if (isMap !== (key !== null))
    return refused(isMap ? `Le champ « ${name} » se modifie entrée par entrée.` : `Le champ « ${name} » n’a pas d’entrées.`);
  if (key !== null) return checkMapEntry(table, name, key, value);
  const fieldSchema = shape[name] as z.ZodType;
  // A property removed from a record travels as null (diffRecord): allowed where it may be absent
  // (optional without a default, which would fill it in again).
  if (value === null) {
    const absent = fieldSchema.safeParse(undefined);
    if (absent.success && absent.data === undefined) return { ok: true, value: null };
  }
  return parseValue(fieldSchema, value, name);
}

/** The value to store for a change, as parsed, or why it cannot be accepted (French): table, record id, clock, field and value. */
export function checkChange(change: Change, now: number, maxAheadMs: number): CheckedValue {
  if (!isSyncedTable(change.table)) return refused(`Table « ${change.table} » inconnue.`);
  if (!(shapeOf(change.table).id as z.ZodType).safeParse(change.recordId).success) return refused('Identifiant d’enregistrement invalide.');
  if (!isRealHlc(change.hlc))
    return refused('Horloge de la tablette impossible (date ou heure inexistante) : corrigez la date et l’heure de l’appareil.');
  if (parseHlc(change.hlc).millis - now > maxAheadMs) {
    return refused(
      `L’horloge de la tablette est en avance de plus de ${Math.round(maxAheadMs / 60_000)} minutes : corrigez la date et l’heure de l’appareil.`,
    );
  }
  return checkFieldValue(change.table, change.field, change.value);
}
