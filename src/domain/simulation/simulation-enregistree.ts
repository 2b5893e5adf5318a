import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { baremeCalculSchema } from './bareme.ts';
import { entreeSimulationSchema } from './entree.ts';
import { reglagesSimulationSchema } from './reglages.ts';

// A simulation saved on a household (charte §7.1): it keeps the inputs, the barème and the
// settings it was computed with, so that it gives the same figures years later, whatever the
// barème or the offer has become since.
export const simulationEnregistreeSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  /** The offer simulated, or null for a dwelling typed by hand. */
  offreId: idSchema.nullable().default(null),
  creeLe: isoDateSchema,
  libelle: z.string().max(200).default(''),
  entree: entreeSimulationSchema,
  bareme: baremeCalculSchema,
  reglages: reglagesSimulationSchema,
  supprime: z.boolean().optional(),
});
export type SimulationEnregistree = z.infer<typeof simulationEnregistreeSchema>;
