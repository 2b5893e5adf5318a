import { z } from 'zod';
import { NORMES_OCCUPATION } from '../parametres/index.ts';

// The list of norms belongs to the territory settings; this is its schema for inputs.
export const normeOccupationSchema = z.enum(NORMES_OCCUPATION, {
  error: `Norme d’occupation inconnue : choisissez ${NORMES_OCCUPATION.map((n) => `« ${n} »`).join(', ')}.`,
});
export type NormeOccupation = z.infer<typeof normeOccupationSchema>;
