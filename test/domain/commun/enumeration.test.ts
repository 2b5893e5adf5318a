import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumeration } from '../../../src/domain/commun/index.ts';
import { ISSUES, LIBELLES_ISSUE, STATUTS_MENAGE } from '../../../src/domain/index.ts';

describe('enumeration: values, type and labels from one declaration', () => {
  it('keeps the values in the order the labels are written, each with its label', () => {
    const e = enumeration({ a_faire: 'À faire', fait: 'Fait' });
    expect(e.valeurs).toEqual(['a_faire', 'fait']);
    expect(e.libelles.fait).toBe('Fait');
    expect(z.enum(e.valeurs).safeParse('autre').success).toBe(false);
  });

  it('gives the relocation steps in the charter order (charte §4)', () => {
    expect(STATUTS_MENAGE).toEqual(['a_rencontrer', 'entretien', 'dossier', 'oriente', 'proposition', 'reloge', 'suivi', 'clos']);
    expect(ISSUES.map((i) => LIBELLES_ISSUE[i])).toEqual(['À faire', 'Réalisée', 'Ménage injoignable', 'Annulée']);
  });

  it('refuses an empty list', () => {
    expect(() => enumeration({})).toThrow();
  });
});
