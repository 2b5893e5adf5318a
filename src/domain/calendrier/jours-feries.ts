import { plusJours } from './jours.ts';

// French public holidays (Code du travail L3133-1): eight fixed days and three set by Easter
// (Easter Monday, Ascension, Whit Monday).
export type JourFerie = { date: string; nom: string };

const FIXES: readonly [string, string][] = [
  ['01-01', 'Jour de l’an'],
  ['05-01', 'Fête du Travail'],
  ['05-08', 'Victoire 1945'],
  ['07-14', 'Fête nationale'],
  ['08-15', 'Assomption'],
  ['11-01', 'Toussaint'],
  ['11-11', 'Armistice 1918'],
  ['12-25', 'Noël'],
];

const MOBILES: readonly [number, string][] = [
  [1, 'Lundi de Pâques'],
  [39, 'Ascension'],
  [50, 'Lundi de Pentecôte'],
];

const deuxChiffres = (n: number) => String(n).padStart(2, '0');
const annee4 = (annee: number) => String(annee).padStart(4, '0');

/** Gregorian Easter Sunday (anonymous algorithm of Meeus, Jones and Butcher). */
export function dimancheDePaques(annee: number): string {
  const a = annee % 19;
  const b = Math.floor(annee / 100);
  const c = annee % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mois = Math.floor((h + l - 7 * m + 114) / 31);
  const jour = ((h + l - 7 * m + 114) % 31) + 1;
  return `${annee4(annee)}-${deuxChiffres(mois)}-${deuxChiffres(jour)}`;
}

// Deadlines are computed by the thousand for the agenda: each year's list is built once.
const parAnnee = new Map<number, ReadonlyMap<string, string>>();

function feriesDe(annee: number): ReadonlyMap<string, string> {
  let feries = parAnnee.get(annee);
  if (!feries) {
    const paques = dimancheDePaques(annee);
    const liste: [string, string][] = [
      ...FIXES.map(([jour, nom]): [string, string] => [`${annee4(annee)}-${jour}`, nom]),
      ...MOBILES.map(([decalage, nom]): [string, string] => [plusJours(paques, decalage), nom]),
    ];
    feries = new Map(liste.sort(([a], [b]) => a.localeCompare(b)));
    parAnnee.set(annee, feries);
  }
  return feries;
}

export function joursFeries(annee: number): JourFerie[] {
  return [...feriesDe(annee)].map(([date, nom]) => ({ date, nom }));
}

export const nomJourFerie = (date: string): string | null => feriesDe(Number(date.slice(0, 4))).get(date) ?? null;

export const estFerie = (date: string): boolean => nomJourFerie(date) !== null;
