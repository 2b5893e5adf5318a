import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateIso, parseNombreFr, verifierDate, verifierNombre } from '../../../src/domain/index.ts';

describe('parseNombreFr: numbers typed the French way', () => {
  it.each([
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56', 1234.56],
    ['1234.5', 1234.5],
    [' 412,30 ', 412.3],
    ['0', 0],
    ['-15', -15],
  ])('reads %j as %d', (texte, attendu) => {
    expect(parseNombreFr(texte)).toBe(attendu);
  });

  it.each(['', ' ', 'abc', '12 €', '1,2,3', '1.234,56', '12a', ',5', '5,', '1e3', '--2'])('refuses %j', (texte) => {
    expect(parseNombreFr(texte)).toBeNull();
  });

  it('reads back any amount written with French formatting', () => {
    const fr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (centimes) => {
        expect(parseNombreFr(fr.format(centimes / 100))).toBeCloseTo(centimes / 100, 2);
      }),
    );
  });
});

describe('verifierNombre: bounds of a number field', () => {
  const loyer = { min: 0, max: 5000, unite: '€' };

  it('accepts an ordinary rent', () => {
    expect(verifierNombre('412,30', loyer)).toEqual({ ok: true });
    expect(verifierNombre('0', loyer)).toEqual({ ok: true });
    expect(verifierNombre('5 000', loyer)).toEqual({ ok: true });
  });

  it('explains text typed in a number field, with a French example', () => {
    expect(verifierNombre('abc', loyer)).toEqual({ ok: false, message: 'Saisissez un nombre, par exemple 1 234,56.' });
    expect(verifierNombre('abc', { min: 0, entier: true })).toEqual({ ok: false, message: 'Saisissez un nombre entier, par exemple 3.' });
  });

  it('refuses a negative amount', () => {
    expect(verifierNombre('-12', loyer)).toEqual({ ok: false, message: 'La valeur ne peut pas être négative.' });
    expect(verifierNombre('-12', {})).toEqual({ ok: false, message: 'La valeur ne peut pas être négative.' });
  });

  it('accepts a negative value where the bounds allow it (the basement floor)', () => {
    expect(verifierNombre('-1', { min: -1, max: 60, entier: true })).toEqual({ ok: true });
    expect(verifierNombre('-2', { min: -1, max: 60, entier: true })).toEqual({ ok: false, message: 'La valeur doit être au moins -1.' });
  });

  it('flags an absurd amount as improbable, with the ceiling in French format', () => {
    const verdict = verifierNombre('50 000', loyer);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/^Valeur improbable : vérifiez la saisie \(au plus 5\s000 €\)\.$/);
  });

  it('states the minimum with its unit', () => {
    expect(verifierNombre('3', { min: 5, max: 400, unite: 'm²' })).toEqual({ ok: false, message: 'La valeur doit être au moins 5 m².' });
  });

  it('refuses a decimal where a whole number is expected', () => {
    expect(verifierNombre('2,5', { min: 0, entier: true })).toEqual({ ok: false, message: 'Saisissez un nombre entier, sans virgule.' });
  });
});

describe('verifierDate and parseDateIso: dates that exist', () => {
  it('refuses 31 February and 29 February of a common year', () => {
    expect(parseDateIso('2026-02-31')).toBeNull();
    expect(parseDateIso('2025-02-29')).toBeNull();
    expect(parseDateIso('2024-02-29')).toBe('2024-02-29');
    expect(verifierDate('2026-02-31')).toEqual({ ok: false, message: 'Date invalide : choisissez un jour qui existe (JJ/MM/AAAA).' });
  });

  it('refuses what is not a date', () => {
    expect(verifierDate('15/03/2026').ok).toBe(false);
    expect(verifierDate('2026-13-01').ok).toBe(false);
    expect(verifierDate('').ok).toBe(false);
  });

  it('refuses a future birth date with the given message, and accepts today', () => {
    const bornes = { pasApres: '2026-03-15', messageApres: 'La date de naissance ne peut pas être dans le futur.' };
    expect(verifierDate('2026-03-16', bornes)).toEqual({ ok: false, message: 'La date de naissance ne peut pas être dans le futur.' });
    expect(verifierDate('2026-03-15', bornes)).toEqual({ ok: true });
    expect(verifierDate('2027-01-01', { pasApres: '2026-03-15' })).toEqual({
      ok: false,
      message: 'La date ne peut pas être dans le futur.',
    });
  });

  it('refuses a date before the lower bound', () => {
    expect(verifierDate('1899-12-31', { pasAvant: '1900-01-01' })).toEqual({ ok: false, message: 'La date est trop ancienne.' });
  });
});
