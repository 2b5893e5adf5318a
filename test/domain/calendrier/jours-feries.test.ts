import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dimancheDePaques, estFerie, jourDeSemaine, joursFeries, nomJourFerie, plusJours } from '../../../src/domain/calendrier/index.ts';

describe('French public holidays', () => {
  it('lists the eleven holidays of 2025 in date order, Easter-based ones included', () => {
    expect(joursFeries(2025)).toEqual([
      { date: '2025-01-01', nom: 'Jour de l’an' },
      { date: '2025-04-21', nom: 'Lundi de Pâques' },
      { date: '2025-05-01', nom: 'Fête du Travail' },
      { date: '2025-05-08', nom: 'Victoire 1945' },
      { date: '2025-05-29', nom: 'Ascension' },
      { date: '2025-06-09', nom: 'Lundi de Pentecôte' },
      { date: '2025-07-14', nom: 'Fête nationale' },
      { date: '2025-08-15', nom: 'Assomption' },
      { date: '2025-11-01', nom: 'Toussaint' },
      { date: '2025-11-11', nom: 'Armistice 1918' },
      { date: '2025-12-25', nom: 'Noël' },
    ]);
  });

  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (annee, paques) => {
    expect(dimancheDePaques(annee)).toBe(paques);
  });

  it('names the Easter-based holidays of 2026 and not the Sundays they hang on', () => {
    expect(nomJourFerie('2026-04-06')).toBe('Lundi de Pâques');
    expect(nomJourFerie('2026-05-14')).toBe('Ascension');
    expect(nomJourFerie('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(estFerie('2026-04-05')).toBe(false);
    expect(estFerie('2026-05-24')).toBe(false);
    expect(estFerie('2026-12-26')).toBe(false);
  });

  it('places Easter in March or April and the mobile holidays on their weekday, every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (annee) => {
        const paques = dimancheDePaques(annee);
        expect(paques >= `${annee}-03-22` && paques <= `${annee}-04-25`).toBe(true);
        expect(jourDeSemaine(paques)).toBe(0);
        expect(nomJourFerie(plusJours(paques, 1))).toBe('Lundi de Pâques');
        expect(jourDeSemaine(plusJours(paques, 39))).toBe(4);
        expect(nomJourFerie(plusJours(paques, 39))).toBe('Ascension');
        expect(joursFeries(annee).every((f) => f.date.startsWith(`${annee}-`))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
