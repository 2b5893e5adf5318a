import { z } from 'zod';
import { idSchema, isoDateSchema, propositionReferentielChamps, rattachementChamps } from '../commun/index.ts';

// A renewal project (NPNRU) and the buildings it opens to relocation (charte §4, step 1).
export const operationSchema = z.object({
  id: idSchema,
  nom: z.string().max(200),
  commune: z.string().max(120).default(''),
  territoire: z.string().max(120).default(''),
  /** Official start of the demolition (PCDID), when the reference état d'occupation is taken (charte §2.2 A); unknown on older records. */
  datePcdid: isoDateSchema.nullable().default(null),
  supprime: z.boolean().optional(),
  ...propositionReferentielChamps,
});
export type Operation = z.infer<typeof operationSchema>;

export const residenceSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  nom: z.string().max(200),
  adresse: z.string().max(300).default(''),
  commune: z.string().max(120).default(''),
  bailleur: z.string().max(200).default(''),
  /** Opening to relocation: starts the 3-month clock of the first interviews. */
  dateOuverture: isoDateSchema,
  supprime: z.boolean().optional(),
  ...propositionReferentielChamps,
  ...rattachementChamps,
});
export type Residence = z.infer<typeof residenceSchema>;
