import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NORME_INSEE,
  besoinInsee,
  etatOccupation,
  evaluerOccupation,
  preparerComposition,
  surfaceMinimaleCaf,
  type EtatOccupation,
  type Occupant,
} from '../../../src/domain/occupation/index.ts';

const date = '2026-01-15';
const ne = (age: number, mois = '06-01') => `${2025 - age}-${mois}`;
const titulaire: Occupant = { dateNaissance: '1985-03-02', sexe: 'F', lien: 'titulaire' };
const conjoint: Occupant = { dateNaissance: '1983-11-20', sexe: 'M', lien: 'conjoint' };
const enfant = (age: number, sexe: 'F' | 'M' | null): Occupant => ({ dateNaissance: ne(age), sexe, lien: 'enfant' });
const t = (pieces: number | null, surface: number | null = null) => ({ pieces, surface });

describe('the worked example of docs/domaine.md §10: a couple, a boy of 8 and a girl of 10 in a T3', () => {
  const famille = preparerComposition([titulaire, conjoint, enfant(8, 'M'), enfant(10, 'F')], date);

  it('is over-occupied by the charter: 3 rooms ≤ 4 persons − 1', () => {
    const r = evaluerOccupation('charte-MEL', famille, t(3));
    expect(r.etat).toBe('suroccupation');
    expect(r.detail).toBe(
      '3 pièces principales pour 4 personnes : suroccupation selon la charte (une pièce de moins que de personnes, ou davantage).',
    );
  });

  it('misses one room by INSEE: 1 living room + 1 couple + 2 children of different sexes over 7 = 4 rooms', () => {
    const r = evaluerOccupation('insee', famille, t(3));
    expect(r).toMatchObject({ etat: 'suroccupation', niveau: 'modéré' });
    expect(r.detail).toContain(
      'Besoin selon l’INSEE : 4 pièces (1 séjour, 1 pour le couple, 2 pour 2 enfants de moins de 19 ans) ; le logement en compte 3',
    );
    expect(r.detail).toContain('1 pièce manquante');
  });

  it('needs at least 34 m² by the CAF norm (16 m² + 2 × 9 m²)', () => {
    expect(surfaceMinimaleCaf(4)).toBe(34);
    expect(evaluerOccupation('caf-surface', famille, t(3, 33.9)).etat).toBe('suroccupation');
    expect(evaluerOccupation('caf-surface', famille, t(3, 34)).etat).toBe('adapte');
  });

  it('is not under-occupied by CCH L621-2, which knows no over-occupation', () => {
    expect(evaluerOccupation('cch-L621-2', famille, t(3)).etat).toBe('adapte');
  });
});

describe('charter rule (one room more or less than persons)', () => {
  it('flags a single person in a T2 as under-occupying, literal reading noted in docs/domaine.md §10', () => {
    expect(etatOccupation('charte-MEL', preparerComposition(1, date), t(2))).toBe('sous-occupation');
  });
  it('finds a couple in a T2 adapted', () => {
    expect(etatOccupation('charte-MEL', preparerComposition(2, date), t(2))).toBe('adapte');
  });
  it('cannot judge a dwelling whose rooms are unknown', () => {
    expect(evaluerOccupation('charte-MEL', preparerComposition(2, date), t(null, 50))).toEqual({
      etat: 'indetermine',
      detail: 'Nombre de pièces inconnu : la règle de la charte ne peut pas être appliquée.',
    });
  });
});

describe('CCH L621-2 (rooms ≥ persons + 2)', () => {
  it('flags a single person in a T3 and a couple in a T4, not a couple in a T3', () => {
    expect(etatOccupation('cch-L621-2', preparerComposition(1, date), t(3))).toBe('sous-occupation');
    expect(etatOccupation('cch-L621-2', preparerComposition(2, date), t(4))).toBe('sous-occupation');
    expect(etatOccupation('cch-L621-2', preparerComposition(2, date), t(3))).toBe('adapte');
  });
});

describe('CAF surface norm', () => {
  it('follows the Conseil d’État case: 5 persons need 43 m² (16 + 3 × 9)', () => {
    expect(surfaceMinimaleCaf(5)).toBe(43);
    expect(etatOccupation('caf-surface', preparerComposition(5, date), t(3, 42.5))).toBe('suroccupation');
  });
  it('asks 9 m² for one person and caps at 70 m² from 8 persons', () => {
    expect(surfaceMinimaleCaf(1)).toBe(9);
    expect(surfaceMinimaleCaf(8)).toBe(70);
    expect(surfaceMinimaleCaf(11)).toBe(70);
  });
  it('explains the verdict and cannot judge without a surface', () => {
    expect(evaluerOccupation('caf-surface', preparerComposition(5, date), t(3, 42.5)).detail).toBe(
      '42,5 m² pour 5 personnes : en dessous des 43 m² de la norme des aides au logement : suroccupation.',
    );
    expect(etatOccupation('caf-surface', preparerComposition(5, date), t(3, null))).toBe('indetermine');
  });
});

describe('INSEE room need', () => {
  it('puts two children under 7 together whatever their sex: couple + boy 3 + girl 5 = 3 rooms', () => {
    expect(besoinInsee([titulaire, conjoint, enfant(3, 'M'), enfant(5, 'F')], date).total).toBe(3);
  });
  it('puts two girls of 9 and 12 together: 3 rooms', () => {
    expect(besoinInsee([titulaire, conjoint, enfant(9, 'F'), enfant(12, 'F')], date).total).toBe(3);
  });
  it('pairs an odd older boy with a young brother: boy 12, boy 4, girl 9 → 2 children’s rooms, 4 in all', () => {
    expect(besoinInsee([titulaire, conjoint, enfant(12, 'M'), enfant(4, 'M'), enfant(9, 'F')], date)).toMatchObject({
      total: 4,
      enfants: 2,
    });
  });
  it('gives a lone parent a room of her own: parent + child = 3 rooms', () => {
    expect(besoinInsee([titulaire, enfant(10, 'M')], date).total).toBe(3);
  });
  it('gives every person aged 19 or more a room: couple + son of 20 + hosted cousin = 4 rooms', () => {
    const cousin: Occupant = { dateNaissance: '1999-01-01', sexe: null, lien: 'heberge' };
    expect(besoinInsee([titulaire, conjoint, enfant(20, 'M'), cousin], date)).toMatchObject({ total: 4, adultes: 2 });
  });
  it('cannot pair older children whose sex is unknown', () => {
    expect(besoinInsee([titulaire, enfant(9, null), enfant(11, null)], date).enfants).toBe(2);
  });
});

describe('INSEE levels and surface corrections', () => {
  const seul = preparerComposition([titulaire], date);
  it('grades under-occupation of a single person: T3 modéré, T4 prononcé, T5 très accentué', () => {
    expect(evaluerOccupation('insee', seul, t(3, 60))).toMatchObject({ etat: 'sous-occupation', niveau: 'modéré' });
    expect(evaluerOccupation('insee', seul, t(4, 80))).toMatchObject({ etat: 'sous-occupation', niveau: 'prononcé' });
    expect(evaluerOccupation('insee', seul, t(5, 95))).toMatchObject({ etat: 'sous-occupation', niveau: 'très accentué' });
  });
  it('finds a studio over-occupied by rooms, unless it has more than 25 m² for one person', () => {
    expect(evaluerOccupation('insee', seul, t(1, 20))).toMatchObject({ etat: 'suroccupation', niveau: 'modéré' });
    const grand = evaluerOccupation('insee', seul, t(1, 26));
    expect(grand.etat).toBe('adapte');
    expect(grand.detail).toContain('de plus de 25 m² pour une personne seule');
  });
  it('finds a dwelling with enough rooms but under 18 m² per person over-occupied: 4 persons, T3, 60 m²', () => {
    const famille = preparerComposition([titulaire, conjoint, enfant(3, 'M'), enfant(5, 'F')], date);
    const r = evaluerOccupation('insee', famille, t(3, 60));
    expect(r).toMatchObject({ etat: 'suroccupation', niveau: 'modéré' });
    expect(r.detail).toContain('moins de 18 m² par personne (15 m²)');
    expect(etatOccupation('insee', famille, t(3, 72))).toBe('adapte');
  });
  it('counts a kitchen over 12 m² as a room', () => {
    const famille = preparerComposition([titulaire, conjoint, enfant(8, 'M'), enfant(10, 'F')], date);
    expect(etatOccupation('insee', famille, { pieces: 3, surface: 80, surfaceCuisine: 13 })).toBe('adapte');
    expect(etatOccupation('insee', famille, { pieces: 3, surface: 80, surfaceCuisine: 12 })).toBe('suroccupation');
  });
  it('grades two or more missing rooms as accentué: couple + girl 10 + boy 12 + boy 15 + girl 8 in a T2', () => {
    const c = preparerComposition([titulaire, conjoint, enfant(10, 'F'), enfant(12, 'M'), enfant(15, 'M'), enfant(8, 'F')], date);
    expect(evaluerOccupation('insee', c, t(2, 55))).toMatchObject({ etat: 'suroccupation', niveau: 'accentué' });
  });
  it('falls back to the charter rule, and says so, when only a head count is known', () => {
    const r = evaluerOccupation('insee', preparerComposition(4, date), t(3));
    expect(r.etat).toBe('suroccupation');
    expect(r.detail).toMatch(/^Âges et liens des occupants inconnus, norme de la charte appliquée/);
  });
});

describe('properties', () => {
  const rang: Record<EtatOccupation, number> = { suroccupation: 0, adapte: 1, 'sous-occupation': 2, indetermine: -1 };
  const occupant = fc.record({
    dateNaissance: fc
      .date({ min: new Date('1930-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    sexe: fc.constantFrom('F' as const, 'M' as const, null),
    lien: fc.constantFrom('conjoint' as const, 'enfant' as const, 'parent' as const, 'heberge' as const),
  });
  const menage = fc.array(occupant, { maxLength: 9 }).map((autres) => [titulaire, ...autres]);

  it('more rooms never turn a verdict towards over-occupation, under every room norm', () => {
    fc.assert(
      fc.property(
        menage,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 10, max: 200 }),
        (occupants, pieces, plus, surface) => {
          const c = preparerComposition(occupants, date);
          for (const norme of ['charte-MEL', 'cch-L621-2', 'insee'] as const) {
            expect(rang[etatOccupation(norme, c, t(pieces + plus, surface))]).toBeGreaterThanOrEqual(
              rang[etatOccupation(norme, c, t(pieces, surface))],
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one more occupant never lowers the INSEE need', () => {
    fc.assert(
      fc.property(menage, occupant, (occupants, nouveau) => {
        expect(besoinInsee([...occupants, nouveau], date).total).toBeGreaterThanOrEqual(besoinInsee(occupants, date).total);
      }),
      { numRuns: 300 },
    );
  });

  it('the INSEE need lies between 2 rooms and one per person plus the living room', () => {
    fc.assert(
      fc.property(menage, (occupants) => {
        const { total } = besoinInsee(occupants, date, NORME_INSEE);
        expect(total).toBeGreaterThanOrEqual(2);
        expect(total).toBeLessThanOrEqual(occupants.length + 1);
      }),
      { numRuns: 300 },
    );
  });
});
