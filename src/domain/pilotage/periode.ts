import { enumeration, parseDateIso, type ValeurDe } from '../commun/index.ts';
import { plusJours, plusMois } from '../calendrier/index.ts';

// The period a report covers, both ends included: a lease signed on the last day of a quarter
// belongs to that quarter (AMP art. 12 counts relocations at the lease signature).
export type Periode = { debut: string; fin: string };
const genresPeriode = enumeration({
  mois: 'Mois',
  trimestre: 'Trimestre',
  annee: 'Année',
  personnalisee: 'Dates choisies',
});
export const GENRES_PERIODE = genresPeriode.valeurs;
export type GenrePeriode = ValeurDe<typeof genresPeriode>;
export const LIBELLES_GENRE_PERIODE = genresPeriode.libelles;

const MOIS_PAR_GENRE: Record<Exclude<GenrePeriode, 'personnalisee'>, number> = { mois: 1, trimestre: 3, annee: 12 };

/** The month, quarter or year holding `date`. */
export function periodeContenant(genre: Exclude<GenrePeriode, 'personnalisee'>, date: string): Periode {
  const mois = Number(date.slice(5, 7));
  const taille = MOIS_PAR_GENRE[genre];
  const premier = Math.floor((mois - 1) / taille) * taille + 1;
  const debut = `${date.slice(0, 4)}-${String(premier).padStart(2, '0')}-01`;
  return { debut, fin: plusJours(plusMois(debut, taille), -1) };
}

/** The whole calendar year `annee`. */
export const anneeEntiere = (annee: number): Periode => ({ debut: `${annee}-01-01`, fin: `${annee}-12-31` });

/** What is wrong with a period, in French; null when it can be reported on. */
export function verifierPeriode(p: Periode): string | null {
  if (parseDateIso(p.debut) === null) return 'Date de début invalide : saisissez une date réelle (AAAA-MM-JJ).';
  if (parseDateIso(p.fin) === null) return 'Date de fin invalide : saisissez une date réelle (AAAA-MM-JJ).';
  if (p.fin < p.debut) return 'La fin de la période précède son début : corrigez l’une des deux dates.';
  return null;
}

export const dansPeriode = (date: string | null | undefined, p: Periode): date is string =>
  typeof date === 'string' && date >= p.debut && date <= p.fin;

// Calendar days counted on UTC midnights: no daylight saving time between them, and no date-fns
// time-zone work for each of a territory's relocations.
const jourUtc = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const joursEntre = (debut: string, fin: string): number => (jourUtc(fin) - jourUtc(debut)) / 86_400_000;

/** The calendar quarters a period touches, each cut to the period. */
export function trimestresDe(p: Periode): (Periode & { libelle: string })[] {
  const liste: (Periode & { libelle: string })[] = [];
  for (let t = periodeContenant('trimestre', p.debut); t.debut <= p.fin; t = periodeContenant('trimestre', plusJours(t.fin, 1))) {
    liste.push({
      debut: t.debut > p.debut ? t.debut : p.debut,
      fin: t.fin < p.fin ? t.fin : p.fin,
      libelle: `T${Math.ceil(Number(t.debut.slice(5, 7)) / 3)} ${t.debut.slice(0, 4)}`,
    });
  }
  return liste;
}
