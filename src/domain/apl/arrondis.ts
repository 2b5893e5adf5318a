// Two rounding conventions coexist (docs/apl.md, « Deux conventions d'arrondi »): OpenFisca computes in binary
// floating point and rounds with numpy (half to even), the text and its Catala formalisation
// compute in exact decimals and round half up. Each helper says which convention it serves.

const PUISSANCES = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const puissance = (decimales: number) => PUISSANCES[decimales] ?? 10 ** decimales;

/** numpy `round_(x, n)`: scale, round half to even, unscale, with the same float operations. */
export function arrondiNumpy(x: number, decimales = 0): number {
  const p = puissance(decimales);
  const y = x * p;
  const r = Math.round(y);
  const demi = Math.abs(y - Math.trunc(y)) === 0.5;
  return (demi && r % 2 !== 0 ? r - 1 : r) / p;
}

// Amounts and rates here have at most about 8 significant decimals, so a nudge far below that
// restores the exact-decimal half that binary floating point loses (1.505 is stored as 1.50499…).
const NUDGE = 1e-6;

/** Exact-decimal rounding half up, as Catala rounds money and the texts round rates. */
export function arrondiTexte(x: number, decimales = 2): number {
  const p = puissance(decimales);
  return Math.round(x * p + NUDGE) / p;
}

/** Down to the whole euro, for an amount already expressed in cents. */
export function euroInferieur(montant: number): number {
  return Math.floor(Math.round(montant * 100 + NUDGE) / 100);
}

/** Up to the next hundred euros (D823-17 4°: "arrondies à la centaine d'euros supérieure"). */
export function centaineSuperieure(montant: number): number {
  return Math.ceil(Math.round(montant * 100 - NUDGE) / 10_000) * 100;
}
