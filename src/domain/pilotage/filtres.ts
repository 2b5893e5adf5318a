import { z } from 'zod';
import { isoDateSchema } from '../commun/index.ts';
import { FINANCEMENTS, TYPOLOGIES } from '../offre/index.ts';

// What a report is about (issue « Pilotage »: period, operation, résidence, landlord, town, QPV,
// dwelling type, financing). One schema for the screen, the URL of the server and the CSV header.
const facultatif = z.string().trim().max(200).nullable().default(null);

export const filtresPilotageSchema = z.object({
  periode: z.object({ debut: isoDateSchema, fin: isoDateSchema }),
  operationId: facultatif,
  residenceId: facultatif,
  /** The landlord owning the dwelling (made available or relocated into). */
  bailleur: facultatif,
  commune: facultatif,
  qpv: z.boolean().nullable().default(null),
  typologie: z.enum(TYPOLOGIES).nullable().default(null),
  financement: z.enum(FINANCEMENTS).nullable().default(null),
});
export type FiltresPilotage = z.infer<typeof filtresPilotageSchema>;

/** A report on this period, with no other filter. */
export const surLaPeriode = (periode: FiltresPilotage['periode']): FiltresPilotage => filtresPilotageSchema.parse({ periode });

/** Filters on the household's side: an operation or a résidence. */
export const filtreSurLesMenages = (f: FiltresPilotage): boolean => f.operationId !== null || f.residenceId !== null;
/** Filters on the dwelling's side. */
export const filtreSurLesLogements = (f: FiltresPilotage): boolean =>
  f.bailleur !== null || f.commune !== null || f.qpv !== null || f.typologie !== null || f.financement !== null;

/** Names compared as people type them: case, accents and spaces aside. */
export const memeNom = (a: string, b: string): boolean => cleNom(a) === cleNom(b);
const normaliser = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
// A territory's report compares the names of tens of thousands of dwellings and résidences, among
// a few hundred distinct ones: each is normalised once (the memory kept is bounded).
const cles = new Map<string, string>();
export const cleNom = (s: string): string => {
  let cle = cles.get(s);
  if (cle === undefined) {
    if (cles.size >= 10_000) cles.clear();
    cles.set(s, (cle = normaliser(s)));
  }
  return cle;
};
