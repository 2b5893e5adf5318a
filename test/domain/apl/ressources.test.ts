import { describe, expect, it } from 'vitest';
import {
  calibrerRessources,
  estimerAide,
  estimerAideApresRelogement,
  estimerRessources,
  expliquerEstimation,
} from '../../../src/domain/apl/index.ts';

const REFORME_2021 = 'openfisca-france tests/formulas/aides_logement_reforme_janvier_2021.yaml';

describe('resource base estimated from yearly taxable incomes', () => {
  it(`${REFORME_2021}, Cas 7: salaries of 8 955,96 € and 3 808,92 € give R = 11 500 €`, () => {
    const r = estimerRessources({ mois: '2021-01', personnes: [{ salairesEtChomage: 8_955.96 }, { salairesEtChomage: 3_808.92 }] });
    expect(r.ok && r.value.ressourcesAnnuelles).toBe(11_500);
  });

  it(`${REFORME_2021}, Cas 3: 3 months of salary and 9 of unemployment benefit give R = 9 600 €`, () => {
    const r = estimerRessources({ mois: '2021-01', personnes: [{ salairesEtChomage: 3 * 658.33 + 9 * 958.44 }] });
    expect(r.ok && r.value.ressourcesAnnuelles).toBe(9_600);
  });

  it('takes 10 % off pensions with their floor, counts other incomes whole, and explains itself', () => {
    const r = estimerRessources({ mois: '2025-10', personnes: [{ salairesEtChomage: 0, pensions: 3_000 }], autresRevenus: 250 });
    expect(r.ok && r.value).toMatchObject({ revenusNets: 3_000 - 454 + 250, ressourcesAnnuelles: 2_800 });
    expect(r.ok && r.value.note).toContain('au moins 454 €');
    expect(r.ok && r.value.note).toContain('M−13 à M−2');
  });

  it('caps the 10 % deduction on high salaries', () => {
    const r = estimerRessources({ mois: '2025-10', personnes: [{ salairesEtChomage: 200_000 }] });
    expect(r.ok && r.value.revenusNets).toBe(200_000 - 14_555);
  });

  it('names a bad income field', () => {
    expect(estimerRessources({ mois: '2025-10', personnes: [{ salairesEtChomage: -10 }] })).toEqual({
      ok: false,
      erreurs: [
        {
          champ: 'personnes.0.salairesEtChomage',
          message: 'Salaires et allocations chômage imposables : le montant ne peut pas être négatif.',
        },
      ],
    });
  });
});

const monoparent = {
  mois: '2024-01',
  dispositif: 'APL',
  zone: 3,
  couple: false,
  personnesACharge: 1,
  loyer: 400,
  bailleurSocial: true,
} as const;

describe('calibration on today’s aid', () => {
  it('finds again the base of the OpenFisca case from its amount, to the cent or in whole euros', () => {
    for (const aideActuelle of [211.18, 211]) {
      const r = calibrerRessources({ ...monoparent, aideActuelle });
      expect(r.ok && r.value).toMatchObject({ ressourcesAnnuelles: 12_600, min: 12_600, max: 12_600, ecart: 0 });
    }
  });

  it('gives the whole range of bases when the aid does not depend on them (R under R0)', () => {
    const r = calibrerRessources({ ...monoparent, bailleurSocial: false, aideActuelle: 380 });
    expect(r.ok && r.value).toMatchObject({ min: 0, max: 8_800, ressourcesAnnuelles: 4_400, ecart: 0 });
  });

  it('refuses a nil aid and an aid the dwelling cannot give', () => {
    expect(calibrerRessources({ ...monoparent, aideActuelle: 0 })).toMatchObject({ ok: false, erreurs: [{ champ: 'aideActuelle' }] });
    const r = calibrerRessources({ ...monoparent, aideActuelle: 500 });
    expect(r.ok ? '' : r.erreurs[0]?.message).toMatch(/dépasse l’aide maximale de ce logement pour ce ménage \(321,05 €/);
  });
});

describe('the aid after relocation, with its basis', () => {
  const nouveau = {
    mois: '2025-11',
    dispositif: 'APL',
    zone: 2,
    couple: false,
    personnesACharge: 1,
    loyer: 450,
    bailleurSocial: true,
  } as const;

  it('calibrated on today’s APL: the basis, barème month and range are said', () => {
    const r = estimerAideApresRelogement({
      logement: nouveau,
      ressources: { type: 'calibration', logementActuel: { ...monoparent, aideActuelle: 211 } },
    });
    const direct = estimerAide({ ...nouveau, ressourcesAnnuelles: 12_600 });
    expect(r.ok && r.value).toMatchObject({
      base: 'calibration',
      ressourcesRetenues: 12_600,
      aide: direct.ok ? direct.value.aide : NaN,
      explication: 'estimée : barème d’octobre 2025, ressources calibrées sur l’APL actuelle',
      noteRessources: null,
    });
    expect(r.ok && r.value.fourchette).toEqual({ min: 271, max: 271.24 });
  });

  it('from taxable incomes: a range over ± 10 % of the base and the note', () => {
    const r = estimerAideApresRelogement({
      logement: nouveau,
      ressources: { type: 'revenus', revenus: { mois: '2025-10', personnes: [{ salairesEtChomage: 15_000 }] } },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    expect(r.value.ressources).toEqual({ min: 12_200, max: 14_900 });
    expect(r.value.fourchette.min).toBeLessThan(r.value.aide);
    expect(r.value.fourchette.max).toBeGreaterThan(r.value.aide);
    expect(r.value.explication).toBe('estimée : barème d’octobre 2025, ressources estimées depuis les revenus imposables');
    expect(r.value.noteRessources).toContain('10 %');
  });

  it('typed: the range is only the two roundings', () => {
    const r = estimerAideApresRelogement({ logement: nouveau, ressources: { type: 'saisie', ressourcesAnnuelles: 12_600 } });
    expect(r.ok && r.value.fourchette).toEqual({ min: 271, max: 271.24 });
    expect(r.ok && r.value.explication).toBe('estimée : barème d’octobre 2025, ressources saisies (base retenue par la CAF)');
  });

  it('prefixes each bad field with the part it belongs to', () => {
    const r = estimerAideApresRelogement({
      logement: { ...nouveau, zone: 5 },
      ressources: { type: 'calibration', logementActuel: { ...monoparent, aideActuelle: -2 } },
    });
    expect(r.ok ? [] : r.erreurs.map((e) => e.champ)).toEqual(['logementActuel.aideActuelle']);
    const s = estimerAideApresRelogement({
      logement: { ...nouveau, zone: 5 },
      ressources: { type: 'saisie', ressourcesAnnuelles: 12_600 },
    });
    expect(s.ok ? [] : s.erreurs.map((e) => e.champ)).toEqual(['logement.zone']);
  });

  it('names the barème period by its first month', () => {
    expect(expliquerEstimation('saisie', '2026-02')).toBe('estimée : barème de janvier 2026, ressources saisies (base retenue par la CAF)');
  });
});
