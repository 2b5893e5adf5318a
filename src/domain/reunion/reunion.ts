import { z } from 'zod';
import { enumeration, idSchema, isoDateSchema } from '../commun/index.ts';
import { heureSchema } from '../calendrier/index.ts';

// The partners' meetings of an opération (charte §4 steps 5, 6 and 8; §5.5 A, B, D, E): the
// bilan de peuplement, the meeting presenting the households that orients them, and the GTR and
// GTRM meetings. A meeting dated after today is planned; one dated today or before is held.
const naturesReunion = enumeration({
  bilan_peuplement: 'Bilan de peuplement',
  orientation: 'Réunion de présentation des ménages et d’orientation',
  gtr: 'GTR (groupe technique de relogement)',
  gtrm: 'GTRM (groupe technique de relogement métropolitain)',
});
export const NATURES_REUNION = naturesReunion.valeurs;
export const natureReunionSchema = z.enum(NATURES_REUNION, {
  error: 'Type de réunion inconnu : bilan de peuplement, réunion d’orientation, GTR ou GTRM.',
});
export type NatureReunion = z.infer<typeof natureReunionSchema>;
export const LIBELLES_NATURE_REUNION = naturesReunion.libelles;

export const reunionSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  nature: natureReunionSchema,
  date: isoDateSchema,
  heure: heureSchema.nullable().default(null),
  lieu: z.string().max(300).default(''),
  /** The partners present, the roadmap agreed, what the bilan showed. */
  compteRendu: z.string().max(10_000).default(''),
  supprime: z.boolean().optional(),
});
export type Reunion = z.infer<typeof reunionSchema>;

export const estTenue = (r: Pick<Reunion, 'date'>, aujourdhui: string): boolean => r.date <= aujourdhui;

/** The meetings of one nature, in date order, deleted ones left out. */
export const reunionsDe = <R extends Pick<Reunion, 'nature' | 'date' | 'supprime'>>(reunions: readonly R[], nature: NatureReunion): R[] =>
  reunions.filter((r) => !r.supprime && r.nature === nature).sort((a, b) => a.date.localeCompare(b.date));

/** The next meeting of a nature from today on: the one to prepare. */
export const prochaineReunion = <R extends Pick<Reunion, 'nature' | 'date' | 'supprime'>>(
  reunions: readonly R[],
  nature: NatureReunion,
  aujourdhui: string,
): R | null => reunionsDe(reunions, nature).find((r) => r.date >= aujourdhui) ?? null;
