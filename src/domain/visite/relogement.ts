import { parseDateIso } from '../commun/index.ts';
import { plusMois } from '../calendrier/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import type { ReglagesSuivi } from './reglages.ts';

// The relocation counts as done at the lease signature (charte §4 step 12); a signature planned
// further ahead than the territory allows is taken for a typing error.
export function verifierDateRelogement(date: string, aujourdhui: string, r: Pick<ReglagesSuivi, 'relogementFuturMaxMois'>): ErreurChamp[] {
  if (parseDateIso(date) === null)
    return [
      { champ: 'dateRelogement', message: 'La date de relogement (signature du bail) doit être une date réelle au format AAAA-MM-JJ.' },
    ];
  if (date > plusMois(aujourdhui, r.relogementFuturMaxMois)) {
    return [
      {
        champ: 'dateRelogement',
        message: `La date de relogement (signature du bail) est à plus de ${r.relogementFuturMaxMois} mois dans le futur : vérifiez l’année.`,
      },
    ];
  }
  return [];
}
