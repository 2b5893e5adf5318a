import { z } from 'zod';
import { delaiSchema } from '../calendrier/index.ts';

// A territory's proposal rules (docs/domaine.md §9). Defaults: the MEL
// charter (§4 steps 7 and 11: partners validate within 5 days, the household answers within
// 10 days of the visit, three proposals with a mediation from the 2nd refusal) and CCH R441-10
// (never less than 10 days from the written offer).
export const reglagesPropositionSchema = z
  .object({
    /**
     * The proposals the household is entitled to, the last of them binding (CCH L353-15): a floor, not
     * a ceiling. The name is stored in every territory's settings record, so it stays as it is.
     */
    maxPropositions: z
      .number({ error: 'Indiquez le nombre de propositions dues au ménage.' })
      .int('Nombre de propositions entier attendu.')
      .min(1, 'Au moins une proposition.')
      .max(5, 'Au plus 5 propositions.')
      .default(3),
    mediationApresRefus: z
      .number({ error: 'Indiquez après combien de refus du ménage la médiation est requise.' })
      .int('Nombre de refus entier attendu.')
      .min(1, 'La médiation suit au moins un refus.')
      .max(4, 'Au plus 4 refus.')
      .default(2),
    delaiReponseApresVisite: delaiSchema.nullable().default({ nombre: 10, unite: 'jours' }),
    delaiReponseApresOffre: delaiSchema.nullable().default({ nombre: 10, unite: 'jours' }),
    delaiValidationPartenaires: delaiSchema.default({ nombre: 5, unite: 'jours' }),
    /** Where the dwelling is visited only once the CALEOL has allotted it (charte §4 step 10). */
    visiteApresCaleol: z.boolean({ error: 'Indiquez si la visite suit la décision de la CALEOL : oui ou non.' }).default(true),
    /** Charte §3.2: the household is paid back within 8 days of handing in the invoice (calendar days, counted as the other delays). */
    delaiRemboursement: delaiSchema.default({ nombre: 8, unite: 'jours' }),
  })
  .refine((r) => r.delaiReponseApresVisite !== null || r.delaiReponseApresOffre !== null, {
    message: 'Le délai de réponse du ménage doit courir depuis la visite, depuis l’offre écrite, ou les deux.',
    path: ['delaiReponseApresVisite'],
  })
  .refine((r) => r.mediationApresRefus < r.maxPropositions, {
    message: 'La médiation doit avoir lieu avant la dernière proposition : moins de refus que de propositions.',
    path: ['mediationApresRefus'],
  });
export type ReglagesProposition = z.infer<typeof reglagesPropositionSchema>;
export const REGLAGES_PROPOSITION_PAR_DEFAUT: ReglagesProposition = reglagesPropositionSchema.parse({});
