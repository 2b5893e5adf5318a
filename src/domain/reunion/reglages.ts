import { z } from 'zod';

// Charte §4 step 5: the bilan de peuplement at most 1 month after the end of the interviews,
// « mis à jour annuellement »; step 6: the meeting presenting the households « 2 mois maximum »
// after the bilan. Defaults of the Lille charter, settings of the territory.
const mois = (quoi: string) =>
  z
    .number({ error: `${quoi} : indiquez un nombre de mois.` })
    .int(`${quoi} : nombre de mois entier attendu.`)
    .min(1, `${quoi} : au moins 1 mois.`)
    .max(36, `${quoi} : au plus 36 mois.`);

export const reglagesReunionsSchema = z.object({
  bilanApresEntretiensMois: mois('Délai du bilan de peuplement').default(1),
  miseAJourBilanMois: mois('Mise à jour du bilan de peuplement').default(12),
  orientationApresBilanMois: mois('Délai de la réunion d’orientation').default(2),
});
export type ReglagesReunions = z.infer<typeof reglagesReunionsSchema>;
export const REGLAGES_REUNIONS_PAR_DEFAUT: ReglagesReunions = reglagesReunionsSchema.parse({});
