import { addDays, addMonths, format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { jourIso } from '../commun/index.ts';

// Dates travel as "AAAA-MM-JJ" strings, which compare in calendar order as plain strings.
// Arithmetic goes through local Date values, so a day is a calendar day whatever the time zone.

/** The local Date of an "AAAA-MM-JJ" string (faster than parseISO on hot paths). */
export function versDate(iso: string): Date {
  const d = new Date(2000, 0, 1);
  d.setFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return d;
}

// A caseload's agenda asks for the same few thousand dates over and over: results are kept, and
// the store is emptied when it grows past what a caseload needs.
const retenus = new Map<string, string>();
const TAILLE_MAX = 200_000;

function retenu(cle: string, calcul: () => string): string {
  let valeur = retenus.get(cle);
  if (valeur === undefined) {
    if (retenus.size >= TAILLE_MAX) retenus.clear();
    valeur = calcul();
    retenus.set(cle, valeur);
  }
  return valeur;
}

export const plusJours = (iso: string, jours: number): string => retenu(`${iso}j${jours}`, () => jourIso(addDays(versDate(iso), jours)));

/** Month ends clamp (date-fns addMonths): 31 December + 2 months is the end of February. */
export const plusMois = (iso: string, mois: number): string => retenu(`${iso}m${mois}`, () => jourIso(addMonths(versDate(iso), mois)));

/** 0 for Sunday to 6 for Saturday. */
export const jourDeSemaine = (iso: string): number => versDate(iso).getDay();

/** The Monday of the week holding this day (French weeks start on Monday). */
export const lundiDeLaSemaine = (iso: string): string => plusJours(iso, -((jourDeSemaine(iso) + 6) % 7));

export const plusTardive = (a: string, b: string): string => (a > b ? a : b);

/** "1er mai 2025": dates in messages read as officers write them. */
export const dateEnLettres = (iso: string): string => format(versDate(iso), 'do MMMM yyyy', { locale: fr });
