import type { BaremeCalcul, BaremeFsl } from './bareme.ts';
import { BAREME_EXEMPLE } from './bareme-exemple.ts';
import { normaliserTexte } from './texte.ts';

export const enVigueur = (b: Pick<BaremeCalcul, 'debut' | 'fin'>, date: string): boolean =>
  b.debut <= date && (b.fin === null || date <= b.fin);

/**
 * The barème a simulation of `date` uses: the territory's own when one is in force (the latest
 * started if periods overlap), else the shipped example; null when neither covers the date.
 */
export function choisirBareme(
  baremes: readonly BaremeFsl[],
  territoire: string,
  date: string,
  exemples: readonly BaremeFsl[] = [BAREME_EXEMPLE],
): BaremeFsl | null {
  const plusRecent = (candidats: readonly BaremeFsl[]) =>
    candidats
      .filter((b) => !b.supprime && enVigueur(b, date))
      .reduce<BaremeFsl | null>((meilleur, b) => (meilleur === null || b.debut > meilleur.debut ? b : meilleur), null);
  return plusRecent(baremes.filter((b) => normaliserTexte(b.territoire) === normaliserTexte(territoire))) ?? plusRecent(exemples);
}
