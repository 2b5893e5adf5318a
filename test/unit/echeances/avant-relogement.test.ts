import { describe, expect, it } from 'vitest';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  echeancePiece,
  echeancesAvantRelogement,
  echeancesPlateforme,
  REGLAGES_PLATEFORME_PAR_DEFAUT,
  reglagesEcheancesSchema,
} from '../../../src/domain/echeances/index.ts';
import { PARAMETRES_PAR_DEFAUT } from '../../../src/domain/parametres/index.ts';

const r = REGLAGES_ECHEANCES_PAR_DEFAUT;
const ouverte = (dateOuvertureResidence: string, champs = {}) => ({ dateOuvertureResidence, premierEntretienLe: null, dernierContact: null, ...champs });

describe('the first interview within 3 months of the opening (charte §4 step 2)', () => {
  it('is due 3 months after the opening, soon within 15 days, on time on its last day, late the next', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-03-20').premierEntretien).toEqual({ echeance: '2025-04-15', etat: 'a_venir' });
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-01').premierEntretien?.etat).toBe('bientot');
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-15').premierEntretien?.etat).toBe('bientot');
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-16').premierEntretien?.etat).toBe('en_retard');
  });

  it('clamps month ends: a résidence opened on 30 November has until 28 February', () => {
    expect(echeancesAvantRelogement(ouverte('2024-11-30'), r, '2025-01-01').premierEntretien?.echeance).toBe('2025-02-28');
  });

  it('is done once completed, and unknown while the résidence has no opening date', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-05-02' }), r, '2025-06-01').premierEntretien).toEqual({ echeance: '2025-04-15', etat: 'fait' });
    expect(echeancesAvantRelogement({ dateOuvertureResidence: null, premierEntretienLe: null, dernierContact: null }, r, '2025-06-01')).toEqual({ premierEntretien: null, contact: null });
  });

  it('follows the territory’s parameters, whose values it shares', () => {
    const parametres = reglagesEcheancesSchema.parse({ delaiPremiersEntretiensMois: 2, cadenceContactMois: PARAMETRES_PAR_DEFAUT.cadenceContactMois });
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), parametres, '2025-03-20').premierEntretien).toEqual({ echeance: '2025-03-15', etat: 'en_retard' });
    expect(reglagesEcheancesSchema.safeParse({ cadenceContactMois: 0 }).error?.issues[0]?.message).toBe('Au moins 1 mois.');
  });
});

describe('contact at least every 3 months', () => {
  it('counts from the latest of the last contact and the first interview, else from the opening', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-20').contact).toEqual({ echeance: '2025-04-15', etat: 'en_retard' });
    expect(echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-03-01' }), r, '2025-04-20').contact).toEqual({ echeance: '2025-06-01', etat: 'a_venir' });
    expect(echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-03-01', dernierContact: '2025-05-10' }), r, '2025-08-01').contact).toEqual({ echeance: '2025-08-10', etat: 'bientot' });
  });
});

describe('dossier pieces (charte §4 step 3)', () => {
  const piece = { pieceId: 'p1', libelle: 'Avis d’imposition', finValidite: '2025-06-30' };
  it('are valid on their last day, soon to renew within 15 days, expired after', () => {
    expect(echeancePiece(piece, r, '2025-06-01')).toEqual({ echeance: '2025-06-30', etat: 'a_venir' });
    expect(echeancePiece(piece, r, '2025-06-30').etat).toBe('bientot');
    expect(echeancePiece(piece, r, '2025-07-01').etat).toBe('en_retard');
  });
});

describe('the Marseille platform’s clocks (AMP art. 10)', () => {
  it('counts working days over Easter Monday and 1 May, and 48 h over a weekend', () => {
    expect(
      echeancesPlateforme(
        { miseADisposition: { date: '2025-04-17', heure: null }, candidatsIdentifies: { date: '2025-04-25', heure: '16:00' }, dossiersRecusLe: '2025-05-02', caleolLe: null },
        REGLAGES_PLATEFORME_PAR_DEFAUT,
      ),
    ).toEqual([
      { etape: 'designation', libelle: 'Désignation des candidats ou restitution de l’offre', echeance: { date: '2025-05-05', heure: null } },
      { etape: 'identificationMous', libelle: 'Identification des candidats par les MOUS', echeance: { date: '2025-04-29', heure: null } },
      { etape: 'designationApresIdentification', libelle: 'Désignation des candidats au bailleur', echeance: { date: '2025-04-28', heure: '16:00' } },
      { etape: 'appelPieces', libelle: 'Appel des pièces et date de CALEOL', echeance: { date: '2025-05-19', heure: null } },
    ]);
  });
});
