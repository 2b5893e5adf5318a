import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { TYPOLOGIES } from '../offre/index.ts';

// The relocation plan of an operation (charte §6.6, §1.3): how many households are to be
// relocated each year, by résidence left and type of the new dwelling; revised every quarter and
// compared with the leases signed.

export const lignePlanSchema = z.object({
  annee: z
    .number({ error: 'Indiquez l’année.' })
    .int('L’année est un nombre entier.')
    .min(2000, 'Année improbable.')
    .max(2100, 'Année improbable.'),
  residenceId: idSchema,
  typologie: z.enum(TYPOLOGIES, { error: 'Choisissez la typologie (T1 à T6).' }),
  prevus: z
    .number({ error: 'Indiquez le nombre de relogements prévus.' })
    .int('Le nombre de relogements prévus est entier.')
    .min(0, 'Le nombre de relogements prévus ne peut pas être négatif.')
    .max(10000, 'Nombre de relogements prévus improbable.'),
});
export type LignePlan = z.infer<typeof lignePlanSchema>;

/** A quarter as the plan keys its revisions: `2026-T2`. */
export const trimestreSchema = z.string().regex(/^\d{4}-T[1-4]$/, 'Trimestre invalide (AAAA-Tn).');
export const trimestreDe = (date: string): string => `${date.slice(0, 4)}-T${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

export const revisionPlanSchema = z.object({
  /** The day this quarter's forecast was last changed. */
  misAJourLe: isoDateSchema,
  lignes: z.array(lignePlanSchema).max(2000),
});
export type RevisionPlan = z.infer<typeof revisionPlanSchema>;

export const planRelogementSchema = z.object({
  /** The operation's id: one plan per operation, so two encadrants starting it offline write the same record. */
  id: idSchema,
  operationId: idSchema,
  /**
   * The forecast as revised in each quarter, keyed by quarter: a revision never overwrites the
   * previous quarter's, so the history stays, and the sync merges revisions of different quarters
   * entry by entry.
   */
  revisions: z.record(trimestreSchema, revisionPlanSchema).default({}),
  supprime: z.boolean().optional(),
});
export type PlanRelogement = z.infer<typeof planRelogementSchema>;

/** The forecast in force on `date`: the latest revision made in its quarter or before; null before the first. */
export function revisionEnVigueur(plan: PlanRelogement, date: string): RevisionPlan | null {
  const jusqua = trimestreDe(date);
  const cle = Object.keys(plan.revisions)
    .filter((t) => t <= jusqua)
    .sort()
    .at(-1);
  return cle === undefined ? null : (plan.revisions[cle] ?? null);
}

/** The latest forecast, whatever its quarter. */
export function revisionCourante(plan: PlanRelogement): RevisionPlan | null {
  const cle = Object.keys(plan.revisions).sort().at(-1);
  return cle === undefined ? null : (plan.revisions[cle] ?? null);
}

/**
 * The plan with `lignes` as the forecast of the quarter holding `jour`: a first change in a new
 * quarter opens its revision, the earlier ones are kept as they were.
 */
export function reviserPlan(
  plan: PlanRelogement | undefined,
  operationId: string,
  jour: string,
  lignes: readonly LignePlan[],
): PlanRelogement {
  const base = plan ?? { id: operationId, operationId, revisions: {} };
  return { ...base, revisions: { ...base.revisions, [trimestreDe(jour)]: { misAJourLe: jour, lignes: [...lignes] } } };
}
