// A threshold is judged on the figure as the screens and papers show it, never on the noise of
// floating-point sums: a reste à vivre shown as 6,50 € is not « sous le seuil » of 6,50 €.
// `toFixed` rounds the exact binary value half away from zero, as `Intl.NumberFormat` does for
// display, so the figure judged and the figure shown always agree.

/**
 * `Number(x.toFixed(decimales))`, without its cost where it cannot differ: matching offers judges
 * millions of figures. Away from a half step, scaling then rounding picks the same step, and the
 * division gives the same closest double; near one, `toFixed` decides on the exact value.
 */
function arrondiAffiche(x: number, decimales: 1 | 2): number {
  const echelle = decimales === 2 ? 100 : 10;
  const mise = x * echelle;
  const reste = mise - Math.floor(mise);
  return mise !== 0 && Math.abs(mise) < 2 ** 52 && Math.abs(reste - 0.5) > 1e-6 ? Math.round(mise) / echelle : Number(x.toFixed(decimales));
}

/** An amount in euros as shown: rounded to the cent. */
export const montantAffiche = (euros: number): number => arrondiAffiche(euros, 2);

/** A rate in percent as shown: rounded to 0.1 point. */
export const tauxAffiche = (points: number): number => arrondiAffiche(points, 1);
