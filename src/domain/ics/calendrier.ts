import { z } from 'zod';
import { plusJours, plusMinutes, type Instant } from '../calendrier/index.ts';
import { assembler, echapperTexte } from './texte.ts';
import { TZID_PARIS, VTIMEZONE_PARIS } from './fuseau.ts';

// An iCalendar export (RFC 5545) of appointments and deadlines, built as a plain string. A
// deadline is a whole day that does not block the officer's time; an appointment has a start
// time in Paris (or floating local time, for calendars that ignore time zones) and a duration.

export type EvenementIcs = {
  /** Globally unique and stable, so a new export updates the events already imported. */
  uid: string;
  titre: string;
  /** `heure: null`: a whole-day item. */
  debut: Instant;
  dureeMinutes?: number;
  description?: string;
  categories?: readonly string[];
};

export const optionsIcsSchema = z.object({
  /** When the export is made, in UTC ("2025-05-14T08:00:00Z"): the DTSTAMP of every event. */
  horodatage: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'Horodatage attendu en UTC au format AAAA-MM-JJTHH:MM:SSZ.'),
  fuseau: z.enum([TZID_PARIS, 'flottant'], { error: 'Fuseau inconnu : « Europe/Paris » ou « flottant ».' }).default(TZID_PARIS),
  nomCalendrier: z.string().max(200).default('Relogement'),
  dureeParDefautMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});
export type OptionsIcs = z.input<typeof optionsIcsSchema>;

const compact = (date: string) => date.replaceAll('-', '');
const dateHeure = (i: { date: string; heure: string }) => `${compact(i.date)}T${i.heure.replace(':', '')}00`;

function lignesDates(e: EvenementIcs, o: z.infer<typeof optionsIcsSchema>): string[] {
  const { debut } = e;
  if (debut.heure === null)
    return [`DTSTART;VALUE=DATE:${compact(debut.date)}`, `DTEND;VALUE=DATE:${compact(plusJours(debut.date, 1))}`, 'TRANSP:TRANSPARENT'];
  const heureDebut = { date: debut.date, heure: debut.heure };
  const fin = plusMinutes(heureDebut, e.dureeMinutes ?? o.dureeParDefautMinutes);
  const parametre = o.fuseau === TZID_PARIS ? `;TZID=${TZID_PARIS}` : '';
  return [`DTSTART${parametre}:${dateHeure(heureDebut)}`, `DTEND${parametre}:${dateHeure(fin)}`];
}

function lignesEvenement(e: EvenementIcs, dtstamp: string, o: z.infer<typeof optionsIcsSchema>): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${echapperTexte(e.uid)}`,
    `DTSTAMP:${dtstamp}`,
    ...lignesDates(e, o),
    `SUMMARY:${echapperTexte(e.titre)}`,
    ...(e.description ? [`DESCRIPTION:${echapperTexte(e.description)}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(echapperTexte).join(',')}`] : []),
    'END:VEVENT',
  ];
}

export function exporterIcs(evenements: readonly EvenementIcs[], options: OptionsIcs): string {
  const o = optionsIcsSchema.parse(options);
  const dtstamp = o.horodatage.replace(/[-:]/g, '');
  const avecFuseau = o.fuseau === TZID_PARIS && evenements.some((e) => e.debut.heure !== null);
  return assembler([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relogement//Agenda des chargés de relogement//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${echapperTexte(o.nomCalendrier)}`,
    ...(avecFuseau ? [`X-WR-TIMEZONE:${TZID_PARIS}`, ...VTIMEZONE_PARIS] : []),
    ...evenements.flatMap((e) => lignesEvenement(e, dtstamp, o)),
    'END:VCALENDAR',
  ]);
}
