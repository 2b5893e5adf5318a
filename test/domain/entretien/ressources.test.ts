import { describe, expect, it } from 'vitest';
import { cleRessource, libelleMois, ressourcesMensuelles, totauxMensuels } from '../../../src/domain/index.ts';
import type { Reponse } from '../../../src/domain/index.ts';

// Charte §3.4 and §7.1: monthly resources are the average of the last three months before the
// interview, exceptional income (bonuses, study grants) excluded.
const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';
const v = (valeur: string): Reponse => ({ valeur });

describe('worked example: two earners, the third month not yet entered, a bonus', () => {
  const reponses: Record<string, Reponse> = {
    // The leaseholder: a salary, and a bonus in the last month.
    [cleRessource(A, 1, 'salaire')]: v('1 800'),
    [cleRessource(A, 2, 'salaire')]: v('1 750'),
    [cleRessource(A, 1, 'exceptionnel')]: v('500'),
    // The spouse: unemployment benefit and family benefits.
    [cleRessource(B, 1, 'chomage')]: v('950,50'),
    [cleRessource(B, 2, 'chomage')]: v('950,50'),
    [cleRessource(B, 1, 'prestationsFamiliales')]: v('280'),
    [cleRessource(B, 2, 'prestationsFamiliales')]: v('280'),
  };

  it('totals each month over both persons, the bonus set apart', () => {
    expect(totauxMensuels(reponses, [A, B])).toEqual([
      { rang: 1, total: 1800 + 950.5 + 280, exceptionnel: 500 },
      { rang: 2, total: 1750 + 950.5 + 280, exceptionnel: 0 },
    ]);
  });

  it('averages the months entered: (3 030,50 + 2 980,50) / 2 = 3 005,50 €', () => {
    expect(ressourcesMensuelles(reponses, [A, B])).toBeCloseTo(3005.5, 6);
  });

  it('with the third month entered, divides by three', () => {
    const complet = { ...reponses, [cleRessource(A, 3, 'salaire')]: v('1 790'), [cleRessource(B, 3, 'chomage')]: v('0') };
    expect(ressourcesMensuelles(complet, [A, B])).toBeCloseTo((3030.5 + 2980.5 + 1790) / 3, 6);
  });

  it('ignores the answers of a person no longer among the occupants', () => {
    expect(ressourcesMensuelles(reponses, [A])).toBeCloseTo((1800 + 1750) / 2, 6);
  });
});

describe('what counts as an entered month', () => {
  it('is null when nothing was entered', () => {
    expect(totauxMensuels({}, [A])).toEqual([]);
    expect(ressourcesMensuelles({}, [A])).toBeNull();
  });

  it('counts a month typed as 0 (no resources that month)', () => {
    expect(ressourcesMensuelles({ [cleRessource(A, 1, 'salaire')]: v('0'), [cleRessource(A, 2, 'salaire')]: v('1 200') }, [A])).toBe(600);
  });

  it('leaves out an implausible amount until the officer confirms it', () => {
    const reponses = { [cleRessource(A, 1, 'salaire')]: v('1 500'), [cleRessource(A, 2, 'salaire')]: v('150 000') };
    expect(ressourcesMensuelles(reponses, [A])).toBe(1500);
    expect(ressourcesMensuelles({ ...reponses, [cleRessource(A, 2, 'salaire')]: { valeur: '150 000', confirme: true } }, [A])).toBe(
      (1500 + 150_000) / 2,
    );
  });

  it('skips text and negative amounts instead of counting them', () => {
    const reponses = {
      [cleRessource(A, 1, 'salaire')]: v('abc'),
      [cleRessource(A, 2, 'salaire')]: v('-300'),
      [cleRessource(A, 3, 'salaire')]: v('1 000'),
    };
    expect(totauxMensuels(reponses, [A])).toEqual([{ rang: 3, total: 1000, exceptionnel: 0 }]);
    expect(ressourcesMensuelles(reponses, [A])).toBe(1000);
  });

  it('a month with only exceptional income counts with 0 € of regular resources', () => {
    const reponses = { [cleRessource(A, 1, 'exceptionnel')]: v('300'), [cleRessource(A, 2, 'salaire')]: v('1 000') };
    expect(ressourcesMensuelles(reponses, [A])).toBe(500);
  });
});

describe('libelleMois: the calendar months before the interview', () => {
  it('names the three months before the interview month', () => {
    expect([1, 2, 3].map((r) => libelleMois('2026-03-10', r as 1 | 2 | 3))).toEqual(['février 2026', 'janvier 2026', 'décembre 2025']);
  });

  it('handles a month end: 31 May → April, March, February', () => {
    expect(libelleMois('2026-05-31', 1)).toBe('avril 2026');
    expect(libelleMois('2026-05-31', 3)).toBe('février 2026');
  });
});
