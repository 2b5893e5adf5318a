import { plusMois } from '../calendrier/index.ts';
import { estTenue, reunionsDe, type Reunion, type ReglagesReunions } from '../reunion/index.ts';

// The clocks of an opération's meetings (charte §4 step 5: « une réunion est organisée entre les
// partenaires au maximum 1 mois après la fin des enquêtes », « ce bilan initial doit être mis à
// jour annuellement »; step 6: the meeting presenting the households « 2 mois maximum » after the
// bilan). The GTR and GTRM meet at their own rhythm: no clock.

export type OperationReunions = {
  operationId: string;
  nom: string;
  reunions: readonly Reunion[];
  /** Per household of the opération still counted (deleted ones left out): the day its first interview was completed, or null. */
  premiersEntretiens: readonly (string | null)[];
};

export type HorlogeReunion = {
  nature: 'bilan_peuplement' | 'orientation';
  libelle: string;
  /** Null while the clock has not started; `enAttente` says what it waits for. */
  echeance: string | null;
  enAttente: string | null;
  /** The next meeting of that nature planned after today. */
  prevue: Reunion | null;
};

/** The end of the interviews: the last first interview, once every household has had its own. */
export function finDesEntretiens(premiers: readonly (string | null)[]): string | null {
  if (premiers.length === 0 || premiers.some((d) => d === null)) return null;
  return (premiers as string[]).reduce((a, b) => (a > b ? a : b));
}

const manquants = (premiers: readonly (string | null)[]): string => {
  const n = premiers.filter((d) => d === null).length;
  if (premiers.length === 0) return 'Aucun ménage dans l’opération : le délai partira de la fin des premiers entretiens.';
  return `${n} ménage${n > 1 ? 's' : ''} sans premier entretien terminé : le délai partira de la fin des premiers entretiens.`;
};

const planifiee = (reunions: readonly Reunion[], aujourdhui: string): Reunion | null =>
  reunions.find((r) => !estTenue(r, aujourdhui)) ?? null;

export function horlogesReunions(o: OperationReunions, r: ReglagesReunions, aujourdhui: string): HorlogeReunion[] {
  const bilans = reunionsDe(o.reunions, 'bilan_peuplement');
  const bilansTenus = bilans.filter((b) => estTenue(b, aujourdhui));
  const premierBilan = bilansTenus[0] ?? null;
  const dernierBilan = bilansTenus.at(-1) ?? null;
  const fin = finDesEntretiens(o.premiersEntretiens);
  const bilan: HorlogeReunion =
    dernierBilan === null
      ? {
          nature: 'bilan_peuplement',
          libelle: 'Bilan de peuplement',
          echeance: fin && plusMois(fin, r.bilanApresEntretiensMois),
          enAttente: fin === null ? manquants(o.premiersEntretiens) : null,
          prevue: planifiee(bilans, aujourdhui),
        }
      : {
          nature: 'bilan_peuplement',
          libelle: 'Mise à jour annuelle du bilan de peuplement',
          echeance: plusMois(dernierBilan.date, r.miseAJourBilanMois),
          enAttente: null,
          prevue: planifiee(bilans, aujourdhui),
        };
  const orientations = reunionsDe(o.reunions, 'orientation');
  if (orientations.some((x) => estTenue(x, aujourdhui))) return [bilan];
  const orientation: HorlogeReunion = {
    nature: 'orientation',
    libelle: 'Réunion de présentation des ménages et d’orientation',
    echeance: premierBilan && plusMois(premierBilan.date, r.orientationApresBilanMois),
    enAttente:
      premierBilan === null ? `Le délai de ${r.orientationApresBilanMois} mois part du bilan de peuplement, pas encore tenu.` : null,
    prevue: planifiee(orientations, aujourdhui),
  };
  return [bilan, orientation];
}
