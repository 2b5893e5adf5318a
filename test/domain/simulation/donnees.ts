import {
  entreeSimulationSchema,
  REGLAGES_SIMULATION_PAR_DEFAUT,
  type BaremeCalcul,
  type ContexteSimulation,
  type EntreeSimulation,
} from '../../../src/domain/simulation/index.ts';

// A barème with round figures so every worked example can be checked by hand.
// For 3 persons: eau 20, eau chaude 16, chauffage 60; électricité 50 + gaz 12 + assurance 14 + téléphone 30 = 106.
export const postesTest: BaremeCalcul['postes'] = {
  eau: { parTaille: [10, 15, 20, 25], parPersonneSupplementaire: 5 },
  eauChaude: { parTaille: [8, 12, 16, 20], parPersonneSupplementaire: 4 },
  chauffage: { parTaille: [40, 50, 60, 70], parPersonneSupplementaire: 10 },
  electricite: { parTaille: [30, 40, 50, 60], parPersonneSupplementaire: 10 },
  gaz: { parTaille: [10, 10, 12, 12], parPersonneSupplementaire: 2 },
  assuranceHabitation: { parTaille: [10, 12, 14, 16], parPersonneSupplementaire: 2 },
  telephone: { parTaille: [20, 25, 30, 35], parPersonneSupplementaire: 5 },
};

export const baremeTest: BaremeCalcul = {
  territoire: 'Territoire de test',
  debut: '2026-01-01',
  fin: '2026-12-31',
  source: 'Barème de test',
  exemple: false,
  postes: postesTest,
};
export const ctx: ContexteSimulation = { bareme: baremeTest, reglages: REGLAGES_SIMULATION_PAR_DEFAUT };

/**
 * Three persons, 1 800 € a month, 14 € of taxes (mandatory expenses 106 + 14 = 120 €, divisor 3 × 30 = 90);
 * every charge on the receipt on both sides.
 */
export const base = {
  date: '2026-03-01',
  occupants: 3,
  ressourcesMensuelles: [1800, 1800, 1800],
  depenses: { impots: 14 },
  avant: { loyer: 400, chargesGenerales: 50, eau: 25, eauChaude: 15, chauffage: 55, apl: 150, surface: 60, pieces: 3 },
  apres: { loyer: 450, chargesGenerales: 60, eau: 30, eauChaude: 18, chauffage: 65, apl: 180, surface: 70, pieces: 3 },
};

type Modif = Record<string, unknown> & { avant?: Record<string, unknown>; apres?: Record<string, unknown> };

export function entree(modif: Modif = {}): EntreeSimulation {
  return entreeSimulationSchema.parse({
    ...base,
    ...modif,
    avant: { ...base.avant, ...(modif.avant ?? {}) },
    apres: { ...base.apres, ...(modif.apres ?? {}) },
  });
}

export const sansQuittance = { eau: null, eauChaude: null, chauffage: null };
