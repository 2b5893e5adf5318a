import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REGLAGES_SIMULATION_PAR_DEFAUT,
  formatEuros,
  formatTaux,
  orienter,
  resteAVivreSousSeuil,
  simuler,
  tauxEffortEleve,
} from '../../../src/domain/simulation/index.ts';
import { REGLAGES_VIGILANCE_PAR_DEFAUT, vigilanceResteAVivre } from '../../../src/domain/visite/index.ts';
import { montantAffiche, tauxAffiche } from '../../../src/domain/commun/index.ts';
import { ctx, entree } from './donnees.ts';

// Charte §7.1 B and C: 30 % of taux d'effort and 6,50 € per day and person are alert lines. They
// are judged on the figure as shown, the same way by the simulation, the orientation grid and the
// visit's watch (charte §4 step 13), never on floating-point noise.

const s = REGLAGES_SIMULATION_PAR_DEFAUT;
const criteres = { typologieEtLocalisationExistent: true, aucunFreinALever: true };
const ligneResteAVivre = (ravApres: number) => orienter(10, 0, ravApres, criteres, s).criteres[1]?.rempli;

describe('thresholds judged on the figure as shown (charte §7.1)', () => {
  it('a reste à vivre shown as 6,50 € is not under the 6,50 € line, though its sum is 6.499999999999999', () => {
    // 1 024,10 € of resources; after: 450 + 60 + 30 + 18 + 65 − 303,90 of APL = 319,10 € of reste à
    // charge, 120 € of mandatory expenses, 3 persons: (1 024,10 − 319,10 − 120) / 90 = 6,50 €.
    // Before: APL 230 €, reste à charge 315 €, (1 024,10 − 315 − 120) / 90 = 6,55 €.
    const r = simuler(entree({ ressourcesMensuelles: [1024.1], avant: { apl: 230 }, apres: { loyer: 450, apl: 303.9 } }), ctx);
    expect(r.apres.resteAVivre).toBeLessThan(6.5);
    expect(formatEuros(r.apres.resteAVivre)).toMatch(/^6,50\s€$/);
    expect(r.alertes).toEqual(['TAUX_EFFORT_ELEVE']);
    expect(vigilanceResteAVivre(null, r.apres.resteAVivre, REGLAGES_VIGILANCE_PAR_DEFAUT)).toEqual([]);
  });

  it('a taux d’effort shown as 30,0 % is not above the 30 % line', () => {
    expect(formatTaux(30.04)).toBe('30,0 %');
    expect(tauxEffortEleve(30.04, s)).toBe(false);
    expect(tauxEffortEleve(30.05, s)).toBe(true);
  });
});

// What the reader sees: the figure parsed back from its French display.
const lu = (affiche: string): number =>
  Number(
    affiche
      .replace(/[^\d,−-]/g, '')
      .replace('−', '-')
      .replace(',', '.'),
  );
// Amounts to the cent (often a few cents from the line), off by less than a thousandth of a cent
// either way, or anywhere between.
const bruit = fc.double({ min: -1e-5, max: 1e-5, noNaN: true });
const pres = (min: number, max: number, pas: number) => fc.tuple(fc.integer({ min, max }), bruit).map(([n, b]) => n / pas + b);
const montant = fc.oneof(pres(649, 651, 100), pres(-5_000, 5_000, 100), fc.double({ min: -50, max: 50, noNaN: true }));
const taux = fc.oneof(pres(299, 301, 10), pres(0, 1_000, 10), fc.double({ min: 0, max: 100, noNaN: true }));

describe('threshold properties', () => {
  it('rounds every figure exactly as toFixed does, half steps and noise included', () => {
    const demi = (pas: number) => fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), bruit).map(([n, b]) => (n + 0.5) / pas + b);
    fc.assert(
      fc.property(fc.oneof(montant, demi(100), fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        expect(montantAffiche(x)).toBe(Number(x.toFixed(2)));
      }),
    );
    fc.assert(
      fc.property(fc.oneof(taux, demi(10), fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        expect(tauxAffiche(x)).toBe(Number(x.toFixed(1)));
      }),
    );
  });

  it('the reste à vivre line agrees with the display in the alerts, the orientation grid and the visit watch', () => {
    fc.assert(
      fc.property(montant, (rav) => {
        const sous = lu(formatEuros(rav)) < lu(formatEuros(s.seuilResteAVivre));
        expect(resteAVivreSousSeuil(rav, s)).toBe(sous);
        expect(vigilanceResteAVivre(null, rav, REGLAGES_VIGILANCE_PAR_DEFAUT).includes('RESTE_A_VIVRE_SOUS_SEUIL')).toBe(sous);
        expect(ligneResteAVivre(rav)).toBe(lu(formatEuros(rav)) > lu(formatEuros(s.seuilResteAVivre)));
      }),
      { numRuns: 500 },
    );
  });

  it('the taux d’effort line agrees with the display', () => {
    fc.assert(
      fc.property(taux, (te) => {
        expect(tauxEffortEleve(te, s)).toBe(lu(formatTaux(te)) > lu(formatTaux(s.seuilTauxEffort)));
      }),
      { numRuns: 500 },
    );
  });
});
