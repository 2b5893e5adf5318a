import { z } from 'zod';

// The dossier's clocks (charte §4 step 4: every piece refreshed at least every 6 months; a demand
// is valid 1 year, CCH R441-2-2), kept as territory settings.
const entier = (quoi: string, min: number, max: number) =>
  z
    .number({ error: `Indiquez ${quoi}.` })
    .int(`${quoi} : nombre entier attendu.`)
    .min(min, `${quoi} : au moins ${min}.`)
    .max(max, `${quoi} : au plus ${max}.`);

export const reglagesDossierSchema = z.object({
  /** A piece is valid this many months after it was provided. */
  validiteMois: entier('La durée de validité d’une pièce (mois)', 1, 36).default(6),
  /** A piece whose validity ends within this many days is "à renouveler". */
  alerteJours: entier('Le préavis de renouvellement (jours)', 0, 180).default(30),
  /** Month by which the year's tax notices have all been sent (avis d'impôt: late July to early September). */
  moisAvisImposition: entier('Le mois de parution des avis d’impôt', 1, 12).default(9),
  /** A social-housing demand is renewed every year. */
  validiteDemandeMois: entier('La durée de validité de la demande (mois)', 1, 36).default(12),
});
export type ReglagesDossier = z.infer<typeof reglagesDossierSchema>;
export const REGLAGES_DOSSIER_PAR_DEFAUT: ReglagesDossier = reglagesDossierSchema.parse({});
