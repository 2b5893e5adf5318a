import { z } from 'zod';
import { idSchema, enumeration, type ValeurDe } from '../commun/index.ts';
import { dateSchema, montantIndexeSchema, montantSchema } from './champs.ts';

// FSL barème (charte §7.1 A and C): lump sums by poste and household size, for a territory and
// a validity period, entered by an administrator with their source (charte §7.1 A; docs/domaine.md §5).
const postesFsl = enumeration({
  eau: 'eau froide',
  eauChaude: 'eau chaude',
  chauffage: 'chauffage',
  electricite: 'électricité',
  gaz: 'gaz',
  assuranceHabitation: 'assurance habitation',
  telephone: 'téléphone',
});
export const POSTES_FSL = postesFsl.valeurs;
export type PosteFsl = ValeurDe<typeof postesFsl>;

export const LIBELLES_POSTE = postesFsl.libelles;

const montantsPosteSchema = (poste: PosteFsl) => {
  const libelle = `du poste « ${LIBELLES_POSTE[poste]} »`;
  return z.object(
    {
      parTaille: z
        .array(
          montantIndexeSchema((taille) => ({ nom: `le forfait ${libelle} pour ${taille} personne${taille > 1 ? 's' : ''}` })),
          { error: `Indiquez les forfaits ${libelle} par taille de ménage (liste, la première case pour 1 personne).` },
        )
        .min(1, `Le barème n’a aucun forfait ${libelle} : indiquez au moins celui d’une personne.`),
      parPersonneSupplementaire: montantSchema({ nom: `le forfait ${libelle} par personne supplémentaire` }),
    },
    { error: `Le barème n’a pas de forfaits pour le poste « ${LIBELLES_POSTE[poste]} ».` },
  );
};

export const postesFslSchema = z.object(
  Object.fromEntries(POSTES_FSL.map((p) => [p, montantsPosteSchema(p)])) as Record<PosteFsl, ReturnType<typeof montantsPosteSchema>>,
  {
    error: 'Indiquez les postes du barème (eau, eauChaude, chauffage, electricite, gaz, assuranceHabitation, telephone).',
  },
);
export type PostesFsl = z.infer<typeof postesFslSchema>;

const baremeChamps = {
  territoire: z
    .string({ error: 'Indiquez le territoire du barème.' })
    .trim()
    .min(1, 'Indiquez le territoire du barème.')
    .max(120, 'Nom de territoire trop long (120 caractères au plus).'),
  debut: dateSchema('le début de validité du barème'),
  fin: dateSchema('la fin de validité du barème').nullable().default(null),
  source: z
    .string({ error: 'Indiquez la source du barème.' })
    .trim()
    .min(1, 'Indiquez la source du barème (délibération, règlement intérieur du FSL, adresse web…).')
    .max(500, 'Source trop longue (500 caractères au plus).'),
  /** The shipped demonstration barème: every simulation using it warns in red. */
  exemple: z.boolean().default(false),
  postes: postesFslSchema,
};

const finApresDebut = (b: { debut: string; fin: string | null }) => b.fin === null || b.fin >= b.debut;
const messageFin = { path: ['fin'], message: 'La fin de validité du barème précède son début.' };

/** What a simulation needs of a barème, and shows: territory, period, source. */
export const baremeCalculSchema = z.object(baremeChamps).refine(finApresDebut, messageFin);
export type BaremeCalcul = z.infer<typeof baremeCalculSchema>;

/** The record an administrator edits in the settings screen. */
export const baremeFslSchema = z
  .object({ id: idSchema, ...baremeChamps, supprime: z.boolean().optional() })
  .refine(finApresDebut, messageFin);
export type BaremeFsl = z.infer<typeof baremeFslSchema>;

/** The lump sum for a household of `taille` persons; beyond the table, the last size plus the amount per extra person. */
export function forfait(postes: PostesFsl, poste: PosteFsl, taille: number): number {
  const { parTaille, parPersonneSupplementaire } = postes[poste];
  const dernier = parTaille.length;
  if (taille <= dernier) return parTaille[Math.max(taille, 1) - 1] ?? 0;
  return (parTaille[dernier - 1] ?? 0) + (taille - dernier) * parPersonneSupplementaire;
}
