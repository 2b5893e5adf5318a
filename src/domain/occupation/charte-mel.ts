import type { EtatOccupation, Occupation } from './resultat.ts';
import { pluriel } from './texte.ts';

// Charte métropolitaine de relogement (MEL) §3.4 A: over- or under-occupation is one main room
// less or more than the number of persons.

export function etatCharteMel(personnes: number, pieces: number | null): EtatOccupation {
  if (pieces === null) return 'indetermine';
  if (pieces <= personnes - 1) return 'suroccupation';
  if (pieces >= personnes + 1) return 'sous-occupation';
  return 'adapte';
}

export function occupationCharteMel(personnes: number, pieces: number | null): Occupation {
  const etat = etatCharteMel(personnes, pieces);
  if (pieces === null) return { etat, detail: 'Nombre de pièces inconnu : la règle de la charte ne peut pas être appliquée.' };
  const constat = `${pluriel(pieces, 'pièce principale', 'pièces principales')} pour ${pluriel(personnes, 'personne')}`;
  const verdicts: Record<EtatOccupation, string> = {
    suroccupation: 'suroccupation selon la charte (une pièce de moins que de personnes, ou davantage).',
    'sous-occupation': 'sous-occupation selon la charte (une pièce de plus que de personnes, ou davantage).',
    adapte: 'occupation adaptée selon la charte.',
    indetermine: '',
  };
  return { etat, detail: `${constat} : ${verdicts[etat]}` };
}
