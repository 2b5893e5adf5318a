import { describe, expect, it } from 'vitest';
import {
  REGLAGES_DOSSIER_PAR_DEFAUT,
  finValidite,
  pieceDossierSchema,
  reglagesDossierSchema,
  statutPiece,
} from '../../../src/domain/index.ts';
import type { PieceDossier } from '../../../src/domain/index.ts';

// Charte §4 step 4: every piece refreshed at least every 6 months; a tax notice holds until the
// next one is due; the demand one year. A piece is still valid on its last day.
const r = REGLAGES_DOSSIER_PAR_DEFAUT;
const piece = (modif: Partial<PieceDossier>): PieceDossier =>
  pieceDossierSchema.parse({
    id: '0190a000-0000-7000-8000-000000000001',
    menageId: '0190a000-0000-7000-8000-000000000002',
    statut: 'fournie',
    ...modif,
  });

describe('end of validity', () => {
  it('is 6 months after the piece was provided, month ends clamped', () => {
    expect(finValidite(piece({ kind: 'identite', dateFournie: '2026-01-10' }), r)).toBe('2026-07-10');
    expect(finValidite(piece({ kind: 'identite', dateFournie: '2025-08-31' }), r)).toBe('2026-02-28');
    expect(finValidite(piece({ kind: 'identite', dateFournie: '2023-08-31' }), r)).toBe('2024-02-29');
    expect(finValidite(piece({ kind: 'quittances', dateFournie: '2026-03-31' }), r)).toBe('2026-09-30');
  });

  it('crosses the year', () => {
    expect(finValidite(piece({ kind: 'bail', dateFournie: '2025-12-15' }), r)).toBe('2026-06-15');
    expect(finValidite(piece({ kind: 'bail', dateFournie: '2025-07-31' }), r)).toBe('2026-01-31');
  });

  it('is null while the piece has not been provided, or its date is not a real day', () => {
    expect(finValidite(piece({ kind: 'identite' }), r)).toBeNull();
    expect(finValidite(piece({ kind: 'identite', dateFournie: '2026-02-30' }), r)).toBeNull();
  });

  it('never passes the document’s own expiry', () => {
    expect(finValidite(piece({ kind: 'titre_sejour', dateFournie: '2026-01-10', expireLe: '2026-04-30' }), r)).toBe('2026-04-30');
    expect(finValidite(piece({ kind: 'titre_sejour', dateFournie: '2026-01-10', expireLe: '2030-01-01' }), r)).toBe('2026-07-10');
  });

  it('holds a tax notice until the next one is due (end of September), the one before it a year more', () => {
    expect(finValidite(piece({ kind: 'avis_imposition_dernier', dateDocument: '2025-08-20', dateFournie: '2026-03-01' }), r)).toBe(
      '2026-09-30',
    );
    expect(finValidite(piece({ kind: 'avis_imposition_precedent', dateDocument: '2024-08-20', dateFournie: '2026-03-01' }), r)).toBe(
      '2026-09-30',
    );
    // Without the printed date: handed over in March 2026, it is the notice issued in 2025.
    expect(finValidite(piece({ kind: 'avis_imposition_dernier', dateFournie: '2026-03-01' }), r)).toBe('2026-09-30');
    expect(finValidite(piece({ kind: 'avis_imposition_dernier', dateFournie: '2026-10-01' }), r)).toBe('2027-09-30');
    const juillet = reglagesDossierSchema.parse({ moisAvisImposition: 2 });
    expect(finValidite(piece({ kind: 'avis_imposition_dernier', dateDocument: '2023-08-20' }), juillet)).toBe('2024-02-29');
  });

  it('holds the demand one year after its registration or renewal', () => {
    expect(finValidite(piece({ kind: 'numero_unique', dateDocument: '2025-02-28', dateFournie: '2025-06-01' }), r)).toBe('2026-02-28');
    expect(finValidite(piece({ kind: 'numero_unique', dateDocument: '2024-02-29' }), r)).toBe('2025-02-28');
  });
});

describe('status of a piece today', () => {
  const fournie = piece({ kind: 'identite', dateFournie: '2025-07-31' }); // valid to 2026-01-31

  it('is provided, then to renew within 30 days, still valid on its last day, expired the day after', () => {
    expect(statutPiece(fournie, r, '2025-12-31')).toBe('fournie');
    expect(statutPiece(fournie, r, '2026-01-01')).toBe('a_renouveler');
    expect(statutPiece(fournie, r, '2026-01-31')).toBe('a_renouveler');
    expect(statutPiece(fournie, r, '2026-02-01')).toBe('expiree');
  });

  it('keeps what the officer said: missing, not applicable, to renew after a change of situation', () => {
    expect(statutPiece(piece({ statut: 'manquante' }), r, '2026-01-01')).toBe('manquante');
    expect(statutPiece(piece({ statut: 'non_applicable', dateFournie: '2020-01-01' }), r, '2026-01-01')).toBe('non_applicable');
    expect(statutPiece({ ...fournie, statut: 'a_renouveler' }, r, '2025-09-01')).toBe('a_renouveler');
  });

  it('follows the settings’ notice period', () => {
    const court = reglagesDossierSchema.parse({ alerteJours: 7 });
    expect(statutPiece(fournie, court, '2026-01-20')).toBe('fournie');
    expect(statutPiece(fournie, court, '2026-01-24')).toBe('a_renouveler');
  });

  it('refuses absurd settings in French', () => {
    const res = reglagesDossierSchema.safeParse({ validiteMois: 0 });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toMatch(/au moins 1/);
  });
});
