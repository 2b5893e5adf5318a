import { describe, expect, it } from 'vitest';
import { donneesPilotage, faitDeProposition, faitPropositionSchema, propositionSchema } from '../../../src/domain/index.ts';
import { ORGANISATION_A, TERRITOIRE, idMenage } from '../../fixtures/pilotage.ts';

// What a proposal contributes to the steering figures (test/fixtures/pilotage.ts, first quarter
// 2026): its facts, derived once, hold every figure's answer for it.

const fait = (n: number) => {
  const p = ORGANISATION_A.propositions.find((x) => x.id.endsWith(String(n).padStart(12, '0')));
  if (!p) throw new Error(`pas de proposition ${n}`);
  return faitDeProposition(p);
};

describe('the facts of a proposal (charte §5.3 and §7.1, AMP art. 12)', () => {
  it('keeps the lease and the simulation before and after the move (household 1: 400 → 350 € of reste à charge)', () => {
    expect(fait(1)).toEqual({
      id: expect.any(String),
      menageId: idMenage(1),
      offreId: expect.any(String),
      rang: 1,
      proposeeLe: '2025-12-10',
      bailSigneLe: '2026-01-15',
      retiree: false,
      refusPar: null,
      refusLe: null,
      comptee: true,
      temporaire: false,
      refusLegitime: false,
      racAvant: 400,
      racApres: 350,
      teAvant: 40,
      teApres: 35,
      ravAvant: 5,
      ravApres: 7,
    });
  });

  it('names who refused and when: the CALEOL (not among the proposals made) or the household (counted)', () => {
    expect(fait(13)).toMatchObject({ refusPar: 'caleol', refusLe: '2026-02-12', comptee: false, racAvant: null });
    expect(fait(14)).toMatchObject({ refusPar: 'menage', refusLe: '2026-03-05', comptee: true });
    expect(fait(17)).toMatchObject({ refusPar: null, comptee: true, bailSigneLe: null });
  });

  it('marks a withdrawn proposal, keeps a legitimate refusal apart, and gives none for a deleted one', () => {
    const base = ORGANISATION_A.propositions[0];
    if (!base) throw new Error('pas de proposition');
    expect(faitDeProposition(propositionSchema.parse({ ...base, retrait: { date: '2026-02-01', motif: 'Logement vendu' } }))).toMatchObject(
      {
        retiree: true,
        comptee: false,
        bailSigneLe: '2026-01-15',
      },
    );
    const refusee = ORGANISATION_A.propositions.find((p) => p.reponse?.decision === 'refus');
    if (!refusee) throw new Error('pas de refus');
    expect(
      faitDeProposition(
        propositionSchema.parse({ ...refusee, refusLegitime: { date: '2026-03-10', motif: 'Handicap non pris en compte' } }),
      ),
    ).toMatchObject({ refusLegitime: true, refusPar: 'menage' });
    expect(faitDeProposition({ ...base, supprime: true })).toBeNull();
  });

  it('parses back with its own schema, as the server and the tablet read it', () => {
    const faits = donneesPilotage(TERRITOIRE).propositions;
    expect(faits).toHaveLength(TERRITOIRE.propositions.length);
    for (const f of faits) expect(faitPropositionSchema.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
    expect(faitPropositionSchema.safeParse({ ...faits[0], proposeeLe: 'hier' }).success).toBe(false);
  });
});
