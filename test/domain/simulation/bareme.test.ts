import { describe, expect, it } from 'vitest';
import {
  BAREME_EXEMPLE,
  POSTES_FSL,
  baremeFslSchema,
  choisirBareme,
  forfait,
  type BaremeFsl,
} from '../../../src/domain/simulation/index.ts';
import { postesTest } from './donnees.ts';

const saisi = (modif: Partial<BaremeFsl> = {}): BaremeFsl => ({
  id: '0190a5c0-0000-7000-8000-0000000000aa',
  territoire: 'Métropole Européenne de Lille',
  debut: '2026-01-01',
  fin: '2026-12-31',
  source: 'Règlement intérieur du FSL, annexe 3',
  exemple: false,
  postes: postesTest,
  ...modif,
});

const messages = (brut: unknown) => {
  const r = baremeFslSchema.safeParse(brut);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
};

describe('forfait by household size', () => {
  it('reads the table, index 0 being one person', () => {
    expect(forfait(postesTest, 'chauffage', 1)).toBe(40);
    expect(forfait(postesTest, 'chauffage', 4)).toBe(70);
  });
  it('adds the amount per extra person beyond the table: 6 persons = 70 + 2 × 10', () => {
    expect(forfait(postesTest, 'chauffage', 6)).toBe(90);
  });
});

describe('the barème an administrator edits', () => {
  it('accepts a complete barème and the shipped example', () => {
    expect(messages(saisi())).toEqual([]);
    expect(messages(BAREME_EXEMPLE)).toEqual([]);
    expect(BAREME_EXEMPLE.exemple).toBe(true);
    expect(Object.keys(BAREME_EXEMPLE.postes)).toEqual([...POSTES_FSL]);
  });

  it('names a missing poste', () => {
    const { gaz: _gaz, ...incomplet } = postesTest;
    expect(messages(saisi({ postes: incomplet as BaremeFsl['postes'] }))).toEqual([
      'postes.gaz : Le barème n’a pas de forfaits pour le poste « gaz ».',
    ]);
  });

  it('names a missing size and a negative amount', () => {
    const postes = { ...postesTest, eau: { parTaille: [10, null, 20], parPersonneSupplementaire: -5 } };
    expect(messages(saisi({ postes: postes as unknown as BaremeFsl['postes'] }))).toEqual([
      'postes.eau.parTaille.1 : Indiquez le forfait du poste « eau froide » pour 2 personnes : un montant en euros.',
      'postes.eau.parPersonneSupplementaire : Le forfait du poste « eau froide » par personne supplémentaire ne peut pas être négatif.',
    ]);
  });

  it('refuses an empty table, and a period that ends before it starts', () => {
    const postes = { ...postesTest, telephone: { parTaille: [], parPersonneSupplementaire: 5 } };
    expect(messages(saisi({ postes, fin: '2025-12-31' }))).toEqual([
      'postes.telephone.parTaille : Le barème n’a aucun forfait du poste « téléphone » : indiquez au moins celui d’une personne.',
      'fin : La fin de validité du barème précède son début.',
    ]);
  });

  it('asks for the source, so every simulation can show it', () => {
    expect(messages(saisi({ source: '  ' }))).toEqual([
      'source : Indiquez la source du barème (délibération, règlement intérieur du FSL, adresse web…).',
    ]);
  });
});

describe('choosing the barème of a simulation', () => {
  const b2025 = saisi({ id: '0190a5c0-0000-7000-8000-000000000025', debut: '2025-01-01', fin: '2025-12-31' });
  const b2026 = saisi({ id: '0190a5c0-0000-7000-8000-000000000026', debut: '2026-01-01', fin: null });

  it('takes the territory’s barème in force on the date, whatever the accents and case', () => {
    expect(choisirBareme([b2025, b2026], 'metropole europeenne de lille', '2025-06-30')?.id).toBe(b2025.id);
    expect(choisirBareme([b2025, b2026], 'Métropole Européenne de Lille', '2027-02-01')?.id).toBe(b2026.id);
  });

  it('falls back to the shipped example, and ignores deleted or foreign barèmes', () => {
    expect(choisirBareme([{ ...b2026, supprime: true }], 'Métropole Européenne de Lille', '2026-06-01')).toBe(BAREME_EXEMPLE);
    expect(choisirBareme([b2026], 'Aix-Marseille-Provence', '2026-06-01')).toBe(BAREME_EXEMPLE);
  });

  it('finds none before the example starts', () => {
    expect(choisirBareme([], 'Métropole Européenne de Lille', '2020-01-01')).toBeNull();
  });
});
