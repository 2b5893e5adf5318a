import { z } from 'zod';
import { plusJours } from './jours.ts';

// A moment as the officers note it: a day, and a time when one was set ("HH:mm", Paris local).
export const heureSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format HH:MM, par exemple 14:30.');

/** `heure: null` means the whole day: a deadline then runs until midnight (CPC art. 642). */
export type Instant = { date: string; heure: string | null };

export const MINUTES_PAR_JOUR = 24 * 60;
/** Minutes since midnight of an "HH:mm" time. */
export const minutesDepuisMinuit = (heure: string): number => Number(heure.slice(0, 2)) * 60 + Number(heure.slice(3, 5));
const horaire = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Wall-clock arithmetic: a time plus some minutes, carried over midnight. */
export function plusMinutes(depart: { date: string; heure: string }, duree: number): { date: string; heure: string } {
  const total = minutesDepuisMinuit(depart.heure) + duree;
  return { date: plusJours(depart.date, Math.floor(total / MINUTES_PAR_JOUR)), heure: horaire(total % MINUTES_PAR_JOUR) };
}
