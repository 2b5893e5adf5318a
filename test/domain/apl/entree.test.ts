import { describe, expect, it } from 'vitest';
import { aplInputSchema, estimerAide } from '../../../src/domain/apl/index.ts';

const valide = {
  mois: '2025-10',
  dispositif: 'APL',
  zone: 2,
  couple: true,
  personnesACharge: 2,
  loyer: 520,
  ressourcesAnnuelles: 18_000,
  bailleurSocial: true,
} as const;

const erreurs = (entree: unknown) => {
  const r = estimerAide(entree);
  return r.ok ? [] : r.erreurs;
};

describe('bad input gives a French message per field and no number', () => {
  it('accepts a complete input, the flags defaulting to false', () => {
    expect(aplInputSchema.parse(valide)).toMatchObject({ meuble: false, chambre: false, handicap: false });
  });

  it.each([
    ['mois', { mois: '2019-05' }, 'Le mois 2019-05 est hors du barème connu, qui va d’octobre 2020 à septembre 2026.'],
    ['mois', { mois: '10/2025' }, 'Le mois doit être au format AAAA-MM, par exemple "2025-10".'],
    ['zone', { zone: 4 }, 'La zone APL doit valoir 1, 2 ou 3.'],
    ['ressourcesAnnuelles', { ressourcesAnnuelles: -1 }, 'Les ressources annuelles ne peuvent pas être négatives.'],
    ['personnesACharge', { personnesACharge: 21 }, 'Le nombre de personnes à charge ne peut pas dépasser 20.'],
    ['personnesACharge', { personnesACharge: 1.5 }, 'Le nombre de personnes à charge doit être un entier.'],
    ['loyer', { loyer: 0 }, 'Le loyer mensuel hors charges doit être supérieur à 0 €.'],
    ['couple', { couple: 'oui' }, '« En couple » attend vrai ou faux (true ou false).'],
    ['dispositif', { dispositif: 'AL' }, 'Le dispositif doit être "APL" (logement conventionné), "ALF" ou "ALS".'],
  ])('%s: %o', (champ, modification, message) => {
    expect(erreurs({ ...valide, ...modification })).toEqual([{ champ, message }]);
  });

  it('names every bad field at once', () => {
    expect(erreurs({ ...valide, zone: 0, ressourcesAnnuelles: -5, personnesACharge: 30 }).map((e) => e.champ)).toEqual([
      'zone',
      'personnesACharge',
      'ressourcesAnnuelles',
    ]);
  });

  it('names a missing field', () => {
    const { loyer: _loyer, ...sansLoyer } = valide;
    expect(erreurs(sansLoyer)).toEqual([{ champ: 'loyer', message: 'Le loyer doit être un montant en euros par mois, hors charges.' }]);
  });

  it.each([
    ['colocation', /colocation est hors du périmètre/],
    ['outreMer', /outre-mer sont hors du périmètre/],
    ['accession', /accession à la propriété est hors du périmètre/],
  ])('refuses %s, which the estimator does not compute', (champ, message) => {
    const [erreur, ...autres] = erreurs({ ...valide, [champ]: true });
    expect(autres).toEqual([]);
    expect(erreur?.champ).toBe(champ);
    expect(erreur?.message).toMatch(message);
  });

  it('refuses the ALS for a household with dependants (that is the ALF)', () => {
    expect(erreurs({ ...valide, dispositif: 'ALS' })).toEqual([{ champ: 'dispositif', message: expect.stringContaining('l’ALF') }]);
  });
});

describe('what the dwelling changes', () => {
  const base = {
    mois: '2025-10',
    dispositif: 'ALS',
    zone: 2,
    couple: false,
    personnesACharge: 0,
    loyer: 450,
    ressourcesAnnuelles: 6_000,
  } as const;
  const estime = (m: object) => {
    const r = estimerAide({ ...base, ...m });
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    return r.value;
  };

  it('a room: 90 % of the single person’s ceiling, whatever the household', () => {
    expect(estime({ chambre: true }).plafondLoyer).toBe(261.31);
    expect(estime({ chambre: true, couple: true, dispositif: 'ALF', personnesACharge: 2 }).plafondLoyer).toBe(261.31);
  });

  it('furnished: two thirds of the rent count, for the APL as for the AL (D842-2, D823-18)', () => {
    expect(estime({ meuble: true, loyer: 300 }).loyerRetenu).toBe(200);
    expect(estime({ meuble: true, loyer: 300, dispositif: 'APL' }).loyerRetenu).toBe(200);
  });

  it('the RLS only with a social landlord and an APL, and 98 % of it comes off the APL', () => {
    const apl = estime({ dispositif: 'APL' });
    const social = estime({ dispositif: 'APL', bailleurSocial: true });
    expect(social.rls).toBe(34.83);
    expect(apl.aide - social.aide).toBeCloseTo(0.98 * 34.83 * 0.995, 1);
    expect(estime({ bailleurSocial: true }).rls).toBe(0);
  });

  it('no RLS once the monthly resources reach its ceiling', () => {
    expect(estime({ dispositif: 'APL', bailleurSocial: true, ressourcesAnnuelles: 12 * 895 - 100 }).rls).toBe(34.83);
    expect(estime({ dispositif: 'APL', bailleurSocial: true, ressourcesAnnuelles: 12 * 895 }).rls).toBe(0);
  });

  it('the taper cuts the aid above 2.5 × the ceiling in zone 2, except for a disabled household', () => {
    const plafond = estime({}).plafondLoyer;
    expect(estime({ loyer: Math.floor(plafond * 2.5) }).aide).toBe(estime({ loyer: 450 }).aide);
    expect(estime({ loyer: Math.ceil(plafond * 3.1) }).aide).toBe(0);
    expect(estime({ loyer: Math.ceil(plafond * 3.1), handicap: true }).aide).toBe(estime({}).aide);
  });

  it('R is rounded up to the hundred euros', () => {
    expect(estime({ ressourcesAnnuelles: 6_000.01 })).toMatchObject({
      ressourcesRetenues: 6_100,
      aide: estime({ ressourcesAnnuelles: 6_100 }).aide,
    });
  });
});
