import { enumeration } from '../commun/index.ts';
import { z } from 'zod';

// The occupancy norms a territory may choose (docs/domaine.md §10).
const normesOccupation = enumeration({
  'charte-MEL': 'Charte (une pièce de plus ou de moins que de personnes)',
  'cch-L621-2': 'Sous-occupation légale (CCH L621-2)',
  'caf-surface': 'Norme de surface des aides au logement',
  insee: 'Norme de pièces de l’INSEE',
});
export const NORMES_OCCUPATION = normesOccupation.valeurs;
export const LIBELLES_NORME = normesOccupation.libelles;

export const normeOccupationSchema = z.enum(NORMES_OCCUPATION, {
  error: `Norme d’occupation inconnue : choisissez ${NORMES_OCCUPATION.map((n) => `« ${n} »`).join(', ')}.`,
});
export type NormeOccupation = z.infer<typeof normeOccupationSchema>;
