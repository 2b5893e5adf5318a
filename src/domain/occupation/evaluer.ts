import type { NormeOccupation } from './norme.ts';
import { etatCharteMel, occupationCharteMel } from './charte-mel.ts';
import { etatCchL6212, occupationCchL6212 } from './cch-l621-2.ts';
import { etatCafSurface, occupationCafSurface } from './caf-surface.ts';
import { ecartInsee, etatInsee, occupationInsee } from './insee.ts';
import type { Composition } from './composition.ts';
import type { EtatOccupation, LogementOccupe, Occupation } from './resultat.ts';

// The territory picks one norm (docs/domaine.md §10). The INSEE norm needs ages, sexes and
// couples; with only a head count the charter's rule stands in, and the detail says so.
export const NORME_SANS_COMPOSITION: NormeOccupation = 'charte-MEL';

/** The verdict alone, allocation-free: the matching calls it for every household × offer pair. */
export function etatOccupation(norme: NormeOccupation, c: Composition, logement: LogementOccupe): EtatOccupation {
  switch (norme) {
    case 'charte-MEL':
      return etatCharteMel(c.personnes, logement.pieces);
    case 'cch-L621-2':
      return etatCchL6212(c.personnes, logement.pieces);
    case 'caf-surface':
      return etatCafSurface(c.personnes, logement.surface);
    case 'insee':
      return c.insee ? etatInsee(ecartInsee(c.insee.total, c.personnes, logement)) : etatOccupation(NORME_SANS_COMPOSITION, c, logement);
  }
}

/** The verdict with its French explanation, for screens and reports. */
export function evaluerOccupation(norme: NormeOccupation, c: Composition, logement: LogementOccupe): Occupation {
  switch (norme) {
    case 'charte-MEL':
      return occupationCharteMel(c.personnes, logement.pieces);
    case 'cch-L621-2':
      return occupationCchL6212(c.personnes, logement.pieces);
    case 'caf-surface':
      return occupationCafSurface(c.personnes, logement.surface);
    case 'insee': {
      if (c.insee) return occupationInsee(c.insee, c.personnes, logement);
      const repli = evaluerOccupation(NORME_SANS_COMPOSITION, c, logement);
      return {
        ...repli,
        detail: `Âges et liens des occupants inconnus, norme de la charte appliquée à la place de celle de l’INSEE. ${repli.detail}`,
      };
    }
  }
}
