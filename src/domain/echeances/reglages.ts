import { z } from 'zod';
import { parametresSchema } from '../parametres/index.ts';

// The clocks before the move (charte §4 step 2: first interviews within 3 months of the résidence's
// opening; "tout au long": a contact every 2 to 3 months) and how far ahead the agenda warns.
// The two charter delays are the territory's parameters, validated in one place.
const jours = (quoi: string, max: number) =>
  z
    .number({ error: `Indiquez ${quoi}, en jours.` })
    .int(`${quoi} : nombre de jours entier attendu.`)
    .min(0, `${quoi} ne peut pas être négatif.`)
    .max(max, `${quoi} : au plus ${max} jours.`);

export const reglagesEcheancesSchema = z.object({
  delaiPremiersEntretiensMois: parametresSchema.shape.delaiPremiersEntretiensMois,
  cadenceContactMois: parametresSchema.shape.cadenceContactMois,
  /** A due date this close is "bientôt" (first interview, contact, expiring piece). */
  bientotJours: jours('Le préavis d’une échéance proche', 90).default(15),
  /** The agenda's "next days" column ends this far from today. */
  horizonJours: jours('L’horizon de l’agenda', 365).default(30),
});
export type ReglagesEcheances = z.infer<typeof reglagesEcheancesSchema>;
export const REGLAGES_ECHEANCES_PAR_DEFAUT: ReglagesEcheances = reglagesEcheancesSchema.parse({});
