import { describe, expect, it } from 'vitest';
import {
  BAREME_EXEMPLE,
  REGLAGES_SIMULATION_PAR_DEFAUT,
  forfait,
  moyenneRessources,
  simuler,
} from '../../../src/domain/simulation/index.ts';
import { baremeTest, ctx, entree, postesTest, sansQuittance } from './donnees.ts';

// Worked examples of docs/domaine.md §5 / charte §7.1, computed by hand in the comments.

describe('reste à charge: which of water, hot water and heating come from the receipt', () => {
  it('takes the receipt amounts when all three are on the receipt before and after', () => {
    // avant 400 + 50 + 25 + 15 + 55 − 150 = 395 ; après 450 + 60 + 30 + 18 + 65 − 180 = 443
    // TE 395 / 1800 = 21,94 % → 443 / 1800 = 24,61 % ; RAV (1800 − 395 − 120) / 90 = 14,28 → (1800 − 443 − 120) / 90 = 13,74
    const r = simuler(entree(), ctx);
    expect(r.avant.resteACharge).toBe(395);
    expect(r.apres.resteACharge).toBe(443);
    expect(r.avant.tauxEffort).toBeCloseTo(21.944, 3);
    expect(r.apres.tauxEffort).toBeCloseTo(24.611, 3);
    expect(r.avant.resteAVivre).toBeCloseTo(1285 / 90, 10);
    expect(r.apres.resteAVivre).toBeCloseTo(1237 / 90, 10);
    expect(r.evolution).toEqual({
      resteACharge: 48,
      tauxEffort: expect.closeTo(2.667, 3),
      resteAVivre: expect.closeTo(-48 / 90, 10),
      surface: 10,
    });
    expect(r.detail.charges.map((c) => c.source)).toEqual(['quittance', 'quittance', 'quittance']);
    expect(r.alertes).toEqual([]);
  });

  it('uses the barème lump sums on both sides when none is on the receipt', () => {
    // forfaits for 3 persons: 20 + 16 + 60 = 96 ; avant 400 + 50 + 96 − 150 = 396 ; après 450 + 60 + 96 − 180 = 426
    const r = simuler(entree({ avant: sansQuittance, apres: sansQuittance }), ctx);
    expect([r.avant.resteACharge, r.apres.resteACharge]).toEqual([396, 426]);
  });

  it('replaces the receipt amounts before by the lump sums when the offer does not put them on the receipt', () => {
    // the 25 + 15 + 55 of the current receipt give way to 20 + 16 + 60: avant 396, après 426
    const r = simuler(entree({ apres: sansQuittance }), ctx);
    expect([r.avant.resteACharge, r.apres.resteACharge]).toEqual([396, 426]);
    expect(r.detail.charges).toEqual([
      { poste: 'eau', source: 'forfait', avant: 20, apres: 20 },
      { poste: 'eauChaude', source: 'forfait', avant: 16, apres: 16 },
      { poste: 'chauffage', source: 'forfait', avant: 60, apres: 60 },
    ]);
  });

  it('replaces the receipt amounts after by the lump sums when the current dwelling did not have them on the receipt', () => {
    const r = simuler(entree({ avant: sansQuittance }), ctx);
    expect([r.avant.resteACharge, r.apres.resteACharge]).toEqual([396, 426]);
  });

  it('decides poste by poste: water on both receipts, hot water before only, heating after only', () => {
    // avant 400 + 50 + 25 (eau) + 16 (forfait) + 60 (forfait) − 150 = 401 ; après 450 + 60 + 30 + 16 + 60 − 180 = 436
    const r = simuler(entree({ avant: { chauffage: null }, apres: { eauChaude: null } }), ctx);
    expect([r.avant.resteACharge, r.apres.resteACharge]).toEqual([401, 436]);
  });
});

describe('resources, taux d’effort and reste à vivre', () => {
  it('averages the months given', () => {
    expect(moyenneRessources([1500, 1600, 1700])).toBe(1600);
    expect(simuler(entree({ ressourcesMensuelles: [1000, 2000] }), ctx).ressourcesMensuelles).toBe(1500);
  });

  it('counts the barème lump sums and the declared expenses as mandatory expenses', () => {
    // 50 + 12 + 14 + 30 + impôts 20 + pension 100 + mutuelle 35 + prêt CAF 15 + Banque de France 40 + plan bailleur 25 = 341
    const depenses = { impots: 20, pensionAlimentaire: 100, mutuelle: 35, pretCaf: 15, planBanqueDeFrance: 40, planApurementBailleur: 25 };
    const r = simuler(entree({ depenses }), ctx);
    expect(r.depensesIncompressibles).toBe(341);
    expect(r.apres.resteAVivre).toBeCloseTo((1800 - 443 - 341) / 90, 10);
  });

  it('gives a taux d’effort of 0 when the APL covers the whole housing cost exactly', () => {
    // APL after = 450 + 60 + 30 + 18 + 65 = 623 → RAC 0, TE 0, RAV (1800 − 120) / 90 = 18,67
    const r = simuler(entree({ apres: { apl: 623 } }), ctx);
    expect(r.apres).toEqual({ resteACharge: 0, tauxEffort: 0, resteAVivre: expect.closeTo(1680 / 90, 10) });
    expect(r.avertissements.map((a) => a.code)).not.toContain('APL_SUPERIEURE_AU_COUT');
  });

  it('computes a negative reste à charge but asks to check an APL larger than the cost', () => {
    // APL 700 → RAC 623 − 700 = −77, TE −77 / 1800 = −4,28 %
    const r = simuler(entree({ apres: { apl: 700 } }), ctx);
    expect(r.apres.resteACharge).toBe(-77);
    expect(r.apres.tauxEffort).toBeCloseTo(-4.278, 3);
    expect(r.avertissements).toContainEqual({
      code: 'APL_SUPERIEURE_AU_COUT',
      message: 'L’APL du logement proposé dépasse le coût du logement (reste à charge négatif) : vérifiez son montant.',
    });
  });

  it('gives no taux d’effort without resources, and says so', () => {
    // RAV avant (0 − 395 − 120) / 90 = −5,72 ; après (0 − 443 − 120) / 90 = −6,26: below the line and worse
    const r = simuler(entree({ ressourcesMensuelles: [0, 0, 0] }), ctx);
    expect([r.avant.tauxEffort, r.apres.tauxEffort, r.evolution.tauxEffort]).toEqual([null, null, null]);
    expect(r.apres.resteAVivre).toBeCloseTo(-563 / 90, 10);
    expect(r.alertes).toEqual(['RESTE_A_VIVRE_SOUS_SEUIL', 'RESTE_A_VIVRE_DEGRADE', 'RESSOURCES_NULLES']);
    expect(r.orientation.criteresFinanciers).toBe(false);
  });

  it('extends the barème beyond its table for a household of 9 persons', () => {
    // table of 4 sizes: eau 25 + 5 × 5 = 50, eau chaude 20 + 5 × 4 = 40, chauffage 70 + 5 × 10 = 120
    // dépenses: électricité 60 + 50 = 110, gaz 12 + 10 = 22, assurance 16 + 10 = 26, téléphone 35 + 25 = 60, impôts 14 → 232
    // RAC avant 400 + 50 + 50 + 40 + 120 − 150 = 510 ; RAV (3000 − 510 − 232) / (9 × 30) = 2258 / 270 = 8,36
    expect(forfait(postesTest, 'eau', 9)).toBe(50);
    const r = simuler(entree({ occupants: 9, ressourcesMensuelles: [3000], avant: sansQuittance, apres: sansQuittance }), ctx);
    expect(r.depensesIncompressibles).toBe(232);
    expect(r.avant.resteACharge).toBe(510);
    expect(r.avant.resteAVivre).toBeCloseTo(2258 / 270, 10);
    expect(r.detail.diviseurResteAVivre).toBe(270);
  });

  it('divides by consumption units when the territory chooses them: 1 + 0,5 + 0,3 = 1,8 units × 30 days', () => {
    const composition = [
      { dateNaissance: '1986-05-01', sexe: 'F', lien: 'titulaire' },
      { dateNaissance: '1988-02-11', sexe: 'M', lien: 'conjoint' },
      { dateNaissance: '2016-01-20', sexe: 'F', lien: 'enfant' },
    ];
    const r = simuler(entree({ composition }), {
      ...ctx,
      reglages: { ...REGLAGES_SIMULATION_PAR_DEFAUT, uniteResteAVivre: 'unite-consommation' },
    });
    expect(r.detail.diviseurResteAVivre).toBeCloseTo(54, 10);
    expect(r.avant.resteAVivre).toBeCloseTo(1285 / 54, 10);
  });
});

describe('alerts', () => {
  it('raises TAUX_EFFORT_ELEVE above 30 % after relocation', () => {
    // 1 200 €: TE after 443 / 1200 = 36,9 %; RAV (1200 − 395 − 120) / 90 = 7,61 → (1200 − 443 − 120) / 90 = 7,08, still above 6,50
    const r = simuler(entree({ ressourcesMensuelles: [1200] }), ctx);
    expect(r.apres.tauxEffort).toBeCloseTo(36.917, 3);
    expect(r.alertes).toEqual(['TAUX_EFFORT_ELEVE']);
  });

  it('follows the territory’s threshold', () => {
    const r = simuler(entree(), { ...ctx, reglages: { ...REGLAGES_SIMULATION_PAR_DEFAUT, seuilTauxEffort: 20 } });
    expect(r.alertes).toContain('TAUX_EFFORT_ELEVE');
  });

  it('raises RESTE_A_VIVRE_PASSE_SOUS_SEUIL when a household exactly at 6,50 € falls below it', () => {
    // 1 100 €: RAV (1100 − 395 − 120) / 90 = 6,50 → (1100 − 443 − 120) / 90 = 5,97
    const r = simuler(entree({ ressourcesMensuelles: [1100] }), ctx);
    expect(r.avant.resteAVivre).toBeCloseTo(6.5, 10);
    expect(r.alertes).toEqual(['TAUX_EFFORT_ELEVE', 'RESTE_A_VIVRE_SOUS_SEUIL', 'RESTE_A_VIVRE_PASSE_SOUS_SEUIL']);
  });

  it('raises RESTE_A_VIVRE_DEGRADE when a household already below the line gets worse', () => {
    // 1 000 €: RAV 485 / 90 = 5,39 → 437 / 90 = 4,86
    expect(simuler(entree({ ressourcesMensuelles: [1000] }), ctx).alertes).toEqual([
      'TAUX_EFFORT_ELEVE',
      'RESTE_A_VIVRE_SOUS_SEUIL',
      'RESTE_A_VIVRE_DEGRADE',
    ]);
  });

  it('does not call degraded a household below the line whose reste à vivre improves', () => {
    // rent after 350: RAC 343, TE 34,3 %, RAV (1000 − 343 − 120) / 90 = 5,97 > 5,39
    const r = simuler(entree({ ressourcesMensuelles: [1000], apres: { loyer: 350 } }), ctx);
    expect(r.alertes).toEqual(['TAUX_EFFORT_ELEVE', 'RESTE_A_VIVRE_SOUS_SEUIL']);
  });

  it('raises HAUSSE_NON_PROPORTIONNELLE when the reste à charge rises faster than the surface', () => {
    // 443 × 60 = 26 580 > 395 × 62 = 24 490 ; with 70 m²: 26 580 < 395 × 70 = 27 650, proportionate
    expect(simuler(entree({ apres: { surface: 62 } }), ctx).alertes).toEqual(['HAUSSE_NON_PROPORTIONNELLE']);
    expect(simuler(entree({ apres: { surface: 70 } }), ctx).alertes).toEqual([]);
    expect(simuler(entree({ apres: { surface: null } }), ctx).alertes).toEqual([]);
  });

  it('raises SUROCCUPATION for 4 persons in a T3 and SOUS_OCCUPATION for 3 persons in a T4 (charter rule)', () => {
    expect(simuler(entree({ occupants: 4 }), ctx).alertes).toContain('SUROCCUPATION');
    const r = simuler(entree({ apres: { pieces: 4, surface: 80 } }), ctx);
    expect(r.alertes).toContain('SOUS_OCCUPATION');
    expect(r.occupation.apres.detail).toBe(
      '4 pièces principales pour 3 personnes : sous-occupation selon la charte (une pièce de plus que de personnes, ou davantage).',
    );
  });

  it('applies the INSEE norm to the detailed composition: couple, boy 8 and girl 10 in a T3', () => {
    const composition = [
      { dateNaissance: '1986-05-01', sexe: 'F', lien: 'titulaire' },
      { dateNaissance: '1988-02-11', sexe: 'M', lien: 'conjoint' },
      { dateNaissance: '2017-09-01', sexe: 'M', lien: 'enfant' },
      { dateNaissance: '2015-06-01', sexe: 'F', lien: 'enfant' },
    ];
    const r = simuler(entree({ occupants: 4, composition }), {
      ...ctx,
      reglages: { ...REGLAGES_SIMULATION_PAR_DEFAUT, normeOccupation: 'insee' },
    });
    expect(r.occupation.apres).toMatchObject({ etat: 'suroccupation', niveau: 'modéré' });
    expect(r.alertes).toContain('SUROCCUPATION');
  });
});

describe('orientation grid and barème shown', () => {
  it('advises the circuit dématérialisé when every criterion holds, without deciding', () => {
    // 2 000 €, rent after 380: RAC 395 → 373, TE 18,65 %, RAV (2000 − 395 − 120) / 90 = 16,50 → 16,74
    const r = simuler(
      entree({
        ressourcesMensuelles: [2000],
        apres: { loyer: 380 },
        criteresMenage: { typologieEtLocalisationExistent: true, aucunFreinALever: true },
      }),
      ctx,
    );
    expect(r.orientation.criteresFinanciers).toBe(true);
    expect(r.orientation.criteres.every((c) => c.rempli)).toBe(true);
    expect(r.orientation.avis).toMatch(
      /^Tous les critères de la grille sont remplis : le circuit dématérialisé est envisageable, sous réserve de l’accord des partenaires\./,
    );
  });

  it('lists what the household side still has to confirm', () => {
    const r = simuler(entree({ ressourcesMensuelles: [2000], apres: { loyer: 380 } }), ctx);
    expect(r.orientation.avis).toContain(
      'à vérifier : la typologie et la localisation souhaitées existent ; aucun frein au relogement à lever',
    );
  });

  it('names the barème used, and warns when it is the shipped example', () => {
    expect(simuler(entree(), ctx).bareme).toEqual({
      territoire: 'Territoire de test',
      debut: '2026-01-01',
      fin: '2026-12-31',
      source: 'Barème de test',
      exemple: false,
    });
    const r = simuler(entree(), { ...ctx, bareme: BAREME_EXEMPLE });
    expect(r.bareme.source).toBe('Barème d’exemple — à remplacer par le barème FSL du Département');
    expect(r.avertissements[0]?.code).toBe('BAREME_EXEMPLE');
    expect(simuler(entree(), { ...ctx, bareme: baremeTest }).avertissements).toEqual([]);
  });
});
