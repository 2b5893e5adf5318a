import { z } from 'zod';
import { REGLES_CONTACT_PAR_DEFAUT } from './contact.ts';

// The charter's clocks before relocation, settings of the territory (docs/domaine.md §2: "other
// territories use the same skeleton with other numbers"). Defaults are the Lille metropolitan
// charter's (charte §4 step 2, §4 "tout au long"). The whole territory settings are in territoire/.
export const parametresSchema = z.object({
  id: z.literal('territoire'),
  territoire: z.string().max(120).default('Métropole Européenne de Lille'),
  delaiPremiersEntretiensMois: z
    .number({ message: 'Saisissez un nombre de mois.' })
    .int('Nombre de mois entier attendu.')
    .min(1, 'Au moins 1 mois.')
    .max(24, 'Au plus 24 mois.')
    .default(REGLES_CONTACT_PAR_DEFAUT.delaiPremiersEntretiensMois),
  cadenceContactMois: z
    .number({ message: 'Saisissez un nombre de mois.' })
    .int('Nombre de mois entier attendu.')
    .min(1, 'Au moins 1 mois.')
    .max(12, 'Au plus 12 mois.')
    .default(REGLES_CONTACT_PAR_DEFAUT.cadenceContactMois),
});
export type Parametres = z.infer<typeof parametresSchema>;

export const PARAMETRES_PAR_DEFAUT: Parametres = parametresSchema.parse({ id: 'territoire' });
