import { z } from 'zod';
import { enumeration, idSchema, isoDateSchema, type ValeurDe } from '../commun/index.ts';

// A household a relocation team puts forward for a pooled offer (convention AMP art. 10): the
// team positions it, the platform (or, without one, the host landlord) designates up to three
// candidates, the host landlord decides after its CALEOL, the réservataires and landlords give
// their opinion (charte §5.5 C). The sheet the partners read is split in two: what may be shown
// to anyone of the territory (anonymised, charte §4 step 3) and what only the household's
// consent opens, which the server leaves out of a partner's payload otherwise.

const statutsPosition = enumeration({
  positionne: 'Positionné',
  designe: 'Désigné au bailleur',
  non_retenu: 'Non retenu',
  retire: 'Retiré par l’équipe',
});
export const STATUTS_POSITION = statutsPosition.valeurs;
export type StatutPosition = ValeurDe<typeof statutsPosition>;
export const LIBELLES_STATUT_POSITION = statutsPosition.libelles;
const decisions = enumeration({ favorable: 'Favorable', defavorable: 'Défavorable' });
export const DECISIONS = decisions.valeurs;
export const LIBELLES_DECISION = decisions.libelles;
const reponses = enumeration({ acceptee: 'Acceptée', refusee: 'Refusée' });
export const REPONSES_MENAGE = reponses.valeurs;
export const LIBELLES_REPONSE_MENAGE = reponses.libelles;

const texte = (max: number) => z.string().max(max, `Texte trop long (${max} caractères au plus).`).default('');
const jour = isoDateSchema.nullable().default(null);

/** Composition, ages, resources band and needs: no name, no address, no document. */
export const ficheAnonymeSchema = z.object({
  pseudonyme: z.string().max(40),
  composition: z.string().max(200),
  ages: z.array(z.number().int().min(0).max(130)).max(30),
  trancheRessources: z.string().max(80),
  besoins: z.array(z.string().max(200)).max(20),
});
export type FicheAnonyme = z.infer<typeof ficheAnonymeSchema>;

export const ficheNominativeSchema = z.object({
  nom: z.string().max(200),
  adresse: z.string().max(300),
  telephone: z.string().max(40),
  reference: z.string().max(60),
});
export type FicheNominative = z.infer<typeof ficheNominativeSchema>;

/** A partner's opinion, or the host landlord's decision: a reason is always given. */
export const avisSchema = z.object({
  decision: z.enum(DECISIONS, { error: 'Choisissez favorable ou défavorable.' }),
  motif: z
    .string()
    .trim()
    .min(1, 'Indiquez le motif de l’avis ou de la décision.')
    .max(2000, 'Motif trop long (2 000 caractères au plus).'),
  le: isoDateSchema,
  par: z.string().max(120),
});
export type Avis = z.infer<typeof avisSchema>;

export const positionnementSchema = z.object({
  id: idSchema,
  offreId: idSchema,
  menageId: idSchema,
  positionneLe: isoDateSchema,
  /** Set by the team from the steering committee's list of priority operations (convention art. 10). */
  operationPrioritaire: z.boolean().default(false),
  /** The organisation that demolishes the household's home: its copy of the proposal (charte step 11). */
  bailleurOrigineId: idSchema.nullable().default(null),
  ficheAnonyme: ficheAnonymeSchema,
  ficheNominative: ficheNominativeSchema.nullable().default(null),
  statut: z.enum(STATUTS_POSITION).default('positionne'),
  designeLe: jour,
  rang: z.number().int().min(1).max(3).nullable().default(null),
  /** Why the server turned a designation down (three already, or the household elsewhere): every device reads the same. */
  refusServeur: texte(300),
  /** The host landlord's decision after its CALEOL. */
  decision: avisSchema.nullable().default(null),
  /** The opinions of the other partners, by organisation id. */
  avis: z.record(idSchema, avisSchema).default({}),
  reponseMenage: z.enum(REPONSES_MENAGE).nullable().default(null),
  reponseMenageLe: jour,
  /** Why the household turned the dwelling down: the host landlord and the demolishing landlord read it. */
  reponseMenageMotif: texte(2000),
  supprime: z.boolean().optional(),
});
export type Positionnement = z.infer<typeof positionnementSchema>;

/**
 * What makes the household's reply incomplete, or null: a reply is dated, and a refusal gives its
 * reason (the host landlord passes it on with its decision, convention AMP art. 10).
 */
export function erreurReponseMenage(
  p: Pick<Positionnement, 'reponseMenage' | 'reponseMenageLe' | 'reponseMenageMotif'>,
): { champ: 'reponseMenage' | 'reponseMenageLe' | 'reponseMenageMotif'; message: string } | null {
  if (p.reponseMenage === null) return null;
  if (p.reponseMenageLe === null) return { champ: 'reponseMenageLe', message: 'Indiquez la date de la réponse du ménage.' };
  if (p.reponseMenage === 'refusee' && p.reponseMenageMotif.trim() === '')
    return { champ: 'reponseMenageMotif', message: 'Indiquez le motif du refus du ménage.' };
  return null;
}

/** A designation still engaging the household: designated and not turned down by the landlord. */
export const designationActive = (p: Pick<Positionnement, 'statut' | 'decision'>): boolean =>
  p.statut === 'designe' && p.decision?.decision !== 'defavorable';
export const MAX_DESIGNES = 3;
