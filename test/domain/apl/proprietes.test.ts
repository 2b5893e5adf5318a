import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAREME_APL, calibrerRessources, estimerAide, type EstimationAide } from '../../../src/domain/apl/index.ts';

const PARAMS = { numRuns: 300 };

const situation = fc
  .record({
    mois: fc.constantFrom(...BAREME_APL.periodes.flatMap((p) => [p.debut, p.fin])),
    dispositif: fc.constantFrom('APL', 'ALF', 'ALS'),
    zone: fc.constantFrom(1, 2, 3),
    couple: fc.boolean(),
    personnesACharge: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 })),
    loyer: fc.integer({ min: 50, max: 2_500 }),
    bailleurSocial: fc.boolean(),
    meuble: fc.boolean(),
    chambre: fc.boolean(),
    handicap: fc.boolean(),
  })
  .map((s) => ({ ...s, dispositif: s.dispositif === 'ALS' && s.personnesACharge > 0 ? 'ALF' : s.dispositif }));

const ressources = fc.integer({ min: 0, max: 800 }).map((centaines) => centaines * 100);

function estime(entree: object): EstimationAide {
  const r = estimerAide(entree);
  if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
  return r.value;
}

describe('properties of the estimate', () => {
  it('the aid never rises when resources rise (with an RLS: the aid plus the RLS, since the RLS stops at its ceiling)', () => {
    fc.assert(
      fc.property(situation, ressources, ressources, (s, a, b) => {
        const [moins, plus] = [
          estime({ ...s, ressourcesAnnuelles: Math.min(a, b) }),
          estime({ ...s, ressourcesAnnuelles: Math.max(a, b) }),
        ];
        expect(plus.aide + plus.rls).toBeLessThanOrEqual(moins.aide + moins.rls);
        if (moins.rls === plus.rls) expect(plus.montantVerse).toBeLessThanOrEqual(moins.montantVerse);
      }),
      PARAMS,
    );
  });

  it('the aid never exceeds the rent plus the charges it is computed on', () => {
    fc.assert(
      fc.property(situation, ressources, (s, r) => {
        const e = estime({ ...s, ressourcesAnnuelles: r });
        expect(e.loyerRetenu).toBeLessThanOrEqual(s.loyer);
        expect(e.aide).toBeLessThanOrEqual(e.loyerRetenu + e.forfaitCharges);
        expect(e.montantVerse).toBeLessThanOrEqual(e.loyerRetenu + e.forfaitCharges);
        expect(Number.isInteger(e.montantVerse)).toBe(true);
      }),
      PARAMS,
    );
  });

  it('the calibration gives back today’s aid, to the cent or in whole euros as it was typed', () => {
    fc.assert(
      fc.property(situation, ressources, fc.boolean(), (s, r, auCentime) => {
        const aujourdhui = estime({ ...s, ressourcesAnnuelles: r });
        const aideActuelle = auCentime ? aujourdhui.aide : aujourdhui.montantVerse;
        fc.pre(aideActuelle > 0);
        const c = calibrerRessources({ ...s, aideActuelle });
        if (!c.ok) throw new Error(JSON.stringify(c.erreurs));
        expect(c.value.ecart).toBe(0);
        expect(c.value.min).toBeLessThanOrEqual(c.value.ressourcesAnnuelles);
        expect(c.value.max).toBeGreaterThanOrEqual(c.value.ressourcesAnnuelles);
        const refait = estime({ ...s, ressourcesAnnuelles: c.value.ressourcesAnnuelles });
        expect([refait.aide, refait.montantVerse]).toContain(aideActuelle);
      }),
      { numRuns: 150 },
    );
  });
});
