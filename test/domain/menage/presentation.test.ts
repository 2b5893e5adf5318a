import { describe, expect, it } from 'vitest';
import { presentationMenage } from '../../../src/domain/index.ts';
import { menage, personne } from '../fixtures.ts';

// Charte §4 step 3: « dans le cadre d'un refus, la situation du ménage sera quand même évoquée mais
// de manière anonyme dans les instances dédiées ».
describe('how a household is named on a paper', () => {
  const m = menage({
    id: '0190a000-0000-7000-8000-00000000abcd',
    nom: 'Famille Benali',
    reference: 'TIL-0001',
    adresse: '3 rue Imaginaire',
    logement: 'apt 12',
  });
  const aicha = personne({ prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire' });

  it('in full, with its consent, for partners and for itself', () => {
    const p = presentationMenage(m, 'partenaires');
    expect(p).toMatchObject({ anonyme: false, nom: 'Famille Benali', reference: 'TIL-0001', adresse: '3 rue Imaginaire, apt 12' });
    expect(p.nomOccupant(aicha)).toBe('Aïcha Benali');
  });

  it('under a pseudonym, without reference, address or names, for partners after a signed refusal', () => {
    const refus = { ...m, refusConsentement: { signeLe: '2026-01-12' } };
    const p = presentationMenage(refus, 'partenaires');
    expect(p).toMatchObject({
      anonyme: true,
      nom: 'Ménage M-00ABCD',
      reference: '',
      adresse: 'présentation anonyme : refus de partage signé le 12 janvier 2026',
    });
    expect(p.nomOccupant(aicha)).toBe('Titulaire du bail');
    expect(presentationMenage(refus, 'menage')).toMatchObject({ anonyme: false, nom: 'Famille Benali' });
  });
});
