import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ajouterJoursOuvres,
  dernierJour,
  echeanceDelai,
  estJourOuvre,
  libelleDelai,
  plusJours,
  premierJourOuvreDepuis,
  type Delai,
} from '../../../src/domain/calendrier/index.ts';

const jours = (nombre: number): Delai => ({ nombre, unite: 'jours' });
const ouvres = (nombre: number): Delai => ({ nombre, unite: 'jours-ouvres' });
const heures = (nombre: number): Delai => ({ nombre, unite: 'heures' });

describe('a delay in days (CPC art. 641–642): the start day is not counted, a non-working last day moves on', () => {
  it.each([
    ['an ordinary Monday', '2025-04-18', '2025-04-28'],
    ['a Saturday, moved to Monday', '2025-03-12', '2025-03-24'],
    ['1 May 2025 (Thursday), moved to Friday 2 May', '2025-04-21', '2025-05-02'],
    ['8 May 2025 (Thursday), moved to Friday 9 May', '2025-04-28', '2025-05-09'],
    ['Ascension 2025 (Thursday 29 May), moved to Friday 30 May', '2025-05-19', '2025-05-30'],
    ['14 July 2025 (Monday), moved to Tuesday 15', '2025-07-04', '2025-07-15'],
    ['15 August 2025 (Friday), moved over the weekend to Monday 18', '2025-08-05', '2025-08-18'],
    ['15 August 2026 (Saturday), moved to Monday 17', '2026-08-05', '2026-08-17'],
    ['Christmas 2025 (Thursday), moved to Friday 26', '2025-12-15', '2025-12-26'],
    ['New Year 2026 (Thursday), moved to Friday 2 January', '2025-12-22', '2026-01-02'],
    ['New Year 2027 (Friday), moved over the weekend to Monday 4 January', '2026-12-22', '2027-01-04'],
  ])('10 days ending on %s', (_cas, depart, fin) => {
    expect(dernierJour(depart, jours(10))).toBe(fin);
    expect(echeanceDelai(depart, jours(10))).toEqual({ date: fin, heure: null });
  });

  it('5 days of partner validation from Monday 26 May 2025 end on Monday 2 June, not on the Saturday', () => {
    expect(dernierJour('2025-05-26', jours(5))).toBe('2025-06-02');
  });
});

describe('a delay in working days (AMP art. 10: 10 and 7 working days)', () => {
  it('skips Easter Monday and 1 May: 10 working days from Thursday 17 April 2025 end on Monday 5 May', () => {
    expect(dernierJour('2025-04-17', ouvres(10))).toBe('2025-05-05');
  });

  it('skips Christmas and New Year: from Friday 19 December 2025, 7 end on 31 December and 10 on 6 January', () => {
    expect(dernierJour('2025-12-19', ouvres(7))).toBe('2025-12-31');
    expect(dernierJour('2025-12-19', ouvres(10))).toBe('2026-01-06');
  });

  it('reads as officers say it', () => {
    expect(libelleDelai(ouvres(10))).toBe('10 jours ouvrés');
    expect(libelleDelai(jours(1))).toBe('1 jour');
    expect(libelleDelai(heures(48))).toBe('48 h');
  });
});

describe('a delay in hours (AMP art. 10: 48 h to designate)', () => {
  it('runs on the clock and a Sunday end moves to Monday at the same time', () => {
    expect(echeanceDelai({ date: '2025-05-09', heure: '10:00' }, heures(48))).toEqual({ date: '2025-05-12', heure: '10:00' });
  });

  it('an end on 14 July moves to the 15th', () => {
    expect(echeanceDelai({ date: '2025-07-12', heure: '14:30' }, heures(48))).toEqual({ date: '2025-07-15', heure: '14:30' });
  });

  it('crosses midnight and keeps the minutes', () => {
    expect(echeanceDelai({ date: '2025-03-10', heure: '23:45' }, heures(3))).toEqual({ date: '2025-03-11', heure: '02:45' });
  });

  it('counts from the end of the day when no time was noted: 48 h from Tuesday 6 May 2025 run past 8 May to Friday 9', () => {
    expect(echeanceDelai('2025-05-06', heures(48))).toEqual({ date: '2025-05-09', heure: null });
  });
});

const jour = fc.integer({ min: 0, max: 365 * 40 }).map((n) => plusJours('2000-01-01', n));
const options = { numRuns: 400 };

describe('delay properties', () => {
  it('a deadline in days is the first working day on or after the raw end, at most 3 days later', () => {
    fc.assert(
      fc.property(jour, fc.integer({ min: 0, max: 60 }), (depart, n) => {
        const brut = plusJours(depart, n);
        const fin = dernierJour(depart, jours(n));
        expect(estJourOuvre(fin)).toBe(true);
        expect(fin >= brut && fin <= plusJours(brut, 3)).toBe(true);
        for (let j = brut; j < fin; j = plusJours(j, 1)) expect(estJourOuvre(j)).toBe(false);
      }),
      options,
    );
  });

  it('n working days after a date hold exactly n working days, the last being the end', () => {
    fc.assert(
      fc.property(jour, fc.integer({ min: 1, max: 30 }), (depart, n) => {
        const fin = ajouterJoursOuvres(depart, n);
        let compte = 0;
        for (let j = plusJours(depart, 1); j <= fin; j = plusJours(j, 1)) if (estJourOuvre(j)) compte++;
        expect(compte).toBe(n);
        expect(estJourOuvre(fin)).toBe(true);
        expect(dernierJour(depart, ouvres(n))).toBe(fin);
      }),
      options,
    );
  });

  it('a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        jour,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<Delai['unite']>('jours', 'jours-ouvres'),
        (depart, ecart, n, unite) => {
          expect(dernierJour(plusJours(depart, ecart), { nombre: n, unite }) >= dernierJour(depart, { nombre: n, unite })).toBe(true);
        },
      ),
      options,
    );
  });

  it('the first working day from a day is that day exactly when it is a working day', () => {
    fc.assert(
      fc.property(jour, (j) => {
        const premier = premierJourOuvreDepuis(j);
        expect(estJourOuvre(premier)).toBe(true);
        expect(premier === j).toBe(estJourOuvre(j));
      }),
      options,
    );
  });
});

// AMP art. 10's « 48h » read as working hours (docs/reunions-et-delais.md): only the hours of
// working days count. A fresh seed per run; fast-check prints it on failure.
describe('a delay in working hours', () => {
  const minutes = (h: string | null) => (h === null ? 24 * 60 : Number(h.slice(0, 2)) * 60 + Number(h.slice(3, 5)));
  /** The minutes of working days between two instants, a null time meaning the end of that day. */
  function minutesOuvrees(de: { date: string; heure: string | null }, a: { date: string; heure: string | null }): number {
    let total = 0;
    for (let j = de.date; j <= a.date; j = plusJours(j, 1)) {
      if (!estJourOuvre(j)) continue;
      const debut = j === de.date ? minutes(de.heure) : 0;
      const fin = j === a.date ? minutes(a.heure) : 24 * 60;
      total += Math.max(0, fin - debut);
    }
    return total;
  }
  const heure = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('hold exactly n working hours and end on a working day', () => {
    fc.assert(
      fc.property(jour, fc.option(heure, { nil: null }), fc.integer({ min: 1, max: 200 }), (date, h, n) => {
        const depart = { date, heure: h };
        const fin = echeanceDelai(depart, { nombre: n, unite: 'heures-ouvrees' });
        expect(estJourOuvre(fin.date)).toBe(true);
        expect(minutesOuvrees(depart, fin)).toBe(n * 60);
      }),
      { numRuns: 300 },
    );
  });

  it('read as « 48 h ouvrées »', () => {
    expect(libelleDelai({ nombre: 48, unite: 'heures-ouvrees' })).toBe('48 h ouvrées');
  });
});
