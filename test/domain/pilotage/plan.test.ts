import { describe, expect, it } from 'vitest';
import { planContreRealise, planRelogementSchema, tableauPlan } from '../../../src/domain/index.ts';
import { ID_OPERATION_A, ID_RESIDENCE_OLIVIERS, ID_RESIDENCE_PEUPLIERS, TERRITOIRE } from '../../fixtures/pilotage.ts';

// The relocation plan of an operation (charte §6.6, §1.3): forecast by year, résidence and type,
// against the leases signed (test/fixtures/pilotage.ts).

const plan = planRelogementSchema.parse({
  id: '0190a6e0-0000-7000-8009-000000000001',
  operationId: ID_OPERATION_A,
  misAJourLe: '2026-04-02',
  lignes: [
    { annee: 2026, residenceId: ID_RESIDENCE_OLIVIERS, typologie: 'T2', prevus: 3 },
    { annee: 2026, residenceId: ID_RESIDENCE_OLIVIERS, typologie: 'T3', prevus: 1 },
    { annee: 2026, residenceId: ID_RESIDENCE_PEUPLIERS, typologie: 'T4', prevus: 2 },
    { annee: 2025, residenceId: ID_RESIDENCE_PEUPLIERS, typologie: 'T3', prevus: 1 },
  ],
});

describe('the relocation plan against what was done', () => {
  it('counts the leases of the year by résidence left and type of the new dwelling', () => {
    // 2026, Oliviers: households 2 and 6 into T2 (offers 2 and 6), 1 and 4 into T3 (offers 1 and 4),
    // 5 into a T5 (not planned); Peupliers: household 3 into a T4.
    const lignes = planContreRealise(plan, TERRITOIRE, 2026);
    expect(lignes.map((l) => [l.typologie, l.prevus, l.realises, l.ecart])).toEqual([
      ['T2', 3, 2, -1],
      ['T3', 1, 2, 1],
      ['T4', 2, 1, -1],
    ]);
    // 2025: household 7 (Peupliers) signed for a T3 on 20 December 2025.
    expect(planContreRealise(plan, TERRITOIRE, 2025).map((l) => l.realises)).toEqual([1]);
    const noms = new Map([
      [ID_RESIDENCE_OLIVIERS, 'Oliviers'],
      [ID_RESIDENCE_PEUPLIERS, 'Peupliers'],
    ]);
    expect(tableauPlan(lignes, noms).lignes[0]).toEqual(['Oliviers', 'T2', 3, 2, -1]);
  });

  it('refuses a negative forecast, in French', () => {
    const r = planRelogementSchema.safeParse({
      ...plan,
      lignes: [{ annee: 2026, residenceId: ID_RESIDENCE_OLIVIERS, typologie: 'T2', prevus: -2 }],
    });
    expect(r.error?.issues[0]?.message).toBe('Le nombre de relogements prévus ne peut pas être négatif.');
  });
});
