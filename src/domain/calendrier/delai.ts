import { z } from 'zod';
import { ajouterJoursOuvres, premierJourOuvreDepuis } from './jours-ouvres.ts';
import { plusJours } from './jours.ts';
import { plusMinutes, type Instant } from './instant.ts';

// Counting of delays, Code de procédure civile art. 641 and 642 as applied by the USH
// (CPC art. 641 and 642; docs/domaine.md §9): the day of the notification is not counted, a delay expires at midnight
// on its last day, and a last day falling on a Saturday, Sunday or public holiday moves to the
// next working day. Territories count some delays in working days or hours (AMP art. 10).
export const UNITES_DELAI = ['jours', 'jours-ouvres', 'heures'] as const;
export type UniteDelai = (typeof UNITES_DELAI)[number];

const LIBELLES_UNITE: Record<UniteDelai, (n: number) => string> = {
  jours: (n) => `${n} jour${n > 1 ? 's' : ''}`,
  'jours-ouvres': (n) => `${n} jour${n > 1 ? 's' : ''} ouvré${n > 1 ? 's' : ''}`,
  heures: (n) => `${n} h`,
};

export const delaiSchema = z.object({
  nombre: z.number({ error: 'Indiquez la durée du délai : un nombre entier.' }).int('La durée du délai doit être un nombre entier.').min(0, 'La durée du délai ne peut pas être négative.').max(365, 'Durée du délai improbable : au plus 365.'),
  unite: z.enum(UNITES_DELAI, { error: 'Unité du délai inconnue : « jours », « jours-ouvres » ou « heures ».' }),
});
export type Delai = z.infer<typeof delaiSchema>;

export const libelleDelai = (d: Delai): string => LIBELLES_UNITE[d.unite](d.nombre);

/** Hours run on the wall clock; a start without a time counts from the end of its day. */
const apresHeures = (depart: Instant, heures: number): Instant =>
  depart.heure === null ? { date: plusJours(depart.date, Math.ceil(heures / 24)), heure: null } : plusMinutes({ date: depart.date, heure: depart.heure }, heures * 60);

function finBrute(depart: Instant, delai: Delai): Instant {
  switch (delai.unite) {
    case 'jours':
      return { date: plusJours(depart.date, delai.nombre), heure: null };
    case 'jours-ouvres':
      return { date: ajouterJoursOuvres(depart.date, delai.nombre), heure: null };
    case 'heures':
      return apresHeures(depart, delai.nombre);
  }
}

/** The last moment of a delay started on `depart` (a date, or a date and time). */
export function echeanceDelai(depart: Instant | string, delai: Delai): Instant {
  const fin = finBrute(typeof depart === 'string' ? { date: depart, heure: null } : depart, delai);
  return { date: premierJourOuvreDepuis(fin.date), heure: fin.heure };
}

/** The last day of a delay counted in days from `depart`. */
export const dernierJour = (depart: string, delai: Delai): string => echeanceDelai(depart, delai).date;
