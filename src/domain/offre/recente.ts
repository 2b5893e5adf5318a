import { format, subYears } from 'date-fns';
import { parseDateIso } from '../commun/index.ts';
import { dateEnLettres, versDate } from '../calendrier/index.ts';
import type { Offre } from './offre.ts';

// Charte §2.3 C: 40 % of relocations into new housing, or housing conventionné or réhabilité less
// than 5 years ago (also the ANRU rent reduction). Judged on full dates: a dwelling first let,
// conventionné or réhabilité less than `ans` years before the date considered is recent; a first
// letting still to come means a new dwelling.
export const ANS_LOGEMENT_RECENT = 5;

/** The label is made only when shown: counting recent relocations judges thousands of dwellings. */
type Jalon = { date: string; libelle: () => string };

/**
 * The dated events that may make the dwelling recent. A record holding only the year of first
 * letting (older records, some exports) is judged on 1 January of that year, the earliest day it
 * can mean, so a dwelling is never called recent on a guess.
 */
function jalons(o: Pick<Offre, 'datePremiereLocation' | 'anneePremiereLocation' | 'dateConventionnement' | 'dateRehabilitation'>): Jalon[] {
  const premiere = o.datePremiereLocation ?? (o.anneePremiereLocation === null ? null : `${o.anneePremiereLocation}-01-01`);
  const candidats: [string | null, (d: string) => string][] = [
    [
      premiere,
      (d) => (o.datePremiereLocation === null ? `première location en ${d.slice(0, 4)}` : `première location le ${dateEnLettres(d)}`),
    ],
    [o.dateConventionnement, (d) => `conventionné le ${dateEnLettres(d)}`],
    [o.dateRehabilitation, (d) => `réhabilité le ${dateEnLettres(d)}`],
  ];
  return candidats.flatMap(([d, libelle]) => (d !== null && parseDateIso(d) !== null ? [{ date: d, libelle: () => libelle(d) }] : []));
}

/** What makes the dwelling recent on `date`, in French; empty when nothing does. */
export function motifsRecente(offre: Offre, date: string, ans = ANS_LOGEMENT_RECENT): string[] {
  return jalonsRecents(offre, date, ans).map((j) => j.libelle());
}

// Reports judge thousands of leases signed on a few hundred days: each day's limit is worked out once.
const limites = new Map<string, string>();
function limiteRecente(date: string, ans: number): string {
  const cle = `${date}|${ans}`;
  let limite = limites.get(cle);
  if (limite === undefined) limites.set(cle, (limite = format(subYears(versDate(date), ans), 'yyyy-MM-dd')));
  return limite;
}

const jalonsRecents = (offre: Offre, date: string, ans: number): Jalon[] => {
  const limite = limiteRecente(date, ans);
  return jalons(offre).filter((j) => j.date > limite);
};

export const estRecente = (offre: Offre, date: string, ans = ANS_LOGEMENT_RECENT): boolean => jalonsRecents(offre, date, ans).length > 0;
