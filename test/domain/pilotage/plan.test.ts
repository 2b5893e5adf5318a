import { describe, expect, it } from 'vitest';
import {
  donneesPilotage,
  filtresPilotageSchema,
  planContreRealise,
  planRelogementSchema,
  realiseContrePrevu,
  reviserPlan,
  revisionEnVigueur,
  tableauPlan,
  trimestreDe,
} from '../../../src/domain/index.ts';
import {
  ID_OPERATION_A,
  ID_OPERATION_B,
  ID_RESIDENCE_OLIVIERS,
  ID_RESIDENCE_PEUPLIERS,
  ORGANISATION_A,
  TERRITOIRE,
} from '../../fixtures/pilotage.ts';

// The relocation plan of an operation (charte §6.6, §1.3): forecast by year, résidence and type,
// revised each quarter, against the leases signed (test/fixtures/pilotage.ts: operation A's plan
// was made in November 2025 and revised on 10 February 2026).

const plan = ORGANISATION_A.plansRelogement[0]!;
const territoire = donneesPilotage(TERRITOIRE);

describe('the relocation plan against what was done', () => {
  it('counts the leases of the year by résidence left and type of the new dwelling, against the latest revision', () => {
    // 2026, Oliviers: households 2 and 6 into T2 (offers 2 and 6), 1 and 4 into T3 (offers 1 and 4),
    // 5 into a T5 (not planned); Peupliers: household 3 into a T4, none into a T3.
    const lignes = planContreRealise(plan, territoire, 2026);
    expect(lignes.map((l) => [l.typologie, l.prevus, l.realises, l.ecart])).toEqual([
      ['T2', 3, 2, -1],
      ['T3', 1, 2, 1],
      ['T4', 2, 1, -1],
      ['T3', 2, 0, -2],
    ]);
    // 2025: household 7 (Peupliers) signed for a T3 on 20 December 2025.
    expect(planContreRealise(plan, territoire, 2025).map((l) => l.realises)).toEqual([1]);
    const noms = new Map([
      [ID_RESIDENCE_OLIVIERS, 'Oliviers'],
      [ID_RESIDENCE_PEUPLIERS, 'Peupliers'],
    ]);
    expect(tableauPlan(lignes, noms).lignes[0]).toEqual(['Oliviers', 'T2', 3, 2, -1]);
  });

  it('compares, quarter by quarter, the leases since January with the forecast in force at the end of the quarter', () => {
    const f = filtresPilotageSchema.parse({ periode: { debut: '2025-10-01', fin: '2026-06-30' } });
    // T4 2025: the November plan foresees 1 relocation in 2025 (Peupliers T3); household 7 signed on 20 December.
    // T1 2026: the February revision foresees 3 + 1 + 2 + 2 = 8 in 2026 (the November plan said 7);
    // households 1 to 6 signed, household 4 on 31 March, the quarter's last day.
    // T2 2026: no revision since February, no lease since March.
    expect(realiseContrePrevu(territoire, f)?.lignes).toEqual([
      ['T4 2025', 1, 1],
      ['T1 2026', 8, 6],
      ['T2 2026', 8, 6],
    ]);
    // Operation B has no plan: nothing to compare, no chart.
    expect(realiseContrePrevu(territoire, { ...f, operationId: ID_OPERATION_B })).toBeNull();
    // The Peupliers only: 3 then 2 T4 and 2 T3 foreseen in 2026, household 3's lease in February.
    expect(realiseContrePrevu(territoire, { ...f, residenceId: ID_RESIDENCE_PEUPLIERS })?.lignes).toEqual([
      ['T4 2025', 1, 1],
      ['T1 2026', 4, 1],
      ['T2 2026', 4, 1],
    ]);
  });

  it('keeps each quarter’s revision: a change in a new quarter opens it, a change in the same quarter replaces it', () => {
    expect(trimestreDe('2026-03-31')).toBe('2026-T1');
    expect(trimestreDe('2026-04-01')).toBe('2026-T2');
    const ligne = { annee: 2026, residenceId: ID_RESIDENCE_OLIVIERS, typologie: 'T2' as const, prevus: 5 };
    const revise = reviserPlan(plan, ID_OPERATION_A, '2026-05-12', [ligne]);
    expect(Object.keys(revise.revisions).sort()).toEqual(['2025-T4', '2026-T1', '2026-T2']);
    expect(revisionEnVigueur(revise, '2026-03-31')).toEqual(plan.revisions['2026-T1']);
    expect(revisionEnVigueur(revise, '2026-06-30')).toEqual({ misAJourLe: '2026-05-12', lignes: [ligne] });
    expect(revisionEnVigueur(revise, '2025-09-30')).toBeNull();
    const encore = reviserPlan(revise, ID_OPERATION_A, '2026-06-02', []);
    expect(encore.revisions['2026-T2']).toEqual({ misAJourLe: '2026-06-02', lignes: [] });
    expect(encore.revisions['2026-T1']).toEqual(plan.revisions['2026-T1']);
    // A new plan takes the operation's id: two encadrants starting it offline write the same record.
    expect(reviserPlan(undefined, ID_OPERATION_B, '2026-05-12', []).id).toBe(ID_OPERATION_B);
  });

  it('refuses a negative forecast, in French', () => {
    const r = planRelogementSchema.safeParse({
      ...plan,
      revisions: {
        '2026-T1': { misAJourLe: '2026-02-10', lignes: [{ annee: 2026, residenceId: ID_RESIDENCE_OLIVIERS, typologie: 'T2', prevus: -2 }] },
      },
    });
    expect(r.error?.issues[0]?.message).toBe('Le nombre de relogements prévus ne peut pas être négatif.');
  });
});
