import { z } from 'zod';
import { hlcSchema } from './hlc.ts';

// One change message per field (Actual Budget's model; docs/sync.md, « Principe »). A field is a
// top-level property of a record, or one entry of a map property ("reponses.logement.loyer"), so
// that two officers answering different questions of one interview never overwrite each other.
export const fieldPathSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}(\.[\w.:-]{1,160})?$/, 'Chemin de champ invalide.');

export const changeSchema = z.object({
  changeId: z.string().uuid(),
  table: z.string().regex(/^[a-z][a-zA-Z]{0,39}$/),
  recordId: z.string().min(1).max(64),
  field: fieldPathSchema,
  /** The new value; `undefined` is never sent: a removed map entry is `null`. */
  value: z.json(),
  hlc: hlcSchema,
  /** Server sequence of this field as the device last saw it; null for a field it never saw. */
  baseSeq: z.number().int().nonnegative().nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export function splitField(field: string): { name: string; key: string | null } {
  const dot = field.indexOf('.');
  return dot < 0 ? { name: field, key: null } : { name: field.slice(0, dot), key: field.slice(dot + 1) };
}
