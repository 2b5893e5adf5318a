import { z } from 'zod';

// Territory settings (DOMAIN.md §2: "other territories use the same skeleton with other numbers").
// Defaults are the Lille metropolitan charter's (charte §4 step 2, §4 "tout au long").
export const NORMES_OCCUPATION = ['charte-MEL', 'cch-L621-2', 'caf-surface', 'insee'] as const;
export const LIBELLES_NORME: Record<(typeof NORMES_OCCUPATION)[number], string> = {
  'charte-MEL': 'Charte (une pièce de plus ou de moins que de personnes)',
  'cch-L621-2': 'Sous-occupation légale (CCH L621-2)',
  'caf-surface': 'Norme de surface des aides au logement',
  insee: 'Norme de pièces de l’INSEE',
};

export const parametresSchema = z.object({
  id: z.literal('territoire'),
  territoire: z.string().max(120).default('Métropole Européenne de Lille'),
  normeOccupation: z.enum(NORMES_OCCUPATION).default('charte-MEL'),
  delaiPremiersEntretiensMois: z.number({ message: 'Saisissez un nombre de mois.' }).int('Nombre de mois entier attendu.').min(1, 'Au moins 1 mois.').max(24, 'Au plus 24 mois.').default(3),
  cadenceContactMois: z.number({ message: 'Saisissez un nombre de mois.' }).int('Nombre de mois entier attendu.').min(1, 'Au moins 1 mois.').max(12, 'Au plus 12 mois.').default(3),
});
export type Parametres = z.infer<typeof parametresSchema>;

export const PARAMETRES_PAR_DEFAUT: Parametres = parametresSchema.parse({ id: 'territoire' });
