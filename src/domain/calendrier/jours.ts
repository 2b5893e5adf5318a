import { addDays, addMonths } from 'date-fns';

// Dates travel as "AAAA-MM-JJ" strings, which compare in calendar order as plain strings.
// Arithmetic goes through local Date values, so a day is a calendar day whatever the time zone.

/** A local calendar date as "AAAA-MM-JJ" (cheaper than date-fns `format` on hot paths). */
export function jourIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

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

// The browser's own French calendar names: date-fns' French locale would be 7.5 KB of the first
// screen's script (the caseload reads this module). Made at first use: making a format loads the
// locale's data, which would hold up every start before the lock screen.
let enLettres: Intl.DateTimeFormat | null = null;

/** "1er mai 2025": dates in messages read as officers write them (the first of the month is ordinal). */
export function dateEnLettres(iso: string): string {
  const date = versDate(iso);
  const texte = (enLettres ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' })).format(date);
  return date.getDate() === 1 ? texte.replace(/^1(?=\D)/, '1er') : texte;
}
