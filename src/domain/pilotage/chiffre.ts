import { montantAffiche, tauxAffiche } from '../commun/index.ts';

// One figure of the steering report, with what it means and where it comes from, so the screen,
// the printed report and the CSV say the same thing. A rate without a denominator has no value
// and says why: never NaN nor Infinity.

export const UNITES = ['nombre', 'pourcentage', 'jours', 'euros', 'points', 'euros_jour'] as const;
export type Unite = (typeof UNITES)[number];

export type Objectif = { sens: 'au_moins' | 'au_plus'; valeur: number; libelle: string };

export type Chiffre = {
  code: string;
  libelle: string;
  description: string;
  source: string;
  unite: Unite;
  valeur: number | null;
  /** The counts a rate or an average divides; null for a plain count. */
  numerateur: number | null;
  denominateur: number | null;
  /** Why there is no value. */
  raison: string | null;
  objectif: Objectif | null;
  atteint: boolean | null;
  /**
   * The households behind the figure, each once and sorted; empty in a report of aggregates only.
   * `compte` and `rapport` keep them as met: `calculerPilotage` makes the lists only for a report
   * that shows them (a sort per figure was most of the time a territory's report took).
   */
  menageIds: string[];
};

export type Definition = Pick<Chiffre, 'code' | 'libelle' | 'description' | 'source' | 'unite'>;

const arrondi = (unite: Unite, x: number): number => (unite === 'euros' || unite === 'euros_jour' ? montantAffiche(x) : tauxAffiche(x));

function juger(valeur: number | null, objectif: Objectif | null): boolean | null {
  if (valeur === null || objectif === null) return null;
  return objectif.sens === 'au_moins' ? valeur >= objectif.valeur : valeur <= objectif.valeur;
}

export function compte(def: Definition, menageIds: Iterable<string>, nombre: number, objectif: Objectif | null = null): Chiffre {
  return {
    ...def,
    valeur: nombre,
    numerateur: null,
    denominateur: null,
    raison: null,
    objectif,
    atteint: juger(nombre, objectif),
    menageIds: [...menageIds],
  };
}

/** numerateur ÷ denominateur, as a percentage or an average (rounded as shown); no value when nothing to divide by. */
export function rapport(
  def: Definition,
  menageIds: Iterable<string>,
  numerateur: number,
  denominateur: number,
  sansDenominateur: string,
  objectif: Objectif | null = null,
): Chiffre {
  const brut = denominateur === 0 ? null : (def.unite === 'pourcentage' ? 100 : 1) * (numerateur / denominateur);
  const valeur = brut === null ? null : arrondi(def.unite, brut);
  return {
    ...def,
    valeur,
    numerateur,
    denominateur,
    raison: brut === null ? sansDenominateur : null,
    objectif,
    atteint: juger(valeur, objectif),
    menageIds: [...menageIds],
  };
}
