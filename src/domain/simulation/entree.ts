import { z } from 'zod';
import { occupantSchema } from '../occupation/index.ts';
import { dateSchema, montantIndexeSchema, montantSchema, objetStrict, type Sujet } from './champs.ts';

// What a simulation compares (charte §7.1): one household, its current dwelling and an offer.

export const POSTES_QUITTANCABLES = ['eau', 'eauChaude', 'chauffage'] as const;
export type PosteQuittancable = (typeof POSTES_QUITTANCABLES)[number];

const surQuittance = (poste: string, du: string): Sujet => ({ nom: `la charge ${poste} sur la quittance ${du}`, feminin: true });

/** `eau`, `eauChaude`, `chauffage`: the amount on the rent receipt, null when not on it. */
export const logementSimuleSchema = (du: string) =>
  objetStrict(
    {
      loyer: montantSchema({ nom: `le loyer ${du}` }),
      chargesGenerales: montantSchema({ nom: `les charges générales ${du}`, feminin: true, pluriel: true }),
      eau: montantSchema(surQuittance('d’eau froide', du)).nullable().default(null),
      eauChaude: montantSchema(surQuittance('d’eau chaude', du)).nullable().default(null),
      chauffage: montantSchema(surQuittance('de chauffage', du)).nullable().default(null),
      apl: montantSchema({ nom: `l’APL ${du}`, feminin: true }),
      surface: z
        .number({ error: `La surface ${du} doit être un nombre de m².` })
        .positive(`La surface ${du} doit être positive.`)
        .nullable()
        .default(null),
      pieces: z
        .number({ error: `Le nombre de pièces ${du} doit être un nombre entier.` })
        .int(`Le nombre de pièces ${du} doit être un nombre entier.`)
        .min(1, `Le logement ${du.replace(/^du /, '')} doit compter au moins une pièce.`)
        .nullable()
        .default(null),
      surfaceCuisine: z
        .number({ error: `La surface de la cuisine ${du} doit être un nombre de m².` })
        .min(0, `La surface de la cuisine ${du} ne peut pas être négative.`)
        .nullable()
        .default(null),
    },
    `Décrivez le logement ${du.replace(/^du /, '')} (loyer, charges, APL…).`,
  );
export type LogementSimule = z.infer<ReturnType<typeof logementSimuleSchema>>;

export const DEPENSES_DECLAREES = [
  'impots',
  'pensionAlimentaire',
  'mutuelle',
  'pretCaf',
  'planBanqueDeFrance',
  'planApurementBailleur',
] as const;
export type DepenseDeclaree = (typeof DEPENSES_DECLAREES)[number];

const SUJETS_DEPENSE: Record<DepenseDeclaree, Sujet> = {
  impots: { nom: 'les impôts et taxes', pluriel: true },
  pensionAlimentaire: { nom: 'la pension alimentaire versée', feminin: true },
  mutuelle: { nom: 'la mutuelle', feminin: true },
  pretCaf: { nom: 'le remboursement du prêt CAF' },
  planBanqueDeFrance: { nom: 'la mensualité du plan Banque de France', feminin: true },
  planApurementBailleur: { nom: 'la mensualité du plan d’apurement avec le bailleur', feminin: true },
};

/** Declared mandatory expenses per month (charte §7.1 C); each missing one counts as 0. */
export const depensesSchema = objetStrict(
  Object.fromEntries(DEPENSES_DECLAREES.map((d) => [d, montantSchema(SUJETS_DEPENSE[d]).default(0)])) as Record<
    DepenseDeclaree,
    z.ZodDefault<ReturnType<typeof montantSchema>>
  >,
  'Les dépenses doivent être un objet (impots, pensionAlimentaire, mutuelle, pretCaf, planBanqueDeFrance, planApurementBailleur).',
);
export type Depenses = z.infer<typeof depensesSchema>;

/** The two criteria of the orientation grid that come from the household, null while unknown. */
export const criteresMenageSchema = objetStrict(
  {
    typologieEtLocalisationExistent: z
      .boolean({ error: 'Indiquez si la typologie et la localisation souhaitées existent : true, false ou null.' })
      .nullable()
      .default(null),
    aucunFreinALever: z.boolean({ error: 'Indiquez s’il n’y a aucun frein à lever : true, false ou null.' }).nullable().default(null),
  },
  'Les critères du ménage doivent être un objet (typologieEtLocalisationExistent, aucunFreinALever).',
);
export type CriteresMenage = z.infer<typeof criteresMenageSchema>;

export const entreeSimulationChamps = {
  date: dateSchema('la date de la simulation'),
  occupants: z
    .number({ error: 'Indiquez le nombre d’occupants du ménage.' })
    .int('Le nombre d’occupants doit être un nombre entier.')
    .min(1, 'Le ménage doit compter au moins un occupant.'),
  /** Ages, sexes and couples, for the INSEE norm and the consumption units. */
  composition: z.array(occupantSchema, { error: 'La composition doit être la liste des occupants.' }).optional(),
  ressourcesMensuelles: z
    .array(
      montantIndexeSchema((mois) => ({ nom: `les ressources du mois ${mois}`, feminin: true, pluriel: true })),
      { error: 'Indiquez les ressources mensuelles du ménage : une liste de montants, un par mois.' },
    )
    .min(1, 'Indiquez les ressources d’au moins un mois.'),
  depenses: depensesSchema.default({
    impots: 0,
    pensionAlimentaire: 0,
    mutuelle: 0,
    pretCaf: 0,
    planBanqueDeFrance: 0,
    planApurementBailleur: 0,
  }),
  avant: logementSimuleSchema('du logement actuel'),
  apres: logementSimuleSchema('du logement proposé'),
  criteresMenage: criteresMenageSchema.default({ typologieEtLocalisationExistent: null, aucunFreinALever: null }),
};

/** The composition, when given, must match the count and be born by the simulation's date. */
export function verifierComposition(
  e: { date: string; occupants: number; composition?: readonly { dateNaissance: string }[] | undefined },
  ctx: z.RefinementCtx,
): void {
  if (e.composition === undefined) return;
  if (e.composition.length !== e.occupants) {
    ctx.addIssue({
      code: 'custom',
      path: ['composition'],
      message: `La composition détaillée compte ${e.composition.length} personne(s) mais le ménage ${e.occupants} occupant(s).`,
    });
  }
  e.composition.forEach((o, i) => {
    if (o.dateNaissance > e.date)
      ctx.addIssue({
        code: 'custom',
        path: ['composition', i, 'dateNaissance'],
        message: `L’occupant ${i + 1} est né après la date de la simulation.`,
      });
  });
}

export const entreeSimulationSchema = objetStrict(entreeSimulationChamps, 'L’entrée de la simulation doit être un objet.').superRefine(
  verifierComposition,
);
export type EntreeSimulation = z.infer<typeof entreeSimulationSchema>;
