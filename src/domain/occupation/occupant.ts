import { z } from 'zod';
import { differenceInYears, parseISO } from 'date-fns';
import { parseDateIso } from '../commun/index.ts';
import { lienSchema, SEXES } from '../menage/index.ts';

// What the occupancy norms need to know about one person: the household's Personne records map
// onto this (birth date, sex, link to the leaseholder; a `conjoint` makes a couple).
export const occupantSchema = z.object({
  dateNaissance: z
    .string({ error: 'Indiquez la date de naissance de l’occupant (AAAA-MM-JJ).' })
    .refine((d) => parseDateIso(d) !== null, 'La date de naissance de l’occupant doit être une date réelle au format AAAA-MM-JJ.'),
  sexe: z.enum(SEXES, { error: 'Le sexe de l’occupant doit être « F », « M » ou null.' }).nullable().default(null),
  lien: lienSchema,
});
export type Occupant = z.infer<typeof occupantSchema>;

/** Full years of age on `date` (both "AAAA-MM-JJ"); negative for a person not yet born. */
export function ageEnAnnees(dateNaissance: string, date: string): number {
  return differenceInYears(parseISO(date), parseISO(dateNaissance));
}
