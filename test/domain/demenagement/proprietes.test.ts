import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estJourOuvre, echeanceRemboursement, plusJours, reglementCaution } from '../../../src/domain/index.ts';

// Properties of the move's money (charte §3.2), each run on a fresh seed that fast-check prints
// when a case fails.
const centimes = fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100);
const jour = fc
  .date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true })
  .map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);

describe('the move’s money, for any amounts and days', () => {
  it('settles deposits so that the household pays nothing and the landlords’ sums add up to the cent', () => {
    fc.assert(
      fc.property(centimes, centimes, (origine, accueil) => {
        const r = reglementCaution(origine, accueil);
        expect(r.aPayerParLeMenage).toBe(0);
        expect(r.verseAuBailleurAccueil).toBe(accueil);
        expect(Math.min(r.complementBailleurOrigine, r.rembourseAuMenage)).toBe(0);
        expect(Math.round((r.complementBailleurOrigine - r.rembourseAuMenage) * 100)).toBe(Math.round((accueil - origine) * 100));
      }),
    );
  });

  it('pays back no earlier than 8 days after the invoice, on a working day, at most a long weekend later', () => {
    fc.assert(
      fc.property(jour, (remise) => {
        const echeance = echeanceRemboursement({ factureRemiseLe: remise }, { nombre: 8, unite: 'jours' });
        expect(echeance).not.toBeNull();
        expect(echeance! >= plusJours(remise, 8)).toBe(true);
        expect(echeance! <= plusJours(remise, 12)).toBe(true);
        expect(estJourOuvre(echeance!)).toBe(true);
      }),
    );
  });
});
