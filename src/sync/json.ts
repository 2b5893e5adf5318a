// JSON values come back from PostgreSQL's jsonb with their object keys reordered, so two equal
// values are compared with their keys sorted, never as the strings they were sent as.

/** The JSON text of a value with every object's keys in sorted order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 32;

/**
 * Why a value cannot be stored as text or jsonb by PostgreSQL (a NUL character, half of a
 * surrogate pair, nesting deeper than any record needs), or null when it can.
 */
export function unstorableText(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `Données imbriquées sur plus de ${MAX_DEPTH} niveaux.`;
  if (typeof value === 'string')
    return value.includes('\u0000') || LONE_SURROGATE.test(value)
      ? 'Texte contenant un caractère invalide (caractère nul ou mal encodé).'
      : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const problem = unstorableText(key, depth + 1) ?? unstorableText(item, depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}
