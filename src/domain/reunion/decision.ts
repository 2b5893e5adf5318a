import { z } from 'zod';
import { enumeration, idSchema } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import { estTenue, type Reunion } from './reunion.ts';

// What a meeting decided for one household (charte §4 steps 6 and 8: orient it, share its
// project, lift the obstacles, search and validate offers). A record of the household, so that
// the officers who follow it write it, and its date is the meeting's.
const decisionsReunion = enumeration({
  orientation: 'Orientation décidée (circuit, groupes thématiques)',
  projet_partage: 'Projet résidentiel partagé',
  freins_a_lever: 'Freins au relogement à lever',
  recherche_offre: 'Recherche d’un logement',
  offre_validee: 'Proposition de logement validée',
  ajourne: 'Situation ajournée à une prochaine réunion',
  autre: 'Autre décision',
});
export const DECISIONS_REUNION = decisionsReunion.valeurs;
export const decisionReunionTypeSchema = z.enum(DECISIONS_REUNION, { error: 'Décision inconnue : choisissez-la dans la liste.' });
export type TypeDecisionReunion = z.infer<typeof decisionReunionTypeSchema>;
export const LIBELLES_DECISION_REUNION = decisionsReunion.libelles;

export const decisionReunionSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  reunionId: idSchema,
  decision: decisionReunionTypeSchema,
  /** What was decided, who acts and by when. */
  detail: z.string().max(4000).default(''),
  supprime: z.boolean().optional(),
});
export type DecisionReunion = z.infer<typeof decisionReunionSchema>;

export function verifierDecision(d: DecisionReunion, reunion: Pick<Reunion, 'date'> | undefined, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (!reunion) erreurs.push({ champ: 'reunionId', message: 'Choisissez la réunion qui a pris la décision.' });
  else if (!estTenue(reunion, aujourdhui))
    erreurs.push({ champ: 'reunionId', message: 'Cette réunion n’a pas encore eu lieu : ses décisions s’enregistrent une fois tenue.' });
  if (d.decision === 'autre' && d.detail.trim() === '') erreurs.push({ champ: 'detail', message: 'Précisez la décision prise.' });
  return erreurs;
}
