import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';

// The mediation held after the household's 2nd refusal (charte §3 D and §4 step 11): an elected
// official of the town and the landlord meet the household to define the product of the 3rd and
// binding proposal; a post-mediation letter sums it up.
export const mediationSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  date: isoDateSchema,
  presents: z.array(z.string().max(200)).max(20).default([]),
  produitDefini: z.string().max(4000).default(''),
  aboutie: z.boolean().nullable().default(null),
  courrierPostMediationLe: isoDateSchema.nullable().default(null),
  supprime: z.boolean().optional(),
});
export type Mediation = z.infer<typeof mediationSchema>;

export function verifierMediation(m: Mediation, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (m.date > aujourdhui) erreurs.push({ champ: 'date', message: 'La date de la médiation ne peut pas être dans le futur.' });
  if (m.presents.every((p) => p.trim() === ''))
    erreurs.push({ champ: 'presents', message: 'Indiquez qui était présent à la médiation (élu de la ville, bailleur, opérateur…).' });
  if (m.produitDefini.trim() === '')
    erreurs.push({
      champ: 'produitDefini',
      message: 'Décrivez le produit défini pour la troisième proposition (typologie, secteur, loyer…).',
    });
  if (m.courrierPostMediationLe !== null && m.courrierPostMediationLe < m.date) {
    erreurs.push({ champ: 'courrierPostMediationLe', message: 'Le courrier post-médiation ne peut pas précéder la médiation.' });
  }
  return erreurs;
}
