import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REGLAGES_SUIVI_PAR_DEFAUT,
  REGLAGES_VIGILANCE_PAR_DEFAUT,
  echeanceEnquete,
  echeancesVisites,
  enqueteSatisfactionSchema,
  reglagesSuiviOperation,
  reglagesSuiviSchema,
  replanifierEnquete,
  replanifierVisites,
  verifierDateRelogement,
  verifierEnquete,
  verifierVisite,
  vigilanceResteAVivre,
  vigilanceVisite,
  visiteCourtoisieSchema,
  type VisiteCourtoisie,
} from '../../../src/domain/visite/index.ts';

const menageId = '0190a6e0-0000-7000-8000-000000000001';
const id = (n: number) => `0190a6e0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const visite = (champs: Partial<VisiteCourtoisie> & { numero: number }): VisiteCourtoisie =>
  visiteCourtoisieSchema.parse({ id: id(100 + champs.numero), menageId, ...champs });

describe('the courtesy visit and survey records', () => {
  it('start empty: to be done, no appointment, every answer of the grid unanswered', () => {
    const v = visite({ numero: 1 });
    expect(v).toMatchObject({ issue: 'a_faire', datePrevue: null, heurePrevue: null, date: null, motifAnnulation: '' });
    expect(v.grille.adaptation).toEqual({
      taille: null,
      etat: null,
      equipements: null,
      travauxDemandes: null,
      travaux: '',
      commentaire: '',
    });
    expect(v.grille.budget).toEqual({ nouveauLoyer: null, charges: null, apl: null, ressources: null, avant: null, apres: null });
  });

  it('refuses a note outside 1–4 and a time that does not exist, in French', () => {
    const note = visiteCourtoisieSchema.safeParse({ id: id(1), menageId, numero: 1, grille: { installation: { ecoles: 5 } } });
    expect(note.error?.issues[0]?.message).toBe(
      'Écoles et modes de garde : choisissez une note de 1 (pas du tout satisfaisant) à 4 (très satisfaisant).',
    );
    const heure = visiteCourtoisieSchema.safeParse({ id: id(1), menageId, numero: 1, heurePrevue: '25:00' });
    expect(heure.error?.issues[0]?.message).toBe('Heure attendue au format HH:MM, par exemple 14:30.');
  });

  it('keeps the survey’s structured answers', () => {
    const e = enqueteSatisfactionSchema.parse({
      id: id(2),
      menageId,
      issue: 'realisee',
      date: '2026-07-01',
      logement: { global: 4, cout: 2 },
      quartier: { integration: 'en_partie' },
    });
    expect(e.logement).toMatchObject({ global: 4, cout: 2, taille: null });
    expect(e.quartier.integration).toBe('en_partie');
    expect(e.deroulement.information).toBeNull();
  });
});

describe('the follow-up plan (charte §4 steps 13 and 14)', () => {
  it('a move on 31 December gives visits at the ends of February, April and June, and the survey at the end of June', () => {
    expect(echeancesVisites('2025-12-31', REGLAGES_SUIVI_PAR_DEFAUT)).toEqual([
      { numero: 1, echeance: '2026-02-28' },
      { numero: 2, echeance: '2026-04-30' },
      { numero: 3, echeance: '2026-06-30' },
    ]);
    expect(echeanceEnquete('2025-12-31', REGLAGES_SUIVI_PAR_DEFAUT)).toBe('2026-06-30');
  });

  it('an opération may set its own months; what it leaves unset comes from the territory', () => {
    const r = reglagesSuiviOperation(REGLAGES_SUIVI_PAR_DEFAUT, { visitesCourtoisieMois: [1, 3, 6, 12] });
    expect(echeancesVisites('2026-01-15', r).map((e) => e.echeance)).toEqual(['2026-02-15', '2026-04-15', '2026-07-15', '2027-01-15']);
    expect(r.enqueteSatisfactionMois).toBe(6);
  });

  it('refuses months that do not go up', () => {
    expect(reglagesSuiviSchema.safeParse({ visitesCourtoisieMois: [2, 2, 6] }).error?.issues[0]?.message).toBe(
      'Les mois des visites de courtoisie doivent être croissants.',
    );
  });

  it('moving the relocation date moves the appointments not held, keeps their time, and leaves held or cancelled ones', () => {
    const visites = [
      visite({ numero: 1, issue: 'realisee', date: '2026-03-02', datePrevue: '2026-03-02' }),
      visite({ numero: 2, datePrevue: '2026-05-04', heurePrevue: '10:30' }),
      visite({ numero: 3, issue: 'injoignable', date: '2026-07-01', datePrevue: '2026-07-01' }),
      visite({ numero: 4, issue: 'annulee', motifAnnulation: 'Ménage reparti', datePrevue: '2026-07-01' }),
    ];
    const r = { visitesCourtoisieMois: [2, 4, 6, 8] };
    const changees = replanifierVisites(visites, '2026-02-15', r);
    expect(changees.map((v) => [v.numero, v.datePrevue, v.heurePrevue])).toEqual([
      [2, '2026-06-15', '10:30'],
      [3, '2026-08-15', null],
    ]);
  });

  it('moves the survey appointment too, and says when nothing changes', () => {
    const e = enqueteSatisfactionSchema.parse({ id: id(3), menageId, datePrevue: '2026-07-01' });
    expect(replanifierEnquete(e, '2026-02-01', REGLAGES_SUIVI_PAR_DEFAUT)?.datePrevue).toBe('2026-08-01');
    expect(replanifierEnquete(e, '2026-01-01', REGLAGES_SUIVI_PAR_DEFAUT)).toBeNull();
  });
});

describe('checking a visit report', () => {
  const ctx = { dateRelogement: '2026-01-10', aujourdhui: '2026-05-01' };

  it('accepts a visit held after the move', () => {
    expect(verifierVisite(visite({ numero: 1, issue: 'realisee', date: '2026-03-10' }), ctx)).toEqual([]);
  });

  it('refuses a visit dated before the move, naming the lease date', () => {
    expect(verifierVisite(visite({ numero: 1, issue: 'realisee', date: '2026-01-05' }), ctx)).toEqual([
      { champ: 'date', message: 'La visite de courtoisie ne peut pas précéder le relogement (bail signé le 10 janvier 2026).' },
    ]);
  });

  it('asks for the day of a visit marked done, and the reason of a cancelled one', () => {
    expect(verifierVisite(visite({ numero: 2, issue: 'realisee' }), ctx)).toEqual([
      { champ: 'date', message: 'La visite de courtoisie est indiquée réalisée : précisez le jour où elle a eu lieu.' },
    ]);
    expect(verifierVisite(visite({ numero: 2, issue: 'annulee' }), ctx)).toEqual([
      { champ: 'motifAnnulation', message: 'La visite de courtoisie est annulée : indiquez pourquoi.' },
    ]);
  });

  it('refuses a held date in the future and a visit with no relocation recorded', () => {
    expect(verifierVisite(visite({ numero: 1, issue: 'realisee', date: '2026-06-01' }), ctx).map((e) => e.champ)).toEqual(['date']);
    expect(
      verifierEnquete(enqueteSatisfactionSchema.parse({ id: id(4), menageId }), { dateRelogement: null, aujourdhui: '2026-05-01' }),
    ).toEqual([
      { champ: 'dateRelogement', message: 'Le relogement n’est pas enregistré : l’enquête de satisfaction suit la signature du bail.' },
    ]);
  });

  it('refuses a relocation date more than a year ahead, and a date that does not exist', () => {
    expect(verifierDateRelogement('2027-05-02', '2026-05-01', REGLAGES_SUIVI_PAR_DEFAUT)).toEqual([
      {
        champ: 'dateRelogement',
        message: 'La date de relogement (signature du bail) est à plus de 12 mois dans le futur : vérifiez l’année.',
      },
    ]);
    expect(verifierDateRelogement('2027-05-01', '2026-05-01', REGLAGES_SUIVI_PAR_DEFAUT)).toEqual([]);
    expect(verifierDateRelogement('2026-02-30', '2026-05-01', REGLAGES_SUIVI_PAR_DEFAUT).map((e) => e.champ)).toEqual(['dateRelogement']);
  });
});

describe('the reste à vivre watch (charte §4 step 13)', () => {
  const r = REGLAGES_VIGILANCE_PAR_DEFAUT;

  it.each([
    ['under 6.50 after the move', 8, 6.4, ['RESTE_A_VIVRE_SOUS_SEUIL']],
    ['near the line before and up by only 0.40', 7, 7.4, ['RESTE_A_VIVRE_SANS_AMELIORATION']],
    ['under the line before and worse after', 6, 5.9, ['RESTE_A_VIVRE_SOUS_SEUIL', 'RESTE_A_VIVRE_SANS_AMELIORATION']],
    ['near the line and up by exactly 0.50', 6.8, 7.3, []],
    ['well above the line and slightly lower', 9, 8.9, []],
  ] as const)('%s', (_cas, avant, apres, codes) => {
    expect(vigilanceResteAVivre(avant, apres, r)).toEqual(codes);
  });

  it('reads the figures of the visit report, and says nothing until the after figures are there', () => {
    const avant = { resteACharge: 320, tauxEffort: 28, resteAVivre: 7.1 };
    expect(
      vigilanceVisite(
        visite({
          numero: 1,
          grille: visiteCourtoisieSchema.shape.grille.parse({ budget: { avant, apres: { ...avant, resteAVivre: 7.2 } } }),
        }),
        r,
      ),
    ).toEqual(['RESTE_A_VIVRE_SANS_AMELIORATION']);
    expect(vigilanceVisite(visite({ numero: 1 }), r)).toEqual([]);
  });

  it('never flags a household that ends at or above both lines after a clear rise', () => {
    const centimes = fc.integer({ min: 0, max: 3000 }).map((c) => c / 100);
    fc.assert(
      fc.property(centimes, centimes, (avant, hausse) => {
        const apres = Math.round((avant + 0.5 + hausse) * 100) / 100;
        const codes = vigilanceResteAVivre(avant, apres, r);
        expect(codes.includes('RESTE_A_VIVRE_SANS_AMELIORATION')).toBe(false);
        expect(codes.includes('RESTE_A_VIVRE_SOUS_SEUIL')).toBe(apres < 6.5);
      }),
      { numRuns: 300 },
    );
  });
});
