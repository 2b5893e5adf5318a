import { z } from 'zod';

// Follow-up after the move (charte §4 steps 13 and 14; docs/domaine.md §9): courtesy
// visits at 2, 4 and 6 months and the satisfaction survey at 6 months by default; a territory
// sets its own months and an opération may override them.
const mois = (quoi: string) =>
  z
    .number({ error: `Indiquez ${quoi} : un nombre de mois.` })
    .int(`${quoi} : nombre de mois entier attendu.`)
    .min(1, `${quoi} : au moins 1 mois.`)
    .max(36, `${quoi} : au plus 36 mois.`);

const champsSuivi = {
  visitesCourtoisieMois: z
    .array(mois('le mois de la visite de courtoisie'), { error: 'Indiquez les mois des visites de courtoisie : une liste de nombres.' })
    .min(1, 'Prévoyez au moins une visite de courtoisie.')
    .max(12, 'Au plus 12 visites de courtoisie.')
    .refine((l) => l.every((m, i) => i === 0 || m > (l[i - 1] ?? 0)), 'Les mois des visites de courtoisie doivent être croissants.'),
  enqueteSatisfactionMois: mois('le mois de l’enquête de satisfaction'),
};

export const reglagesSuiviSchema = z.object({
  visitesCourtoisieMois: champsSuivi.visitesCourtoisieMois.default([2, 4, 6]),
  enqueteSatisfactionMois: champsSuivi.enqueteSatisfactionMois.default(6),
  /** Beyond this, a relocation date in the future is taken for a typing error. */
  relogementFuturMaxMois: mois('le délai maximal d’un relogement à venir').default(12),
});
export type ReglagesSuivi = z.infer<typeof reglagesSuiviSchema>;
export const REGLAGES_SUIVI_PAR_DEFAUT: ReglagesSuivi = reglagesSuiviSchema.parse({});

/** What an opération may set differently from its territory. */
export const surchargeSuiviSchema = z.object({
  visitesCourtoisieMois: champsSuivi.visitesCourtoisieMois.optional(),
  enqueteSatisfactionMois: champsSuivi.enqueteSatisfactionMois.optional(),
});
export type SurchargeSuivi = z.infer<typeof surchargeSuiviSchema>;

export const reglagesSuiviOperation = (territoire: ReglagesSuivi, surcharge: SurchargeSuivi | undefined): ReglagesSuivi => ({
  ...territoire,
  visitesCourtoisieMois: surcharge?.visitesCourtoisieMois ?? territoire.visitesCourtoisieMois,
  enqueteSatisfactionMois: surcharge?.enqueteSatisfactionMois ?? territoire.enqueteSatisfactionMois,
});

// Charte §4 step 13: special watch on households near the 6.50 € line whose reste à vivre did not
// clearly improve; "near" and "clearly" are the territory's to set.
const euros = (quoi: string) =>
  z.number({ error: `Indiquez ${quoi}, en euros par jour et par personne.` }).min(0, `${quoi} ne peut pas être négatif.`);

export const reglagesVigilanceSchema = z.object({
  seuilResteAVivre: euros('le seuil d’alerte du reste à vivre').default(6.5),
  seuilProcheResteAVivre: euros('le seuil de vigilance du reste à vivre avant relogement').default(7.5),
  ameliorationSignificative: euros('l’amélioration significative du reste à vivre').default(0.5),
});
export type ReglagesVigilance = z.infer<typeof reglagesVigilanceSchema>;
export const REGLAGES_VIGILANCE_PAR_DEFAUT: ReglagesVigilance = reglagesVigilanceSchema.parse({});
