import { plusMois } from '../calendrier/index.ts';
import type { EnqueteSatisfaction } from './enquete.ts';
import type { ReglagesSuivi } from './reglages.ts';
import { estClos, type RendezVous } from './rendez-vous.ts';
import type { VisiteCourtoisie } from './visite-courtoisie.ts';

// Due dates after the move (charte §4 steps 13 and 14), counted from the lease signature. They
// are always derived from the relocation date, so moving that date moves them.
export type EcheanceVisite = { numero: number; echeance: string };

export const echeancesVisites = (dateRelogement: string, r: Pick<ReglagesSuivi, 'visitesCourtoisieMois'>): EcheanceVisite[] =>
  r.visitesCourtoisieMois.map((mois, i) => ({ numero: i + 1, echeance: plusMois(dateRelogement, mois) }));

export const echeanceEnquete = (dateRelogement: string, r: Pick<ReglagesSuivi, 'enqueteSatisfactionMois'>): string =>
  plusMois(dateRelogement, r.enqueteSatisfactionMois);

/** An appointment not yet held moves to its new due date and keeps its time; null when unchanged. */
function replanifier<T extends RendezVous>(rdv: T, echeance: string | undefined): T | null {
  if (estClos(rdv) || rdv.datePrevue === null || echeance === undefined || rdv.datePrevue === echeance) return null;
  return { ...rdv, datePrevue: echeance };
}

/** After the relocation date moved: the visits whose appointment changes (held ones keep their date). */
export function replanifierVisites(
  visites: readonly VisiteCourtoisie[],
  dateRelogement: string,
  r: Pick<ReglagesSuivi, 'visitesCourtoisieMois'>,
): VisiteCourtoisie[] {
  const echeances = new Map(echeancesVisites(dateRelogement, r).map((e) => [e.numero, e.echeance]));
  return visites.flatMap((v) => replanifier(v, echeances.get(v.numero)) ?? []);
}

/** After the relocation date moved: the survey with its new appointment, or null when unchanged. */
export const replanifierEnquete = (
  enquete: EnqueteSatisfaction,
  dateRelogement: string,
  r: Pick<ReglagesSuivi, 'enqueteSatisfactionMois'>,
): EnqueteSatisfaction | null => replanifier(enquete, echeanceEnquete(dateRelogement, r));
