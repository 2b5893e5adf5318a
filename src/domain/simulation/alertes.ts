import { montantAffiche as m, tauxAffiche } from '../commun/index.ts';
import type { EtatOccupation } from '../occupation/index.ts';

// Charte §7.1 B and C: alert lines of taux d'effort and reste à vivre (a household above the
// line must not fall below it; one below must not get worse); §7.1 the indicative
// proportionality rule; §3.4 A occupancy; and resources of zero, which leave no taux d'effort.
export const CODES_ALERTE_SIMULATION = [
  'TAUX_EFFORT_ELEVE',
  'RESTE_A_VIVRE_SOUS_SEUIL',
  'RESTE_A_VIVRE_PASSE_SOUS_SEUIL',
  'RESTE_A_VIVRE_DEGRADE',
  'HAUSSE_NON_PROPORTIONNELLE',
  'SUROCCUPATION',
  'SOUS_OCCUPATION',
  'RESSOURCES_NULLES',
] as const;
export type CodeAlerteSimulation = (typeof CODES_ALERTE_SIMULATION)[number];

export const LIBELLES_ALERTE_SIMULATION: Record<CodeAlerteSimulation, string> = {
  TAUX_EFFORT_ELEVE: 'Taux d’effort après relogement au-dessus du seuil d’alerte',
  RESTE_A_VIVRE_SOUS_SEUIL: 'Reste à vivre après relogement sous le seuil d’alerte',
  RESTE_A_VIVRE_PASSE_SOUS_SEUIL: 'Le reste à vivre passe sous le seuil d’alerte avec ce relogement',
  RESTE_A_VIVRE_DEGRADE: 'Reste à vivre déjà sous le seuil et encore dégradé par ce relogement',
  HAUSSE_NON_PROPORTIONNELLE: 'Le reste à charge augmente plus que la surface',
  SUROCCUPATION: 'Logement proposé suroccupé selon la norme du territoire',
  SOUS_OCCUPATION: 'Logement proposé sous-occupé selon la norme du territoire',
  RESSOURCES_NULLES: 'Ressources nulles : pas de taux d’effort calculable',
};

export type Seuils = { seuilTauxEffort: number; seuilResteAVivre: number };

// Every line is judged on the figures as shown (`montantAffiche`, `tauxAffiche`).
export const tauxEffortEleve = (tauxEffortApres: number | null, s: Seuils): boolean =>
  tauxEffortApres !== null && tauxAffiche(tauxEffortApres) > tauxAffiche(s.seuilTauxEffort);
export const resteAVivreSousSeuil = (resteAVivreApres: number, s: Seuils): boolean => m(resteAVivreApres) < m(s.seuilResteAVivre);
export const resteAVivrePasseSousSeuil = (avant: number, apres: number, s: Seuils): boolean =>
  !resteAVivreSousSeuil(avant, s) && resteAVivreSousSeuil(apres, s);
export const resteAVivreDegrade = (avant: number, apres: number, s: Seuils): boolean =>
  resteAVivreSousSeuil(avant, s) && m(apres) < m(avant);

/** The reste à charge rises by a larger proportion than the surface (charte §7.1, indicative). */
export function hausseNonProportionnelle(
  racAvant: number,
  racApres: number,
  surfaceAvant: number | null,
  surfaceApres: number | null,
): boolean {
  if (surfaceAvant === null || surfaceApres === null) return false;
  return m(racApres) > m(racAvant) && m(racApres) * surfaceAvant > m(racAvant) * surfaceApres;
}

export type ChiffresComparaison = {
  ressources: number;
  avant: { resteACharge: number; resteAVivre: number; surface: number | null };
  apres: { resteACharge: number; tauxEffort: number | null; resteAVivre: number; surface: number | null; occupation: EtatOccupation };
};

export function alertesSimulation(c: ChiffresComparaison, s: Seuils): CodeAlerteSimulation[] {
  const { avant, apres } = c;
  const tests: [CodeAlerteSimulation, boolean][] = [
    ['TAUX_EFFORT_ELEVE', tauxEffortEleve(apres.tauxEffort, s)],
    ['RESTE_A_VIVRE_SOUS_SEUIL', resteAVivreSousSeuil(apres.resteAVivre, s)],
    ['RESTE_A_VIVRE_PASSE_SOUS_SEUIL', resteAVivrePasseSousSeuil(avant.resteAVivre, apres.resteAVivre, s)],
    ['RESTE_A_VIVRE_DEGRADE', resteAVivreDegrade(avant.resteAVivre, apres.resteAVivre, s)],
    ['HAUSSE_NON_PROPORTIONNELLE', hausseNonProportionnelle(avant.resteACharge, apres.resteACharge, avant.surface, apres.surface)],
    ['SUROCCUPATION', apres.occupation === 'suroccupation'],
    ['SOUS_OCCUPATION', apres.occupation === 'sous-occupation'],
    ['RESSOURCES_NULLES', c.ressources <= 0],
  ];
  return tests.filter(([, leve]) => leve).map(([code]) => code);
}
