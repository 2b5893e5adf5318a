import { describe, expect, it } from 'vitest';
import {
  dateDemandeLogement,
  numeroDemandeLogement,
  verifierNumeroUnique,
  dernierMenageDeLaResidence,
  lireSeuilsQuartiles,
  pieceDossierSchema,
  quartileRessources,
  reglagesSimulationSchema,
  sansPropositionDepuis,
} from '../../../src/domain/index.ts';
import { menage } from '../fixtures.ts';
import { demande, id, menageId } from './outils.ts';

// Charte §4 step 9, figure 3: the CALEOL sheet gives the resources and their quartile, the date of
// the demand, and complementary facts, e.g. « Dernier ménage d'une résidence qui doit être
// détruite » and « Ménage contacté il y a plus de 2 ans pour annoncer le relogement et pour lequel
// aucune proposition n'a encore été soumise ».

describe('what the CALEOL sheet knows of the household', () => {
  it('dates the demand from the latest numéro unique certificate', () => {
    const piece = (n: number, kind: string, dateDocument: string) => pieceDossierSchema.parse({ id: id(n), menageId, kind, dateDocument });
    expect(
      dateDemandeLogement([
        piece(1, 'numero_unique', '2023-04-12'),
        piece(2, 'numero_unique', '2024-04-10'),
        piece(3, 'identite', '2025-01-01'),
      ]),
    ).toBe('2024-04-10');
    expect(dateDemandeLogement([piece(4, 'numero_unique', '')])).toBeNull();
  });

  it('takes the demand’s number from the latest numéro unique certificate that carries a valid one (issue 14 item 10)', () => {
    const piece = (n: number, numero: string) => pieceDossierSchema.parse({ id: id(n), menageId, kind: 'numero_unique', numero });
    expect(numeroDemandeLogement([piece(1, '059 2304 0001 2B'), piece(2, '0592404-12345a'), piece(3, 'voir dossier')])).toBe(
      '059240412345A',
    );
    expect(numeroDemandeLogement([piece(4, '')])).toBeNull();
    expect(verifierNumeroUnique('059 2404 1234 5A')).toEqual({ ok: true });
    expect(verifierNumeroUnique('12-34')).toEqual({
      ok: false,
      message: 'Numéro unique invalide : 8 à 20 chiffres ou lettres, dont au moins 6 chiffres, comme sur l’attestation d’enregistrement.',
    });
  });

  it('places the yearly resources per consumption unit among the territory’s quartiles', () => {
    // Couple and a child of 8: 1 + 0,5 + 0,3 = 1,8 units; 1 500 € a month = 18 000 € a year = 10 000 € per unit.
    const famille = [
      { dateNaissance: '1980-01-01', sexe: 'F' as const, lien: 'titulaire' as const },
      { dateNaissance: '1979-01-01', sexe: 'M' as const, lien: 'conjoint' as const },
      { dateNaissance: '2018-01-01', sexe: 'F' as const, lien: 'enfant' as const },
    ];
    expect(quartileRessources(1500, famille, '2026-03-01', [10000, 16000, 23000])).toBe(1);
    expect(quartileRessources(1500, famille, '2026-03-01', [9000, 16000, 23000])).toBe(2);
    expect(quartileRessources(5000, famille, '2026-03-01', [9000, 16000, 23000])).toBe(4);
    expect(reglagesSimulationSchema.safeParse({ seuilsQuartiles: [16000, 9000, 23000] }).error?.issues[0]?.message).toBe(
      'Les seuils des quartiles doivent croître.',
    );
    expect(lireSeuilsQuartiles('10 200 ; 16 500,50 ; 23 000')).toEqual({ ok: true, valeur: [10200, 16500.5, 23000] });
    expect(lireSeuilsQuartiles('10 200 ; 16 500')).toEqual({
      ok: false,
      message: 'Indiquez les trois seuils des quartiles (1er, 2e, 3e).',
    });
    expect(lireSeuilsQuartiles('')).toEqual({ ok: true, valeur: null });
  });

  it('says a household told more than 2 years ago has had no proposal yet', () => {
    expect(sansPropositionDepuis([], '2024-02-29', '2026-03-01')).toBe(true);
    expect(sansPropositionDepuis([], '2024-03-01', '2026-03-01')).toBe(false);
    expect(sansPropositionDepuis([{ ...demande(1, '2025-01-01'), supprime: undefined }], '2023-01-01', '2026-03-01')).toBe(false);
  });

  it('says a household is the last of its résidence to relocate', () => {
    const lui = menage({ statut: 'proposition' });
    const voisins = [menage({ statut: 'reloge' }), menage({ statut: 'suivi' }), menage({ statut: 'entretien', supprime: true })];
    expect(dernierMenageDeLaResidence(lui, [lui, ...voisins])).toBe(true);
    expect(dernierMenageDeLaResidence(lui, [lui, ...voisins, menage({ statut: 'dossier' })])).toBe(false);
    expect(dernierMenageDeLaResidence(lui, [lui])).toBe(false);
  });
});
