import { estFerie } from './jours-feries.ts';
import { jourDeSemaine, plusJours } from './jours.ts';

// A working day ("jour ouvré"): Monday to Friday, not a public holiday.
export function estJourOuvre(date: string): boolean {
  const j = jourDeSemaine(date);
  return j !== 0 && j !== 6 && !estFerie(date);
}

/** This day when it is a working day, else the next working day (CPC art. 642 al. 2). */
export function premierJourOuvreDepuis(date: string): string {
  let jour = date;
  while (!estJourOuvre(jour)) jour = plusJours(jour, 1);
  return jour;
}

/** The n-th working day after `date`, which itself is not counted. */
export function ajouterJoursOuvres(date: string, n: number): string {
  let jour = date;
  for (let restants = n; restants > 0;) {
    jour = plusJours(jour, 1);
    if (estJourOuvre(jour)) restants--;
  }
  return jour;
}
