import { z } from 'zod';

// The occupancy norms a territory may choose (docs/domaine.md §10).
export const NORMES_OCCUPATION = ['charte-MEL', 'cch-L621-2', 'caf-surface', 'insee'] as const;
export const LIBELLES_NORME: Record<(typeof NORMES_OCCUPATION)[number], string> = {
  'charte-MEL': 'Charte (une pièce de plus ou de moins que de personnes)',
  'cch-L621-2': 'Sous-occupation légale (CCH L621-2)',
  'caf-surface': 'Norme de surface des aides au logement',
  insee: 'Norme de pièces de l’INSEE',
};

export const normeOccupationSchema = z.enum(NORMES_OCCUPATION, {
  error: `Norme d’occupation inconnue : choisissez ${NORMES_OCCUPATION.map((n) => `« ${n} »`).join(', ')}.`,
});
export type NormeOccupation = z.infer<typeof normeOccupationSchema>;
