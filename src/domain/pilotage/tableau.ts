import { montantAffiche } from '../commun/index.ts';

// A table of the report: what a chart draws and what a screen reader and the CSV read instead.
export type Cellule = string | number | null;
export type Tableau = {
  code: string;
  titre: string;
  colonnes: string[];
  lignes: Cellule[][];
  /** What the table means and where it comes from, for the tables a definition of their own explains. */
  source?: string;
  description?: string;
};

/**
 * Counts by category, one column per series (e.g. dwellings made available and relocations by
 * town): rows in `ordre` first, then the other categories in French alphabetical order.
 */
export function tableau(
  code: string,
  titre: string,
  categorie: string,
  series: readonly string[],
  valeurs: readonly (readonly string[])[],
  ordre: readonly string[] = [],
): Tableau {
  // One pass per series: a report sorts tens of thousands of values into a few categories.
  const comptes = valeurs.map((v) => {
    const n = new Map<string, number>();
    for (const x of v) n.set(x, (n.get(x) ?? 0) + 1);
    return n;
  });
  const connues = new Set(ordre);
  const autres = [...new Set(comptes.flatMap((n) => [...n.keys()]))]
    .filter((c) => !connues.has(c))
    .sort((a, b) => a.localeCompare(b, 'fr'));
  const lignes = [...ordre, ...autres].map((c) => [c, ...comptes.map((n) => n.get(c) ?? 0)]);
  return { code, titre, colonnes: [categorie, ...series], lignes };
}

// The change of reste à vivre per person and day after the move (charte §7.1), by band: the
// 6.50 € alert line makes a 2 € move significant for the households near it.
export const TRANCHES_RAV = [
  { libelle: 'Baisse de plus de 2 €', dans: (x: number) => x < -2 },
  { libelle: 'Baisse jusqu’à 2 €', dans: (x: number) => x >= -2 && x < 0 },
  { libelle: 'Stable ou hausse jusqu’à 2 €', dans: (x: number) => x >= 0 && x <= 2 },
  { libelle: 'Hausse de plus de 2 €', dans: (x: number) => x > 2 },
] as const;

export function repartitionVariationRav(variations: readonly number[]): Tableau {
  return {
    code: 'variationRav',
    titre: 'Évolution du reste à vivre par personne et par jour',
    colonnes: ['Évolution', 'Ménages'],
    lignes: TRANCHES_RAV.map((t) => [t.libelle, variations.filter((x) => t.dans(montantAffiche(x))).length]),
  };
}
