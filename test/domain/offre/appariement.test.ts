import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT, entreeSimulationSchema, simuler } from '../../../src/domain/simulation/index.ts';
import {
  TYPOLOGIES,
  classerMenagesPourOffre,
  classerOffresPourMenage,
  classerOffresPourMenages,
  logementDeLOffre,
  offreCompleteSchema,
  type ContexteAppariement,
  type Offre,
  type ProfilMenage,
} from '../../../src/domain/offre/index.ts';
import { offre, profil } from './donnees.ts';

// Example barème for 3 persons: eau 35, eau chaude 24, chauffage 65; électricité 55 + gaz 14 +
// assurance 16 + téléphone 35 = 120, plus 14 € of taxes: mandatory expenses 134 €, divisor 90.
const ctx: ContexteAppariement = { date: '2026-03-01', bareme: BAREME_EXEMPLE, reglages: REGLAGES_SIMULATION_PAR_DEFAUT };
const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('offers ranked for a household', () => {
  const menage = profil({ etageMaxSansAscenseur: 2 });
  // A: wished T3 in Roubaix. RAC avant 380 + 60 + 25 (eau on both receipts) + 24 + 65 − 150 = 404;
  //    après 400 + 80 + 20 + 24 + 65 − 150 = 439; TE 24,4 %; RAV 1262 / 90 = 14,02 → 1227 / 90 = 13,63. Score 100.
  //    The reste à charge rises faster than the surface: 439 × 60 = 26 340 > 404 × 65 = 26 260.
  const a = offre({ rpls: 'A' });
  // B: T4 in Tourcoing: type one room away ½, under-occupied ½, commune not wished 0, money fine:
  //    (20 × ½ + 20 × ½ + 0 + 25 + 20) / 100 = 65.
  const b = offre({ rpls: 'B', typologie: 'T4', surface: 80, commune: 'Tourcoing', loyer: 450 });
  // C: like A but on the 5th floor without a lift, above the household's 2nd floor: ruled out.
  const c = offre({ rpls: 'C', etage: 5, ascenseur: false });
  const d = offre({ rpls: 'D', loyer: null });
  const { classement, ecartees } = classerOffresPourMenage(menage, [c, b, d, a], ctx);

  it('puts the offers that meet every need first, by score', () => {
    expect(classement.map((x) => [x.offreId, x.score, x.compatible])).toEqual([
      [a.id, 100, true],
      [b.id, 65, true],
      [c.id, 100, false],
    ]);
  });

  it('gives the figures of the simulation', () => {
    const premier = classement[0];
    expect(premier?.resteACharge).toEqual({ avant: 404, apres: 439 });
    expect(premier?.tauxEffort.apres).toBeCloseTo((439 / 1800) * 100, 10);
    expect(premier?.resteAVivre.avant).toBeCloseTo(1262 / 90, 10);
    expect(premier?.resteAVivre.apres).toBeCloseTo(1227 / 90, 10);
  });

  it('explains each rank in French', () => {
    expect(classement[0]?.raisons.map(espaces)).toEqual([
      'Étage accessible (2e étage avec ascenseur).',
      'Commune souhaitée : Roubaix.',
      'Typologie souhaitée : T3.',
      'Occupation : 3 pièces principales pour 3 personnes : occupation adaptée selon la charte.',
      'Taux d’effort après relogement : 24,4 % (actuellement 22,4 %, seuil 30,0 %).',
      'Reste à vivre après relogement : 13,63 € par jour et par personne (-0,39 €).',
      'Le reste à charge augmente plus que la surface.',
      'APL après relogement supposée égale à l’APL actuelle (150,00 €) : à confirmer par une estimation.',
    ]);
    expect(classement[1]?.raisons).toContain('Commune non souhaitée : Tourcoing (souhaits : Roubaix, Lille).');
    expect(classement[1]?.raisons).toContain('Typologie non souhaitée : T4 (souhaits : T3).');
    expect(classement[2]?.raisons[0]).toBe('5e étage sans ascenseur : le ménage ne monte pas au-delà du 2e étage sans ascenseur.');
  });

  it('sets aside an incomplete offer and says why', () => {
    expect(ecartees).toEqual([{ offreId: d.id, raisons: ['Indiquez le loyer : un montant en euros par mois.'] }]);
  });

  it('uses an APL estimator when one is given: 50 € more APL, 50 € less reste à charge', () => {
    const estime = classerOffresPourMenage(menage, [a], { ...ctx, aplApres: () => 200 }).classement[0];
    expect(estime?.resteACharge.apres).toBe(389);
    expect(estime?.raisons.some((r) => r.startsWith('APL après relogement supposée'))).toBe(false);
  });

  it('warns when an undetailed part of the charges may count twice', () => {
    const chauffageInclus = offre({ chauffageCompris: true, dontChauffage: null });
    expect(classerOffresPourMenage(menage, [chauffageInclus], ctx).classement[0]?.raisons).toContain(
      'Part de chauffage des charges non détaillée par le bailleur : le reste à charge après peut être surestimé.',
    );
  });
});

describe('households ranked for an offer', () => {
  const o = offre();
  const voulant = profil({ id: 'voulant' });
  const ailleurs = profil({ id: 'ailleurs', communesSouhaitees: ['Lille'] });
  const fauteuil = profil({ id: 'fauteuil', besoinPmr: true });
  const { classement } = classerMenagesPourOffre(o, [fauteuil, ailleurs, voulant], ctx);

  it('ranks the household that wants the place first, and the one whose need is unmet last', () => {
    expect(classement.map((x) => [x.menageId, x.compatible])).toEqual([
      ['voulant', true],
      ['ailleurs', true],
      ['fauteuil', false],
    ]);
    expect(classement[2]?.raisons[0]).toBe(
      'Non accessible aux personnes à mobilité réduite, alors que le ménage a besoin d’un logement adapté.',
    );
  });

  it('ranks nobody for an offer that cannot be simulated', () => {
    expect(classerMenagesPourOffre(offre({ typologie: null }), [voulant], ctx)).toEqual({
      classement: [],
      ecartees: [{ offreId: expect.any(String), raisons: ['Indiquez la typologie du logement (T1 à T6).'] }],
    });
  });
});

describe('matching properties', () => {
  const euros = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
  const arbProfil: fc.Arbitrary<ProfilMenage> = fc
    .record({
      occupants: fc.integer({ min: 1, max: 9 }),
      revenu: euros(5000),
      loyer: euros(900),
      eau: fc.option(euros(60), { nil: null }),
      chauffage: fc.option(euros(120), { nil: null }),
      apl: euros(500),
      surface: fc.integer({ min: 15, max: 140 }),
      pieces: fc.integer({ min: 1, max: 6 }),
      typologies: fc.subarray([...TYPOLOGIES]),
      besoinPmr: fc.boolean(),
      etageMax: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    })
    .map((x) =>
      profil({
        occupants: x.occupants,
        ressourcesMensuelles: [x.revenu],
        logementActuel: {
          loyer: x.loyer,
          chargesGenerales: 50,
          eau: x.eau,
          eauChaude: null,
          chauffage: x.chauffage,
          apl: x.apl,
          surface: x.surface,
          pieces: x.pieces,
          surfaceCuisine: null,
        },
        typologiesSouhaitees: x.typologies,
        besoinPmr: x.besoinPmr,
        etageMaxSansAscenseur: x.etageMax,
      }),
    );
  const arbOffre: fc.Arbitrary<Offre> = fc
    .record({
      typologie: fc.constantFrom(...TYPOLOGIES),
      surface: fc.integer({ min: 15, max: 140 }),
      commune: fc.constantFrom('Roubaix', 'Lille', 'Hem'),
      etage: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
      ascenseur: fc.option(fc.boolean(), { nil: null }),
      pmr: fc.option(fc.boolean(), { nil: null }),
      loyer: euros(1200),
      charges: euros(250),
      chauffageCompris: fc.boolean(),
    })
    .map((x) => {
      const dontEau = Math.min(20, x.charges);
      return offre({ ...x, dontEau, dontChauffage: x.chauffageCompris ? Math.min(40, x.charges - dontEau) : null });
    });
  const options = { numRuns: 150 };

  it('shows the same figures as a simulation of the same household and offer', () => {
    fc.assert(
      fc.property(arbProfil, arbOffre, (p, o) => {
        const x = classerOffresPourMenage(p, [o], ctx).classement[0];
        const entree = entreeSimulationSchema.parse({
          date: ctx.date,
          occupants: p.occupants,
          ressourcesMensuelles: p.ressourcesMensuelles,
          depenses: p.depenses,
          avant: p.logementActuel,
          apres: logementDeLOffre(offreCompleteSchema.parse(o), p.logementActuel.apl),
        });
        const s = simuler(entree, ctx);
        expect([x?.resteACharge.avant, x?.resteACharge.apres, x?.tauxEffort.apres, x?.resteAVivre.avant, x?.resteAVivre.apres]).toEqual([
          s.avant.resteACharge,
          s.apres.resteACharge,
          s.apres.tauxEffort,
          s.avant.resteAVivre,
          s.apres.resteAVivre,
        ]);
      }),
      options,
    );
  });

  it('a higher rent never raises the score', () => {
    fc.assert(
      fc.property(arbProfil, arbOffre, euros(500), (p, o, hausse) => {
        const score = (x: Offre) => classerOffresPourMenage(p, [x], ctx).classement[0]?.score ?? NaN;
        expect(score({ ...o, loyer: (o.loyer ?? 0) + hausse })).toBeLessThanOrEqual(score(o));
      }),
      options,
    );
  });

  it('the best few are the head of the full ranking', () => {
    fc.assert(
      fc.property(
        fc.array(arbProfil, { minLength: 1, maxLength: 3 }),
        fc.array(arbOffre, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (profils, offres, limite) => {
          const complet = classerOffresPourMenages(profils, offres, ctx).parMenage;
          const tete = classerOffresPourMenages(profils, offres, ctx, { limite }).parMenage;
          for (const p of profils)
            expect(tete.get(p.id)?.map((x) => x.offreId)).toEqual(
              complet
                .get(p.id)
                ?.slice(0, limite)
                .map((x) => x.offreId),
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
