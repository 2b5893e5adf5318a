import { z } from 'zod';
import { occupantSchema } from '../occupation/index.ts';
import { criteresMenageSchema, depensesSchema, logementSimuleSchema, montantIndexeSchema } from '../simulation/index.ts';
import { TYPOLOGIES } from './offre.ts';

// What the matching needs to know of a household (docs/domaine.md §3: occupants, resources, expenses,
// current dwelling, wishes and needs). The app's household, occupants and interview map onto it.
export const profilMenageSchema = z.object({
  id: z.string().min(1, 'Identifiant du ménage manquant.'),
  occupants: z
    .number({ error: 'Indiquez le nombre d’occupants du ménage.' })
    .int('Le nombre d’occupants doit être un nombre entier.')
    .min(1, 'Le ménage doit compter au moins un occupant.'),
  composition: z.array(occupantSchema).optional(),
  ressourcesMensuelles: z
    .array(montantIndexeSchema((mois) => ({ nom: `les ressources du mois ${mois}`, feminin: true, pluriel: true })))
    .min(1, 'Indiquez les ressources d’au moins un mois.'),
  depenses: depensesSchema,
  logementActuel: logementSimuleSchema('du logement actuel'),
  /** Empty: no preference given. */
  typologiesSouhaitees: z.array(z.enum(TYPOLOGIES, { error: 'Typologie souhaitée inconnue (T1 à T6).' })).default([]),
  /** Empty: any commune. */
  communesSouhaitees: z.array(z.string()).default([]),
  besoinPmr: z.boolean().default(false),
  /** Highest floor the household can climb without a lift; null: no limit. */
  etageMaxSansAscenseur: z
    .number()
    .int('Étage entier attendu.')
    .min(0, 'L’étage maximum ne peut pas être négatif.')
    .nullable()
    .default(null),
  criteresMenage: criteresMenageSchema.default({ typologieEtLocalisationExistent: null, aucunFreinALever: null }),
});
export type ProfilMenage = z.infer<typeof profilMenageSchema>;
