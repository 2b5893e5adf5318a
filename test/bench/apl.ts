import { BAREME_APL, aplInputSchema, calculerAide, estimerAide, type EntreeAide } from '../../src/domain/apl/index.ts';

// Issue 5: the time to estimate the APL for 100,000 inputs (goal ≤ 200 ms), on varied
// households, dwellings and months, pre-validated (the simulation's hot path) and from raw input.

const N = 100_000;
const RUNS = 7;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

function entrees(): EntreeAide[] {
  const mois = BAREME_APL.periodes.map((p) => p.debut);
  let graine = 42;
  const hasard = () => (graine = (graine * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: N }, (_, i) => {
    const personnesACharge = Math.floor(hasard() * 6);
    return aplInputSchema.parse({
      mois: mois[i % mois.length],
      dispositif: i % 3 === 0 ? 'APL' : personnesACharge > 0 ? 'ALF' : 'ALS',
      zone: 1 + (i % 3),
      couple: hasard() < 0.5,
      personnesACharge,
      loyer: Math.round(150 + hasard() * 1_200),
      ressourcesAnnuelles: Math.round(hasard() * 40_000),
      bailleurSocial: hasard() < 0.5,
      meuble: hasard() < 0.1,
    });
  });
}

function chronometrer(fn: () => void): number {
  fn();
  const durees: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const debut = performance.now();
    fn();
    durees.push(performance.now() - debut);
  }
  return mediane(durees);
}

export async function bench(): Promise<Record<string, string>> {
  const lot = entrees();
  let somme = 0;
  const calcul = chronometrer(() => {
    for (const e of lot) somme += calculerAide(e).aide;
  });
  const avecValidation = chronometrer(() => {
    for (const e of lot) {
      const r = estimerAide(e);
      if (r.ok) somme += r.value.aide;
    }
  });
  if (!Number.isFinite(somme)) throw new Error('Estimation non finie.');
  return {
    'APL : 100 000 estimations': `${ms(calcul)} (objectif ≤ 200 ms)`,
    'APL : 100 000 estimations avec validation de l’entrée': ms(avecValidation),
  };
}
