import { describe, expect, it } from 'vitest';
import { estRecente, logementDeLOffre, offreCompleteSchema, offreSchema, partsNonDetaillees, verifierOffre } from '../../../src/domain/offre/index.ts';
import { nouvelId, offre } from './donnees.ts';

describe('the stored offer', () => {
  it('keeps a half-typed offer as a draft', () => {
    const brouillon = offreSchema.parse({ id: nouvelId(), commune: 'Hem', loyer: 512.3 });
    expect(brouillon).toMatchObject({ statut: 'brouillon', commune: 'Hem', loyer: 512.3, typologie: null, charges: null, eauComprise: false });
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
    expect(logementDeLOffre(o, 120)).toEqual({ loyer: 400, chargesGenerales: 80, eau: 20, eauChaude: null, chauffage: null, apl: 120, surface: 65, pieces: 3, surfaceCuisine: null });
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

  it('counts as recent a dwelling first let less than 5 years ago', () => {
    expect(estRecente(offre({ anneePremiereLocation: 2022 }), '2026-03-01')).toBe(true);
    expect(estRecente(offre({ anneePremiereLocation: 2021 }), '2026-03-01')).toBe(false);
    expect(estRecente(offre({ anneePremiereLocation: null }), '2026-03-01')).toBe(false);
  });
});
