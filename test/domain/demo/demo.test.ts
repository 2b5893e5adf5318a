import { describe, expect, it } from 'vitest';
import {
  entretienSchema,
  genererDemo,
  menageSchema,
  operationSchema,
  personneSchema,
  residenceSchema,
  verifierEntretien,
  verifierOccupants,
  verifierPersonne,
} from '../../../src/domain/index.ts';
import type { Demo } from '../../../src/domain/index.ts';

const AUJOURDHUI = '2026-03-15';

function generer(graine: number): Demo {
  let n = 0;
  const nouvelId = () => `0190a000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
  return genererDemo({ nombre: 40, graine, aujourdhui: AUJOURDHUI, nouvelId });
}

describe('genererDemo: a clearly fictitious résidence', () => {
  const demo = generer(42);

  it('has 40 households, all in the one résidence, named as fictitious', () => {
    expect(demo.menages).toHaveLength(40);
    expect(demo.menages.every((m) => m.residenceId === demo.residence.id)).toBe(true);
    expect(demo.residence.operationId).toBe(demo.operation.id);
    expect(demo.menages.every((m) => m.nom.includes('(fictive)'))).toBe(true);
    expect(demo.residence.nom).toContain('fictive');
    expect(new Set(demo.menages.map((m) => m.reference)).size).toBe(40);
  });

  it('has its households followed by the team it is given, by id, with their names', () => {
    const equipe = [
      { id: '0190a000-0000-7000-8000-0000000000c1', nom: 'Claire Exemple' },
      { id: '0190a000-0000-7000-8000-0000000000c2', nom: 'Samir Exemple' },
    ];
    const suivis = genererDemo({ nombre: 20, graine: 5, aujourdhui: AUJOURDHUI, nouvelId: () => crypto.randomUUID(), equipe }).menages;
    const nomDe = new Map(equipe.map((m) => [m.id, m.nom]));
    expect(new Set(suivis.map((m) => m.referentId))).toEqual(new Set(equipe.map((m) => m.id)));
    for (const m of suivis) {
      expect(m.referent).toBe(nomDe.get(m.referentId ?? ''));
      expect(m.binomeId).not.toBe(m.referentId);
      expect(m.binome).toBe(nomDe.get(m.binomeId ?? ''));
    }
    // Without a team (before the first sync), nobody: no name without its account.
    expect(demo.menages.every((m) => m.referentId === null && m.binomeId === null && m.referent === '' && m.binome === '')).toBe(true);
  });

  it('is reproducible: the same seed gives the same data, another seed other data', () => {
    expect(generer(42)).toEqual(demo);
    expect(generer(43).menages.map((m) => m.nom)).not.toEqual(demo.menages.map((m) => m.nom));
  });

  it.each([1, 42, 777, 99_999])('every record is valid against its schema (seed %i)', (graine) => {
    const d = generer(graine);
    expect(operationSchema.parse(d.operation)).toEqual(d.operation);
    expect(residenceSchema.parse(d.residence)).toEqual(d.residence);
    for (const m of d.menages) expect(menageSchema.parse(m)).toEqual(m);
    for (const p of d.personnes) expect(personneSchema.parse(p)).toEqual(p);
    for (const e of d.entretiens) expect(entretienSchema.parse(e)).toEqual(e);
  });

  it.each([1, 42, 777, 99_999])(
    'the households pass the occupants checks, and completed interviews have nothing to fix (seed %i)',
    (graine) => {
      const d = generer(graine);
      for (const m of d.menages) {
        const personnes = d.personnes.filter((p) => p.menageId === m.id);
        expect(verifierOccupants(personnes)).toEqual([]);
        for (const p of personnes) expect(verifierPersonne(p, AUJOURDHUI)).toEqual([]);
      }
      for (const e of d.entretiens.filter((x) => x.statut === 'termine')) {
        const menage = d.menages.find((m) => m.id === e.menageId)!;
        expect(
          verifierEntretien(e, { menage, personnes: d.personnes.filter((p) => p.menageId === menage.id), aujourdhui: AUJOURDHUI }),
        ).toEqual([]);
      }
    },
  );

  it('has varied compositions, statuses and consents', () => {
    const tailles = new Set(demo.menages.map((m) => demo.personnes.filter((p) => p.menageId === m.id).length));
    expect(tailles.size).toBeGreaterThanOrEqual(4);
    expect(Math.min(...tailles)).toBe(1);
    expect(Math.max(...tailles)).toBeGreaterThanOrEqual(5);
    expect([...new Set(demo.personnes.map((p) => p.lien))]).toEqual(expect.arrayContaining(['titulaire', 'conjoint', 'enfant']));
    expect(new Set(demo.menages.map((m) => m.statut)).size).toBeGreaterThanOrEqual(5);
    expect(demo.entretiens.some((e) => e.statut === 'termine')).toBe(true);
    expect(demo.entretiens.some((e) => e.statut === 'brouillon')).toBe(true);
  });

  it('households still to meet have no interview; the others have one before today', () => {
    for (const m of demo.menages) {
      const entretiens = demo.entretiens.filter((e) => e.menageId === m.id);
      expect(entretiens).toHaveLength(m.statut === 'a_rencontrer' ? 0 : 1);
      for (const e of entretiens) {
        expect(e.date <= AUJOURDHUI).toBe(true);
        expect(e.date >= demo.residence.dateOuverture).toBe(true);
      }
    }
  });
});
