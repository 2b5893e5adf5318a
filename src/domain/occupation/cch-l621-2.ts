import type { EtatOccupation, Occupation } from './resultat.ts';
import { pluriel } from './texte.ts';

// CCH L621-2 (loi 2017-86): a dwelling is under-occupied when its habitable rooms exceed the
// number of persons by more than one; the article defines no over-occupation.

export function etatCchL6212(personnes: number, pieces: number | null): EtatOccupation {
  if (pieces === null) return 'indetermine';
  return pieces >= personnes + 2 ? 'sous-occupation' : 'adapte';
}

export function occupationCchL6212(personnes: number, pieces: number | null): Occupation {
  const etat = etatCchL6212(personnes, pieces);
  if (pieces === null) return { etat, detail: 'Nombre de pièces inconnu : la règle du CCH L621-2 ne peut pas être appliquée.' };
  const constat = `${pluriel(pieces, 'pièce')} pour ${pluriel(personnes, 'personne')}`;
  const verdict =
    etat === 'sous-occupation'
      ? 'sous-occupation au sens du CCH L621-2 (plus d’une pièce au-delà du nombre de personnes).'
      : 'pas de sous-occupation au sens du CCH L621-2 (cet article ne définit pas la suroccupation).';
  return { etat, detail: `${constat} : ${verdict}` };
}
