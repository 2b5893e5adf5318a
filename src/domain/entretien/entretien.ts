import { z } from 'zod';
import { idSchema } from '../commun/index.ts';

// One interview (charte §4.3): answers are kept exactly as typed so a draft never loses a word;
// `verifierEntretien` tells what must be fixed before the interview can be marked complete.
export const reponseSchema = z.object({
  valeur: z.union([z.string().max(20_000), z.array(z.string().max(200)).max(50)]),
  /** "Ne souhaite pas répondre": allowed on every non-regulatory question. */
  nsp: z.boolean().optional(),
  /** An implausible amount the officer confirmed as typed: it is counted from then on. */
  confirme: z.boolean().optional(),
});
export type Reponse = z.infer<typeof reponseSchema>;

export const reponseCleSchema = z.string().regex(/^[a-zA-Z][\w.:-]{0,120}$/, 'Clé de réponse invalide.');

export const entretienSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  date: z.string().max(10),
  type: z.enum(['premier', 'suivi']),
  statut: z.enum(['brouillon', 'termine']),
  /** Synced entry by entry: a new interview's empty map sends no change, so a record rebuilt from changes may lack it. */
  reponses: z.record(reponseCleSchema, reponseSchema).default({}),
  termineLe: z.string().max(10).nullable().default(null),
  /** The interview this one started from: its answers were copied to begin with. */
  precedentId: idSchema.nullable().default(null),
  supprime: z.boolean().optional(),
});
export type Entretien = z.infer<typeof entretienSchema>;

export const estVide = (r: Reponse | undefined): boolean =>
  r === undefined || (!r.nsp && (Array.isArray(r.valeur) ? r.valeur.length === 0 : r.valeur.trim() === ''));
