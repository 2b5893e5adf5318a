import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { LIBELLES_TYPOLOGIE, TYPOLOGIES } from '../offre/index.ts';
import type { DonneesPilotage } from './donnees.ts';
import { filtresPilotageSchema } from './filtres.ts';
import { perimetre } from './perimetre.ts';
import type { Tableau } from './tableau.ts';

// The relocation plan of an operation (charte §6.6, §1.3): how many households are to be
// relocated each year, by résidence left and type of the new dwelling; updated every quarter and
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

export const planRelogementSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  lignes: z.array(lignePlanSchema).max(2000),
  /** The quarterly update: the day the forecast was last revised. */
  misAJourLe: isoDateSchema,
  supprime: z.boolean().optional(),
});
export type PlanRelogement = z.infer<typeof planRelogementSchema>;

export type LigneComparee = LignePlan & { realises: number; ecart: number };

/** Each line of the plan for `annee` with the leases signed that year by the households of that résidence into that type. */
export function planContreRealise(plan: PlanRelogement, donnees: DonneesPilotage, annee: number): LigneComparee[] {
  const filtres = filtresPilotageSchema.parse({
    periode: { debut: `${annee}-01-01`, fin: `${annee}-12-31` },
    operationId: plan.operationId,
  });
  const { relogements } = perimetre(donnees, filtres, { offresProposeesSeulement: true });
  const realises = (l: LignePlan) =>
    relogements.filter((r) => r.menage.residenceId === l.residenceId && r.offre?.typologie === l.typologie).length;
  return plan.lignes.filter((l) => l.annee === annee).map((l) => ({ ...l, realises: realises(l), ecart: realises(l) - l.prevus }));
}

export function tableauPlan(lignes: readonly LigneComparee[], nomsResidences: ReadonlyMap<string, string>): Tableau {
  return {
    code: 'plan',
    titre: 'Plan de relogement : prévu et réalisé',
    colonnes: ['Résidence', 'Typologie', 'Prévus', 'Réalisés', 'Écart'],
    lignes: lignes.map((l) => [
      nomsResidences.get(l.residenceId) ?? 'Résidence inconnue',
      LIBELLES_TYPOLOGIE[l.typologie],
      l.prevus,
      l.realises,
      l.ecart,
    ]),
  };
}
