import { z } from 'zod';
import { isoDateSchema, enumeration, type ValeurDe } from '../commun/index.ts';
import { heureSchema } from '../calendrier/index.ts';

// What a courtesy visit and the satisfaction survey share: an appointment that may be set, and
// its outcome. A visit that could not be held because nobody answered stays to be done.
const issues = enumeration({
  a_faire: 'À faire',
  realisee: 'Réalisée',
  injoignable: 'Ménage injoignable',
  annulee: 'Annulée',
});
export const ISSUES = issues.valeurs;
export type Issue = ValeurDe<typeof issues>;
export const LIBELLES_ISSUE = issues.libelles;

export const rendezVousChamps = {
  datePrevue: isoDateSchema.nullable().default(null),
  heurePrevue: heureSchema.nullable().default(null),
  issue: z.enum(ISSUES, { error: 'Issue inconnue : à faire, réalisée, ménage injoignable ou annulée.' }).default('a_faire'),
  /** The day it took place, or was attempted when the household could not be reached. */
  date: isoDateSchema.nullable().default(null),
  motifAnnulation: z.string().max(1000).default(''),
};

export type RendezVous = {
  datePrevue: string | null;
  heurePrevue: string | null;
  issue: Issue;
  date: string | null;
  motifAnnulation: string;
};

/** Done or cancelled: nothing left to schedule. */
export const estClos = (r: Pick<RendezVous, 'issue'>): boolean => r.issue === 'realisee' || r.issue === 'annulee';
