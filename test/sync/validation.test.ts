import { describe, expect, it } from 'vitest';
import { checkChange, checkFieldValue, formatHlc } from '../../src/sync/index.ts';
import type { Change, CheckedValue } from '../../src/sync/index.ts';

const NOW = Date.parse('2025-06-01T10:00:00.000Z');
const change = (over: Partial<Change>): Change => ({
  changeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  table: 'menages',
  recordId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  field: 'nom',
  value: 'Famille Martin',
  hlc: formatHlc({ millis: NOW, counter: 0, node: '0123456789abcdef' }),
  baseSeq: null,
  ...over,
});

/** The French reason a value was refused, or null when it was accepted. */
const erreur = (r: CheckedValue) => (r.ok ? null : r.error);

describe('checkFieldValue', () => {
  it('accepts a value of the field’s schema and refuses others, in French', () => {
    expect(checkFieldValue('menages', 'statut', 'entretien')).toEqual({ ok: true, value: 'entretien' });
    expect(erreur(checkFieldValue('menages', 'statut', 'perdu'))).toMatch(/Valeur invalide pour « statut »/);
    expect(erreur(checkFieldValue('menages', 'inconnu', 1))).toMatch(/Champ « inconnu » inconnu/);
    expect(erreur(checkFieldValue('menages', 'id', 'x'))).toMatch(/inconnu/);
  });

  it('checks a map entry against the map’s key and value schemas, null removing it', () => {
    expect(checkFieldValue('menages', 'consentements.caf', { accorde: true, date: '2025-01-02' })).toEqual({
      ok: true,
      value: { accorde: true, date: '2025-01-02' },
    });
    expect(checkFieldValue('menages', 'consentements.caf', null)).toEqual({ ok: true, value: null });
    expect(erreur(checkFieldValue('menages', 'consentements.banque', { accorde: true, date: '2025-01-02' }))).toMatch(
      /Entrée « banque » inconnue/,
    );
    expect(erreur(checkFieldValue('entretiens', 'reponses.logement.loyer', { valeur: 12 }))).toMatch(/Valeur invalide/);
    expect(erreur(checkFieldValue('entretiens', 'reponses', {}))).toMatch(/entrée par entrée/);
    expect(erreur(checkFieldValue('menages', 'nom.x', 'a'))).toMatch(/n’a pas d’entrées/);
  });

  it('lets a field that may be absent travel as null', () => {
    expect(checkFieldValue('personnes', 'supprime', null)).toEqual({ ok: true, value: null });
    expect(erreur(checkFieldValue('personnes', 'prenom', null))).toMatch(/Valeur invalide/);
  });

  it('refuses a key unknown to the schema at any depth, and gives the parsed value to store', () => {
    const page = { blobHash: 'a'.repeat(64), mime: 'image/jpeg', size: 1000 };
    expect(checkFieldValue('pieces', 'pages', [page])).toEqual({ ok: true, value: [page] });
    expect(erreur(checkFieldValue('pieces', 'pages', [page, { ...page, x: 'y'.repeat(1_000_000) }]))).toMatch(/clé « \[1\]\.x » inconnue/);
    expect(erreur(checkFieldValue('menages', 'consentements.caf', { accorde: true, date: '2025-01-02', extra: 1 }))).toMatch(
      /clé « extra » inconnue/,
    );
    expect(erreur(checkFieldValue('menages', 'refusConsentement', { signeLe: '2025-01-02', signe: true }))).toMatch(
      /clé « signe » inconnue/,
    );
  });
});

describe('checkChange', () => {
  it('refuses an unknown table, a bad record id and a clock too far ahead', () => {
    expect(checkChange(change({}), NOW, 300_000)).toEqual({ ok: true, value: 'Famille Martin' });
    expect(erreur(checkChange(change({ table: 'inconnue' }), NOW, 300_000))).toMatch(/Table « inconnue » inconnue/);
    expect(erreur(checkChange(change({ recordId: 'pas-un-uuid' }), NOW, 300_000))).toMatch(/Identifiant/);
    expect(
      checkChange(change({ table: 'parametres', recordId: 'territoire', field: 'cadenceContactMois', value: 2 }), NOW, 300_000),
    ).toEqual({ ok: true, value: 2 });
    const ahead = formatHlc({ millis: NOW + 300_001, counter: 0, node: '0123456789abcdef' });
    expect(erreur(checkChange(change({ hlc: ahead }), NOW, 300_000))).toMatch(/en avance de plus de 5 minutes/);
  });

  it('refuses a well-formed clock that names no real instant', () => {
    expect(erreur(checkChange(change({ hlc: '9999-99-99T99:99:99.999Z-0000-0123456789abcdef' }), NOW, 300_000))).toMatch(
      /Horloge de la tablette impossible/,
    );
    expect(erreur(checkChange(change({ hlc: '2025-02-30T10:00:00.000Z-0000-0123456789abcdef' }), NOW, 300_000))).toMatch(
      /Horloge de la tablette impossible/,
    );
  });
});
