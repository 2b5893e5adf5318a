import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

// A barème month is "AAAA-MM"; its values are those in force on its first day.

export const FORMAT_MOIS = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const premierJour = (mois: string) => `${mois}-01`;

export const moisDe = (jour: string) => jour.slice(0, 7);

/** The month before the one that starts on this first day ("2026-10-01" → "2026-09"). */
export function moisPrecedent(jour: string): string {
  const [annee, mois] = [Number(jour.slice(0, 4)), Number(jour.slice(5, 7))];
  return mois === 1 ? `${annee - 1}-12` : `${annee}-${String(mois - 1).padStart(2, '0')}`;
}

/** "2025-10" → "octobre 2025". */
export function libelleMois(mois: string): string {
  return format(new Date(Number(mois.slice(0, 4)), Number(mois.slice(5, 7)) - 1, 1), 'MMMM yyyy', { locale: fr });
}

/** "de janvier 2026", "d’octobre 2025": French elides "de" before a vowel. */
export function deMois(mois: string): string {
  const libelle = libelleMois(mois);
  return /^[aeiouyéè]/i.test(libelle) ? `d’${libelle}` : `de ${libelle}`;
}
