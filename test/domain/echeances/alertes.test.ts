import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PARAMETRES_PAR_DEFAUT,
  REGLAGES_TERRITOIRE_PAR_DEFAUT,
  alertesContact,
  echeanceContact as echeanceContactAvant,
  echeancePremierEntretien as echeancePremierAvant,
  parametresSchema,
  regleAlertes,
} from '../../../src/domain/index.ts';
import type { SituationContact } from '../../../src/domain/index.ts';

// Charte §4 step 2: all first interviews of a résidence within 3 months of its opening;
// "tout au long": a contact with every household at least every 2 to 3 months.
const p = PARAMETRES_PAR_DEFAUT;
// The caseload's summary already counts interviews among contacts: the deadlines of src/domain/echeances
// are read here from the last contact and the opening only.
const echeancePremierEntretien = (ouverture: string, r: { delaiPremiersEntretiensMois: number }) =>
  echeancePremierAvant({ dateOuvertureResidence: ouverture, premierEntretienLe: null, dernierContact: null }, r) ?? '';
const echeanceContact = (s: SituationContact, r: { cadenceContactMois: number }) =>
  echeanceContactAvant({ dateOuvertureResidence: s.dateOuvertureResidence, premierEntretienLe: null, dernierContact: s.dernierContact }, r);
const situation = (modif: Partial<SituationContact> = {}): SituationContact => ({
  dateOuvertureResidence: '2026-01-15',
  premierEntretienTermineLe: null,
  dernierContact: null,
  suiviActif: true,
  ...modif,
});

describe('default settings', () => {
  it('are the Lille charter’s: 3 months for the first interviews, a contact every 3 months', () => {
    expect(p).toMatchObject({ delaiPremiersEntretiensMois: 3, cadenceContactMois: 3 });
    expect(REGLAGES_TERRITOIRE_PAR_DEFAUT.simulation).toMatchObject({
      normeOccupation: 'charte-MEL',
      seuilTauxEffort: 30,
      seuilResteAVivre: 6.5,
    });
  });

  it('refuse an absurd delay with a French message', () => {
    const r = parametresSchema.safeParse({ id: 'territoire', cadenceContactMois: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Au moins 1 mois.');
  });
});

describe('echeancePremierEntretien: 3 months after the opening', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2025-11-30', '2026-02-28'],
    ['2023-11-30', '2024-02-29'],
    ['2025-08-31', '2025-11-30'],
    ['2025-12-31', '2026-03-31'],
  ])('opened %s → due %s', (ouverture, echeance) => {
    expect(echeancePremierEntretien(ouverture, p)).toBe(echeance);
  });

  it('follows the territory’s setting', () => {
    expect(echeancePremierEntretien('2025-11-30', { delaiPremiersEntretiensMois: 2 })).toBe('2026-01-30');
  });
});

describe('alertesContact: first interview', () => {
  it('is not late on the due day, late the day after', () => {
    const s = situation({ dernierContact: '2026-04-10' });
    expect(alertesContact(s, p, '2026-04-15')).toEqual([]);
    expect(alertesContact(s, p, '2026-04-16')).toEqual(['premier_entretien_en_retard']);
  });

  it('a résidence opened on 30 November is late from 1 March (28 February + 1 day)', () => {
    const s = situation({ dateOuvertureResidence: '2025-11-30', dernierContact: '2026-02-20' });
    expect(alertesContact(s, p, '2026-02-28')).toEqual([]);
    expect(alertesContact(s, p, '2026-03-01')).toEqual(['premier_entretien_en_retard']);
  });

  it('is cleared once the first interview is complete, even late', () => {
    expect(alertesContact(situation({ premierEntretienTermineLe: '2026-05-02', dernierContact: '2026-05-02' }), p, '2026-05-10')).toEqual(
      [],
    );
  });

  it('needs the résidence’s opening date', () => {
    expect(alertesContact(situation({ dateOuvertureResidence: null }), p, '2030-01-01')).toEqual([]);
  });
});

describe('echeanceContact and the contact cadence', () => {
  it('counts from the last contact', () => {
    expect(echeanceContact(situation({ dernierContact: '2026-02-28' }), p)).toBe('2026-05-28');
  });

  it('counts from the opening before any contact', () => {
    expect(echeanceContact(situation(), p)).toBe('2026-04-15');
    expect(echeanceContact(situation({ dateOuvertureResidence: null }), p)).toBeNull();
  });

  it('raises "contact en retard" after 3 months without contact', () => {
    const s = situation({ premierEntretienTermineLe: '2026-02-01', dernierContact: '2026-02-01' });
    expect(alertesContact(s, p, '2026-05-01')).toEqual([]);
    expect(alertesContact(s, p, '2026-05-02')).toEqual(['contact_en_retard']);
  });

  it('with the setting changed to 2 months, the same household is late a month earlier', () => {
    const s = situation({ premierEntretienTermineLe: '2026-02-01', dernierContact: '2026-02-01' });
    const deuxMois = { ...p, cadenceContactMois: 2 };
    expect(echeanceContact(s, deuxMois)).toBe('2026-04-01');
    expect(alertesContact(s, deuxMois, '2026-04-02')).toEqual(['contact_en_retard']);
    expect(alertesContact(s, p, '2026-04-02')).toEqual([]);
  });

  it('both alerts at once when nothing happened since the opening', () => {
    expect(alertesContact(situation(), p, '2026-06-01')).toEqual(['premier_entretien_en_retard', 'contact_en_retard']);
  });

  it('does not chase a relocated or closed household', () => {
    expect(alertesContact(situation({ suiviActif: false }), p, '2030-01-01')).toEqual([]);
  });
});

describe('regleAlertes: the caseload’s rule, limits computed once per search', () => {
  // Month ends are where adding and removing months disagree: draw them often.
  const jour = fc
    .tuple(
      fc.integer({ min: 2023, max: 2026 }),
      fc.integer({ min: 0, max: 11 }),
      fc.oneof(fc.integer({ min: 26, max: 31 }), fc.integer({ min: 1, max: 31 })),
    )
    .map(([a, m, j]) => new Date(Date.UTC(a, m, Math.min(j, new Date(Date.UTC(a, m + 1, 0)).getUTCDate()))).toISOString().slice(0, 10));

  it('a contact on 28 February with a 3-month cadence is late from 29 May, as its deadline says', () => {
    const s = situation({ premierEntretienTermineLe: '2026-02-28', dernierContact: '2026-02-28' });
    expect(echeanceContact(s, p)).toBe('2026-05-28');
    expect(regleAlertes(p, '2026-05-28')(s)).toEqual([]);
    expect(regleAlertes(p, '2026-05-29')(s)).toEqual(['contact_en_retard']);
    expect(regleAlertes(p, '2026-05-31')(s)).toEqual(['contact_en_retard']);
  });

  it('gives the same alerts as alertesContact for every date, month ends included', () => {
    fc.assert(
      fc.property(
        jour,
        jour,
        fc.option(jour, { nil: null }),
        fc.option(jour, { nil: null }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (aujourdhui, ouverture, contact, premier, cadence, delai) => {
          const reglages = { delaiPremiersEntretiensMois: delai, cadenceContactMois: cadence };
          const s = situation({ dateOuvertureResidence: ouverture, dernierContact: contact, premierEntretienTermineLe: premier });
          const attendu: string[] = [];
          if (!premier && echeancePremierEntretien(ouverture, reglages) < aujourdhui) attendu.push('premier_entretien_en_retard');
          if ((echeanceContact(s, reglages) ?? '9999') < aujourdhui) attendu.push('contact_en_retard');
          expect(regleAlertes(reglages, aujourdhui)(s)).toEqual(attendu);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
