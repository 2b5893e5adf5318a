import { z } from 'zod';
import { enumeration, idSchema, isoDateSchema } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';

// A change in the household's situation (charte §4 step 4: « la mise à jour des pièces doit se
// faire tous les 6 mois au minimum, et à chaque changement de situation »): a birth, a
// separation, a new job, a death. Recorded on the household with its date and the occupant
// concerned; what it makes stale is worked out from it (a-refaire.ts).
const naturesChangement = enumeration({
  naissance: 'Naissance',
  separation: 'Séparation, divorce',
  nouvel_emploi: 'Nouvel emploi',
  deces: 'Décès',
  autre: 'Autre changement',
});
export const NATURES_CHANGEMENT = naturesChangement.valeurs;
export const natureChangementSchema = z.enum(NATURES_CHANGEMENT, {
  error: 'Changement inconnu : naissance, séparation, nouvel emploi, décès ou autre.',
});
export type NatureChangement = z.infer<typeof natureChangementSchema>;
export const LIBELLES_NATURE_CHANGEMENT = naturesChangement.libelles;

export const changementSituationSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  nature: natureChangementSchema,
  /** The day the situation changed (the birth, the separation, the start of the job, the death). */
  date: isoDateSchema,
  /** The occupant it concerns, when one does (the person hired, the one who left or died). */
  personneId: idSchema.nullable().default(null),
  detail: z.string().max(2000).default(''),
  supprime: z.boolean().optional(),
});
export type ChangementSituation = z.infer<typeof changementSituationSchema>;

export function verifierChangement(c: ChangementSituation, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (c.date > aujourdhui)
    erreurs.push({
      champ: 'date',
      message: 'Un changement de situation s’enregistre une fois survenu : la date ne peut pas être dans le futur.',
    });
  if (c.nature === 'autre' && c.detail.trim() === '') erreurs.push({ champ: 'detail', message: 'Précisez le changement de situation.' });
  return erreurs;
}
