import { describe, expect, it } from 'vitest';
import {
  estRecente,
  logementDeLOffre,
  motifsRecente,
  offreCompleteSchema,
  offreSchema,
  partsNonDetaillees,
  verifierOffre,
} from '../../../src/domain/offre/index.ts';
import { nouvelId, offre } from './donnees.ts';

describe('the stored offer', () => {
  it('keeps a half-typed offer as a draft', () => {
    const brouillon = offreSchema.parse({ id: nouvelId(), commune: 'Hem', loyer: 512.3 });
    expect(brouillon).toMatchObject({
      statut: 'brouillon',
      commune: 'Hem',
      loyer: 512.3,
      typologie: null,
      charges: null,
      eauComprise: false,
    });
  });

  it('says in French what is missing before a simulation', () => {
    const brouillon = offreSchema.parse({ id: nouvelId(), commune: 'Hem', loyer: -5 });
    expect(verifierOffre(brouillon)).toEqual([
      { champ: 'adresse', message: 'Indiquez l’adresse du logement.' },
      { champ: 'typologie', message: 'Indiquez la typologie du logement (T1 à T6).' },
      { champ: 'surface', message: 'Indiquez la surface habitable (m²).' },
      { champ: 'loyer', message: 'Le loyer ne peut pas être négatif.' },
      { champ: 'charges', message: 'Indiquez les charges : un montant en euros par mois.' },
    ]);
  });

  it('refuses parts of water and heating larger than the charges, and an obligatory garage without rent', () => {
    const o = offre({ charges: 50, chauffageCompris: true, dontChauffage: 40, garageObligatoire: true });
    expect(verifierOffre(o)).toEqual([
      { champ: 'charges', message: 'Les parts d’eau et de chauffage dépassent le montant des charges.' },
      { champ: 'loyerGarage', message: 'Le garage est obligatoire : indiquez son loyer.' },
    ]);
  });

  it('finds a complete offer complete', () => {
    expect(verifierOffre(offre())).toEqual([]);
  });
});

describe('an offer in the simulation', () => {
  it('takes the detailed parts out of the charges: 100 € with 20 € of water → 80 € general, water 20 € on the receipt', () => {
    const o = offreCompleteSchema.parse(offre());
    expect(logementDeLOffre(o, 120)).toEqual({
      loyer: 400,
      chargesGenerales: 80,
      eau: 20,
      eauChaude: null,
      chauffage: null,
      apl: 120,
      surface: 65,
      pieces: 3,
      surfaceCuisine: null,
    });
  });

  it('adds an obligatory garage to the rent, not an optional one', () => {
    expect(logementDeLOffre(offreCompleteSchema.parse(offre({ garageObligatoire: true, loyerGarage: 35 })), 0).loyer).toBe(435);
    expect(logementDeLOffre(offreCompleteSchema.parse(offre({ garageObligatoire: false, loyerGarage: 35 })), 0).loyer).toBe(400);
  });

  it('leaves an undetailed part inside the general charges and names it', () => {
    const o = offre({ chauffageCompris: true, dontChauffage: null });
    expect(logementDeLOffre(offreCompleteSchema.parse(o), 0)).toMatchObject({ chargesGenerales: 80, chauffage: 0 });
    expect(partsNonDetaillees(o)).toEqual(['chauffage']);
  });

  // Charte §2.3 C: « neuf ou conventionné depuis moins de 5 ans (y compris réhabilité depuis moins de 5 ans) ».
  it('counts as recent a dwelling first let less than 5 years before the date, to the day', () => {
    expect(estRecente(offre({ datePremiereLocation: '2021-03-02' }), '2026-03-01')).toBe(true);
    expect(estRecente(offre({ datePremiereLocation: '2021-03-01' }), '2026-03-01')).toBe(false);
    expect(estRecente(offre({ datePremiereLocation: '2026-09-01' }), '2026-03-01')).toBe(true);
    expect(estRecente(offre({ datePremiereLocation: null }), '2026-03-01')).toBe(false);
  });

  it('counts as recent an older dwelling conventionné or réhabilité less than 5 years ago, and says why', () => {
    const rehabilite = offre({ datePremiereLocation: '1975-09-01', dateRehabilitation: '2022-06-15', dateConventionnement: '2020-12-31' });
    expect(motifsRecente(rehabilite, '2026-03-01')).toEqual(['réhabilité le 15 juin 2022']);
    expect(estRecente(offre({ datePremiereLocation: '1975-09-01', dateConventionnement: '2021-12-01' }), '2026-03-01')).toBe(true);
    expect(estRecente(offre({ datePremiereLocation: '1975-09-01', dateConventionnement: '2020-12-31' }), '2026-03-01')).toBe(false);
  });

  it('judges an older record holding only the year on 1 January of that year, never on a guess', () => {
    const ancienne = offreSchema.parse({ id: nouvelId(), anneePremiereLocation: 2021 });
    expect(ancienne).toMatchObject({ datePremiereLocation: null, dateConventionnement: null, dateRehabilitation: null });
    expect(estRecente(ancienne, '2025-12-31')).toBe(true);
    expect(estRecente(ancienne, '2026-01-01')).toBe(false);
    expect(motifsRecente(offre({ anneePremiereLocation: 2022 }), '2026-03-01')).toEqual(['première location en 2022']);
  });
});
