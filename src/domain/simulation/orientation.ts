import { montantAffiche, tauxAffiche } from '../commun/index.ts';
import type { CriteresMenage } from './entree.ts';
import type { Seuils } from './alertes.ts';
import { formatResteAVivre, formatTaux } from './format.ts';

// Charte §4 step 6 (figure 2) and §7.1: the grid partners may use to orient a household to the
// circuit dématérialisé. It is advice; the partners decide.

// Judged on the figures as shown, like the alerts.
const tauxEffortSousSeuil = (tauxEffortApres: number | null, s: Seuils) =>
  tauxEffortApres !== null && tauxAffiche(tauxEffortApres) < tauxAffiche(s.seuilTauxEffort);
const resteAVivreAuDessusDuSeuil = (resteAVivreApres: number, s: Seuils) =>
  montantAffiche(resteAVivreApres) > montantAffiche(s.seuilResteAVivre);
const resteAVivreEnHausse = (avant: number, apres: number) => montantAffiche(apres) > montantAffiche(avant);

/** The grid's financial criteria: taux d'effort under the line, reste à vivre above it and rising. */
export function criteresFinanciersRemplis(
  tauxEffortApres: number | null,
  resteAVivreAvant: number,
  resteAVivreApres: number,
  s: Seuils,
): boolean {
  return (
    tauxEffortSousSeuil(tauxEffortApres, s) &&
    resteAVivreAuDessusDuSeuil(resteAVivreApres, s) &&
    resteAVivreEnHausse(resteAVivreAvant, resteAVivreApres)
  );
}

export type CritereOrientation = { libelle: string; rempli: boolean | null };
export type AvisOrientation = { criteresFinanciers: boolean; criteres: CritereOrientation[]; avis: string };

const minuscule = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const RESERVE = 'La grille aide les partenaires ; elle ne décide pas de l’orientation.';

export function orienter(
  tauxEffortApres: number | null,
  resteAVivreAvant: number,
  resteAVivreApres: number,
  menage: CriteresMenage,
  s: Seuils,
): AvisOrientation {
  const criteres: CritereOrientation[] = [
    { libelle: `Taux d’effort < ${formatTaux(s.seuilTauxEffort)}`, rempli: tauxEffortSousSeuil(tauxEffortApres, s) },
    { libelle: `Reste à vivre > ${formatResteAVivre(s.seuilResteAVivre)}`, rempli: resteAVivreAuDessusDuSeuil(resteAVivreApres, s) },
    { libelle: 'Évolution positive du reste à vivre', rempli: resteAVivreEnHausse(resteAVivreAvant, resteAVivreApres) },
    { libelle: 'La typologie et la localisation souhaitées existent', rempli: menage.typologieEtLocalisationExistent },
    { libelle: 'Aucun frein au relogement à lever', rempli: menage.aucunFreinALever },
  ];
  const manquants = criteres.filter((c) => c.rempli === false).map((c) => minuscule(c.libelle));
  const inconnus = criteres.filter((c) => c.rempli === null).map((c) => minuscule(c.libelle));
  const avis =
    manquants.length > 0
      ? `Critères non remplis : ${manquants.join(' ; ')}. L’orientation (GTR, GTRM) est à discuter entre partenaires. ${RESERVE}`
      : inconnus.length > 0
        ? `Critères financiers remplis ; à vérifier : ${inconnus.join(' ; ')}. ${RESERVE}`
        : `Tous les critères de la grille sont remplis : le circuit dématérialisé est envisageable, sous réserve de l’accord des partenaires. ${RESERVE}`;
  return { criteresFinanciers: criteresFinanciersRemplis(tauxEffortApres, resteAVivreAvant, resteAVivreApres, s), criteres, avis };
}
