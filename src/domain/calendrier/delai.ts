import { z } from 'zod';
import { ajouterJoursOuvres, estJourOuvre, premierJourOuvreDepuis } from './jours-ouvres.ts';
import { plusJours } from './jours.ts';
import { MINUTES_PAR_JOUR, minutesDepuisMinuit, plusMinutes, type Instant } from './instant.ts';

// Counting of delays, Code de procédure civile art. 641 and 642 as applied by the USH
// (CPC art. 641 and 642; docs/domaine.md §9): the day of the notification is not counted, a delay expires at midnight
// on its last day, and a last day falling on a Saturday, Sunday or public holiday moves to the
// next working day. Territories count some delays in working days or hours (AMP art. 10): hours
// either on the wall clock (« heures calendaires ») or only while a working day runs (« heures
// ouvrées »: a Saturday, a Sunday or a public holiday stops the clock); docs/reunions-et-delais.md.
export const UNITES_DELAI = ['jours', 'jours-ouvres', 'heures', 'heures-ouvrees'] as const;
export type UniteDelai = (typeof UNITES_DELAI)[number];

const LIBELLES_UNITE: Record<UniteDelai, (n: number) => string> = {
  jours: (n) => `${n} jour${n > 1 ? 's' : ''}`,
  'jours-ouvres': (n) => `${n} jour${n > 1 ? 's' : ''} ouvré${n > 1 ? 's' : ''}`,
  heures: (n) => `${n} h`,
  'heures-ouvrees': (n) => `${n} h ouvrées`,
};

export const delaiSchema = z.object({
  nombre: z
    .number({ error: 'Indiquez la durée du délai : un nombre entier.' })
    .int('La durée du délai doit être un nombre entier.')
    .min(0, 'La durée du délai ne peut pas être négative.')
    .max(365, 'Durée du délai improbable : au plus 365.'),
  unite: z.enum(UNITES_DELAI, { error: 'Unité du délai inconnue : « jours », « jours-ouvres », « heures » ou « heures-ouvrees ».' }),
});
export type Delai = z.infer<typeof delaiSchema>;

export const libelleDelai = (d: Delai): string => LIBELLES_UNITE[d.unite](d.nombre);

/** Hours run on the wall clock; a start without a time counts from the end of its day. */
const apresHeures = (depart: Instant, heures: number): Instant =>
  depart.heure === null
    ? { date: plusJours(depart.date, Math.ceil(heures / 24)), heure: null }
    : plusMinutes({ date: depart.date, heure: depart.heure }, heures * 60);

/**
 * Hours that run only on working days, from the start (or from the end of its day when it has no
 * time); ending exactly at midnight, the delay ends with its whole day.
 */
function apresHeuresOuvrees(depart: Instant, heures: number): Instant {
  let jour = depart.date;
  let minute = depart.heure === null ? MINUTES_PAR_JOUR : minutesDepuisMinuit(depart.heure);
  let restantes = heures * 60;
  for (;;) {
    const disponibles = estJourOuvre(jour) ? MINUTES_PAR_JOUR - minute : 0;
    if (restantes <= disponibles) {
      const fin = minute + restantes;
      return fin === MINUTES_PAR_JOUR ? { date: jour, heure: null } : plusMinutes({ date: jour, heure: '00:00' }, fin);
    }
    restantes -= disponibles;
    jour = plusJours(jour, 1);
    minute = 0;
  }
}

function finBrute(depart: Instant, delai: Delai): Instant {
  switch (delai.unite) {
    case 'jours':
      return { date: plusJours(depart.date, delai.nombre), heure: null };
    case 'jours-ouvres':
      return { date: ajouterJoursOuvres(depart.date, delai.nombre), heure: null };
    case 'heures':
      return apresHeures(depart, delai.nombre);
    case 'heures-ouvrees':
      return apresHeuresOuvrees(depart, delai.nombre);
  }
}

/** The last moment of a delay started on `depart` (a date, or a date and time). */
export function echeanceDelai(depart: Instant | string, delai: Delai): Instant {
  const fin = finBrute(typeof depart === 'string' ? { date: depart, heure: null } : depart, delai);
  return { date: premierJourOuvreDepuis(fin.date), heure: fin.heure };
}

/** The last day of a delay counted in days from `depart`. */
export const dernierJour = (depart: string, delai: Delai): string => echeanceDelai(depart, delai).date;
