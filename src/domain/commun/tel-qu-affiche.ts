// A threshold is judged on the figure as the screens and papers show it, never on the noise of
// floating-point sums: a reste à vivre shown as 6,50 € is not « sous le seuil » of 6,50 €.
// `toFixed` rounds the exact binary value half away from zero, as `Intl.NumberFormat` does for
// display, so the figure judged and the figure shown always agree.

/** An amount in euros as shown: rounded to the cent. */
export const montantAffiche = (euros: number): number => Number(euros.toFixed(2));

/** A rate in percent as shown: rounded to 0.1 point. */
export const tauxAffiche = (points: number): number => Number(points.toFixed(1));
