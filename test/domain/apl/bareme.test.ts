import { describe, expect, it } from 'vitest';
import donnees from '../../../src/domain/apl/bareme.json';
import { BAREME_APL, chargerBaremeApl, estimerAide, libelleCouverture } from '../../../src/domain/apl/index.ts';

const entree = { dispositif: 'ALS', zone: 2, couple: false, personnesACharge: 0, loyer: 500, ressourcesAnnuelles: 0 } as const;

/** The data file with the October 2026 values a maintainer would add (hypothetical figures). */
function avecOctobre2026() {
  const copie = structuredClone(donnees);
  copie.meta.valideJusquAu = '2027-09-30';
  copie.loyersPlafonds.zone2.isole.valeurs.push({ depuis: '2026-10-01', valeur: 300 });
  copie.forfaitCharges.casGeneral.base.valeurs.push({ depuis: '2026-10-01', valeur: 62 });
  return copie;
}

describe('the barème as dated data', () => {
  it('knows the months from October 2020 to September 2026, split where any value changes', () => {
    expect(BAREME_APL.periodes[0]).toEqual({ debut: '2020-10', fin: '2020-12' });
    expect(BAREME_APL.periodes.at(-1)).toEqual({ debut: '2026-06', fin: '2026-09' });
    expect(BAREME_APL.periode('2025-11')).toEqual({ debut: '2025-10', fin: '2025-12' });
    expect(libelleCouverture()).toBe('d’octobre 2020 à septembre 2026');
  });

  it('uses the values in force on the first day of the month', () => {
    expect(BAREME_APL.parametres('2025-09')?.loyersPlafonds.zone2.isole).toBe(287.35);
    expect(BAREME_APL.parametres('2025-10')?.loyersPlafonds.zone2.isole).toBe(290.34);
    expect(BAREME_APL.parametres('2024-12')?.abattementR0.isole).toBe(5186);
    expect(BAREME_APL.parametres('2025-01')?.abattementR0.isole).toBe(5235);
    expect(BAREME_APL.parametres('2025-05')?.reductionLoyerSolidarite.montantMensuel.zone2.isole).toBe(48.45);
    expect(BAREME_APL.parametres('2025-06')?.reductionLoyerSolidarite.montantMensuel.zone2.isole).toBe(34.83);
  });

  it('refuses a month after the last known values, naming the known months', () => {
    const r = estimerAide({ ...entree, mois: '2026-10' });
    expect(r).toEqual({
      ok: false,
      erreurs: [{ champ: 'mois', message: 'Le mois 2026-10 est hors du barème connu, qui va d’octobre 2020 à septembre 2026.' }],
    });
  });

  it('takes next October’s values as a data change, with no code change', () => {
    const bareme = chargerBaremeApl(avecOctobre2026());
    const octobre = estimerAide({ ...entree, mois: '2026-10' }, bareme);
    const septembre = estimerAide({ ...entree, mois: '2026-09' }, bareme);
    expect(octobre.ok && octobre.value).toMatchObject({
      plafondLoyer: 300,
      forfaitCharges: 62,
      periodeBareme: { debut: '2026-10', fin: '2027-09' },
    });
    expect(septembre.ok && septembre.value.plafondLoyer).toBe(290.34);
    expect(bareme.periodes.at(-1)).toEqual({ debut: '2026-10', fin: '2027-09' });
  });

  it('rejects a data file whose values are out of order or not dated on a first of month', () => {
    const desordre = avecOctobre2026();
    desordre.crds.valeurs.unshift({ depuis: '2030-01-01', valeur: 0.005 });
    expect(() => chargerBaremeApl(desordre)).toThrow(/classées par date croissante/);
    const milieuDeMois = avecOctobre2026();
    milieuDeMois.crds.valeurs.push({ depuis: '2031-01-15', valeur: 0.005 });
    expect(() => chargerBaremeApl(milieuDeMois)).toThrow(/premier jour d’un mois/);
  });

  it('rejects a series without its source', () => {
    const sansSource: Record<string, unknown> = avecOctobre2026();
    sansSource.crds = { valeurs: [{ depuis: '1996-02-01', valeur: 0.005 }] };
    expect(() => chargerBaremeApl(sansSource)).toThrow(/crds/);
  });
});
