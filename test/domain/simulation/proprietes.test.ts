import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REGLAGES_SIMULATION_PAR_DEFAUT,
  entreeSimulationSchema,
  simuler,
  type BaremeCalcul,
  type ContexteSimulation,
  type EntreeSimulation,
} from '../../../src/domain/simulation/index.ts';

const euros = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const surQuittance = fc.option(euros(300), { nil: null });

const logement = fc.record({
  loyer: euros(3000),
  chargesGenerales: euros(500),
  eau: surQuittance,
  eauChaude: surQuittance,
  chauffage: surQuittance,
  apl: euros(1200),
  surface: fc.option(fc.integer({ min: 9, max: 200 }), { nil: null }),
  pieces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
});

const entree: fc.Arbitrary<EntreeSimulation> = fc
  .record({
    occupants: fc.integer({ min: 1, max: 14 }),
    ressourcesMensuelles: fc.array(euros(8000), { minLength: 1, maxLength: 3 }),
    depenses: fc.record({
      impots: euros(400),
      pensionAlimentaire: euros(400),
      mutuelle: euros(200),
      pretCaf: euros(100),
      planBanqueDeFrance: euros(300),
      planApurementBailleur: euros(300),
    }),
    avant: logement,
    apres: logement,
  })
  .map((e) => entreeSimulationSchema.parse({ date: '2026-03-01', ...e }));

const poste = fc.record({ parTaille: fc.array(euros(200), { minLength: 1, maxLength: 8 }), parPersonneSupplementaire: euros(50) });
const contexte: fc.Arbitrary<ContexteSimulation> = fc
  .record({ eau: poste, eauChaude: poste, chauffage: poste, electricite: poste, gaz: poste, assuranceHabitation: poste, telephone: poste })
  .map((postes): ContexteSimulation => {
    const bareme: BaremeCalcul = { territoire: 'Test', debut: '2026-01-01', fin: null, source: 'Propriété', exemple: false, postes };
    return { bareme, reglages: REGLAGES_SIMULATION_PAR_DEFAUT };
  });

const options = { numRuns: 300 };

describe('simulation properties', () => {
  it('a higher rent never lowers the taux d’effort', () => {
    fc.assert(
      fc.property(entree, contexte, euros(1000), (e, ctx, hausse) => {
        const plusCher = { ...e, apres: { ...e.apres, loyer: e.apres.loyer + hausse } };
        const [avant, apres] = [simuler(e, ctx).apres.tauxEffort, simuler(plusCher, ctx).apres.tauxEffort];
        if (avant !== null && apres !== null) expect(apres).toBeGreaterThanOrEqual(avant);
        else expect(apres).toBe(avant);
      }),
      options,
    );
  });

  it('the reste à vivre falls as the reste à charge rises', () => {
    fc.assert(
      fc.property(
        entree,
        contexte,
        fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100),
        (e, ctx, baisseApl) => {
          const moinsAide = { ...e, apres: { ...e.apres, apl: Math.max(0, e.apres.apl - baisseApl) } };
          const [r1, r2] = [simuler(e, ctx).apres, simuler(moinsAide, ctx).apres];
          expect(r2.resteACharge).toBeGreaterThanOrEqual(r1.resteACharge);
          expect(r2.resteAVivre).toBeLessThanOrEqual(r1.resteAVivre);
          if (r2.resteACharge > r1.resteACharge) expect(r2.resteAVivre).toBeLessThan(r1.resteAVivre);
        },
      ),
      options,
    );
  });

  it('gives finite figures for every valid input, and a taux d’effort exactly when there are resources', () => {
    fc.assert(
      fc.property(entree, contexte, (e, ctx) => {
        const r = simuler(e, ctx);
        const chiffres = [
          r.ressourcesMensuelles,
          r.depensesIncompressibles,
          r.avant.resteACharge,
          r.apres.resteACharge,
          r.avant.resteAVivre,
          r.apres.resteAVivre,
          r.evolution.resteACharge,
          r.evolution.resteAVivre,
        ];
        for (const n of chiffres) expect(Number.isFinite(n)).toBe(true);
        for (const te of [r.avant.tauxEffort, r.apres.tauxEffort]) {
          if (r.ressourcesMensuelles > 0) expect(Number.isFinite(te)).toBe(true);
          else expect(te).toBeNull();
        }
      }),
      options,
    );
  });

  it('compares alike: swapping the two dwellings swaps their reste à charge', () => {
    fc.assert(
      fc.property(entree, contexte, (e, ctx) => {
        const r = simuler(e, ctx);
        const inverse = simuler({ ...e, avant: e.apres, apres: e.avant }, ctx);
        expect([inverse.avant.resteACharge, inverse.apres.resteACharge]).toEqual([r.apres.resteACharge, r.avant.resteACharge]);
      }),
      options,
    );
  });
});
