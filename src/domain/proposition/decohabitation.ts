import { z } from 'zod';
import { differenceInYears } from 'date-fns';
import { idSchema, parseDateIso } from '../commun/index.ts';
import { versDate } from '../calendrier/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import type { Lien, Personne } from '../menage/index.ts';

// Décohabitation (docs/domaine.md §1): an adult occupant who wants a home of their own gets a relocation
// file of their own, linked to the household they come from.
export const lienDecohabitationSchema = z.object({
  menageOrigineId: idSchema,
  personneOrigineId: idSchema,
});
export type LienDecohabitation = z.infer<typeof lienDecohabitationSchema>;

export const AGE_MAJORITE = 18;

const ageLe = (naissance: string, aujourdhui: string) => differenceInYears(versDate(aujourdhui), versDate(naissance));

/** The leaseholder and their spouse or partner are the household being relocated: they never leave it. */
const LIENS_DU_COUPLE: readonly Lien[] = ['titulaire', 'conjoint'];

/** Whether an occupant is offered a file of their own: an adult who wants to leave, outside the leaseholder's couple. */
export function proposerDecohabitation(p: Pick<Personne, 'lien' | 'dateNaissance' | 'souhaitDecohabitation'>, aujourdhui: string): boolean {
  if (!p.souhaitDecohabitation || LIENS_DU_COUPLE.includes(p.lien) || parseDateIso(p.dateNaissance) === null) return false;
  return ageLe(p.dateNaissance, aujourdhui) >= AGE_MAJORITE;
}

/** `personne` is the occupant found under `personneOrigineId`, or null when there is none. */
export function verifierDecohabitation(
  lien: LienDecohabitation,
  menageId: string,
  personne: Pick<Personne, 'id' | 'menageId' | 'prenom' | 'nom' | 'dateNaissance'> | null,
  aujourdhui: string,
): ErreurChamp[] {
  if (lien.menageOrigineId === menageId)
    return [
      {
        champ: 'menageOrigineId',
        message: 'Un ménage ne peut pas être issu de sa propre décohabitation : choisissez le ménage d’origine.',
      },
    ];
  if (personne === null || personne.id !== lien.personneOrigineId)
    return [
      {
        champ: 'personneOrigineId',
        message: 'L’occupant à l’origine de la décohabitation est introuvable : choisissez-le parmi les occupants du ménage d’origine.',
      },
    ];
  if (personne.menageId !== lien.menageOrigineId)
    return [{ champ: 'personneOrigineId', message: 'Cet occupant n’appartient pas au ménage d’origine.' }];
  const nom = [personne.prenom, personne.nom].filter(Boolean).join(' ') || 'L’occupant';
  if (parseDateIso(personne.dateNaissance) === null)
    return [
      {
        champ: 'personneOrigineId',
        message: `${nom} n’a pas de date de naissance valide : elle est nécessaire pour vérifier sa majorité.`,
      },
    ];
  const age = ageLe(personne.dateNaissance, aujourdhui);
  if (age < AGE_MAJORITE)
    return [{ champ: 'personneOrigineId', message: `Seul un occupant majeur peut décohabiter : ${nom} a ${age} ans.` }];
  return [];
}
