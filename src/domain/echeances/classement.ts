import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { lundiDeLaSemaine, plusJours, versDate, type Instant } from '../calendrier/index.ts';
import { etatEcheance } from './etat.ts';

// The "À faire" columns: late, this week (to Sunday), the next days, later.
export const CLASSES_AGENDA = ['en_retard', 'cette_semaine', 'prochains_jours', 'plus_tard'] as const;
export type ClasseAgenda = (typeof CLASSES_AGENDA)[number];

export const libelleClasse = (c: ClasseAgenda, horizonJours: number): string =>
  ({ en_retard: 'En retard', cette_semaine: 'Cette semaine', prochains_jours: `Dans les ${horizonJours} jours`, plus_tard: 'Plus tard' })[
    c
  ];

export type Bornes = { aujourdhui: string; dimanche: string; horizon: string };

export const bornesAgenda = (aujourdhui: string, horizonJours: number): Bornes => ({
  aujourdhui,
  dimanche: plusJours(lundiDeLaSemaine(aujourdhui), 6),
  horizon: plusJours(aujourdhui, horizonJours),
});

export function classer(jour: string, b: Bornes): ClasseAgenda {
  if (jour < b.aujourdhui) return 'en_retard';
  if (jour <= b.dimanche) return 'cette_semaine';
  return jour <= b.horizon ? 'prochains_jours' : 'plus_tard';
}

/**
 * An item's column: late once its deadline is past, whatever the appointment, as the caseload's
 * alerts and the household's badges count it (an appointment after the deadline does not make it on
 * time); otherwise the column of its day.
 */
export const classerEvenement = (jour: string, echeance: string | null, b: Bornes): ClasseAgenda =>
  echeance !== null && etatEcheance(echeance, b.aujourdhui, 0) === 'en_retard' ? 'en_retard' : classer(jour, b);

type Place = { jour: string; rendezVous: Instant | null; nom: string };

// Sorting tens of thousands of items: each gets a numeric key once (day, then minute, a whole
// day after the timed appointments of that day); same moment, by household name.
const cleTri = (e: Place): number => {
  const { jour } = e;
  const heure = e.rendezVous?.heure;
  const minute = heure ? Number(heure.slice(0, 2)) * 60 + Number(heure.slice(3, 5)) : 24 * 60;
  return (Number(jour.slice(0, 4)) * 10_000 + Number(jour.slice(5, 7)) * 100 + Number(jour.slice(8, 10))) * 10_000 + minute;
};

/** Chronological order, as the agenda lists it. */
export function trierAgenda<T extends Place>(evenements: readonly T[]): T[] {
  const cles = evenements.map((e) => ({ e, cle: cleTri(e) }));
  cles.sort((a, b) => a.cle - b.cle || (a.e.nom < b.e.nom ? -1 : a.e.nom > b.e.nom ? 1 : 0));
  return cles.map(({ e }) => e);
}

export type Groupe<T> = { cle: string; titre: string; evenements: T[] };

function grouper<T extends Place>(evenements: readonly T[], cle: (jour: string) => string, titre: (cle: string) => string): Groupe<T>[] {
  const groupes = new Map<string, T[]>();
  for (const e of trierAgenda(evenements)) {
    const k = cle(e.jour);
    const groupe = groupes.get(k);
    if (groupe) groupe.push(e);
    else groupes.set(k, [e]);
  }
  return [...groupes].map(([k, liste]) => ({ cle: k, titre: titre(k), evenements: liste }));
}

/** One group per day, titled "lundi 5 mai 2025". */
export const grouperParJour = <T extends Place>(evenements: readonly T[]): Groupe<T>[] =>
  grouper(
    evenements,
    (jour) => jour,
    (jour) => format(versDate(jour), 'EEEE do MMMM yyyy', { locale: fr }),
  );

/** One group per week from Monday, titled "Semaine du 5 mai 2025". */
export const grouperParSemaine = <T extends Place>(evenements: readonly T[]): Groupe<T>[] =>
  grouper(evenements, lundiDeLaSemaine, (lundi) => `Semaine du ${format(versDate(lundi), 'do MMMM yyyy', { locale: fr })}`);
