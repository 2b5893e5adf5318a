// The barème's tables are indexed by household composition in two shapes: four cells (single,
// couple, one dependant, each further dependant) for the ceilings and the RLS amount, nine cells
// (single, couple, 1 to 6 dependants, each dependant beyond 6) for TF, R0 and the RLS ceiling.

export type Composition = { couple: boolean; personnesACharge: number };

export type Table4 = { isole: number; coupleSansPAC: number; unePAC: number; parPACSupplementaire: number };

export type Table9 = {
  isole: number;
  coupleSansPAC: number;
  PAC1: number;
  PAC2: number;
  PAC3: number;
  PAC4: number;
  PAC5: number;
  PAC6: number;
  parPACAuDelaDe6: number;
};

export function selonComposition4(t: Table4, c: Composition): number {
  if (c.personnesACharge === 0) return c.couple ? t.coupleSansPAC : t.isole;
  return t.unePAC + (c.personnesACharge - 1) * t.parPACSupplementaire;
}

const CELLULES_PAC = ['PAC1', 'PAC2', 'PAC3', 'PAC4', 'PAC5', 'PAC6'] as const;

export function selonComposition9(t: Table9, c: Composition): number {
  if (c.personnesACharge === 0) return c.couple ? t.coupleSansPAC : t.isole;
  const rang = Math.min(c.personnesACharge, CELLULES_PAC.length);
  return t[CELLULES_PAC[rang - 1] ?? 'PAC6'] + Math.max(0, c.personnesACharge - CELLULES_PAC.length) * t.parPACAuDelaDe6;
}
