import { z } from 'zod';
import { idSchema } from '../commun/index.ts';
import { grilleVisiteSchema } from './grille.ts';
import { rendezVousChamps } from './rendez-vous.ts';

// One courtesy visit after the move (charte §4 step 13), by the chargé with a local agent of the
// receiving landlord. `numero` is its rank in the territory's plan (1 = the visit at 2 months).
export const visiteCourtoisieSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  numero: z
    .number({ error: 'Indiquez le numéro de la visite.' })
    .int('Le numéro de la visite doit être entier.')
    .min(1, 'Le numéro de la visite commence à 1.')
    .max(12, 'Au plus 12 visites de courtoisie.'),
  ...rendezVousChamps,
  accompagnant: z.string().max(200).default(''),
  grille: grilleVisiteSchema.prefault({}),
  supprime: z.boolean().optional(),
});
export type VisiteCourtoisie = z.infer<typeof visiteCourtoisieSchema>;
