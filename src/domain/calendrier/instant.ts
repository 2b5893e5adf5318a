import { z } from 'zod';

// A moment as the officers note it: a day, and a time when one was set ("HH:mm", Paris local).
export const heureSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format HH:MM, par exemple 14:30.');

/** `heure: null` means the whole day: a deadline then runs until midnight (CPC art. 642). */
export type Instant = { date: string; heure: string | null };

const finDeJournee = '24:00';
const ordre = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/** Chronological order; a whole day sorts after the timed moments of that day. */
export const compareInstants = (a: Instant, b: Instant): number =>
  a.date === b.date ? ordre(a.heure ?? finDeJournee, b.heure ?? finDeJournee) : ordre(a.date, b.date);
