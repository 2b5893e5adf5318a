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
import { REGLAGES_TERRITOIRE_PAR_DEFAUT, reglagesTerritoireSchema } from '../../../src/domain/territoire/index.ts';

const r = REGLAGES_ECHEANCES_PAR_DEFAUT;
const ouverte = (dateOuvertureResidence: string, champs = {}) => ({
  dateOuvertureResidence,
  premierEntretienLe: null,
  dernierContact: null,
  ...champs,
});

describe('the first interview within 3 months of the opening (charte §4 step 2)', () => {
  it('is due 3 months after the opening, soon within 15 days, on time on its last day, late the next', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-03-20').premierEntretien).toEqual({
      echeance: '2025-04-15',
      etat: 'a_venir',
    });
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-01').premierEntretien?.etat).toBe('bientot');
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-15').premierEntretien?.etat).toBe('bientot');
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-16').premierEntretien?.etat).toBe('en_retard');
  });

  it('clamps month ends: a résidence opened on 30 November has until 28 February', () => {
    expect(echeancesAvantRelogement(ouverte('2024-11-30'), r, '2025-01-01').premierEntretien?.echeance).toBe('2025-02-28');
  });

  it('is done once completed, and unknown while the résidence has no opening date', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-05-02' }), r, '2025-06-01').premierEntretien).toEqual(
      { echeance: '2025-04-15', etat: 'fait' },
    );
    expect(
      echeancesAvantRelogement({ dateOuvertureResidence: null, premierEntretienLe: null, dernierContact: null }, r, '2025-06-01'),
    ).toEqual({ premierEntretien: null, contact: null });
  });

  it('follows the territory’s parameters, whose values it shares', () => {
    const parametres = reglagesEcheancesSchema.parse({
      delaiPremiersEntretiensMois: 2,
      cadenceContactMois: PARAMETRES_PAR_DEFAUT.cadenceContactMois,
    });
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), parametres, '2025-03-20').premierEntretien).toEqual({
      echeance: '2025-03-15',
      etat: 'en_retard',
    });
    expect(reglagesEcheancesSchema.safeParse({ cadenceContactMois: 0 }).error?.issues[0]?.message).toBe('Au moins 1 mois.');
  });
});

describe('contact at least every 3 months', () => {
  it('counts from the latest of the last contact and the first interview, else from the opening', () => {
    expect(echeancesAvantRelogement(ouverte('2025-01-15'), r, '2025-04-20').contact).toEqual({ echeance: '2025-04-15', etat: 'en_retard' });
    expect(echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-03-01' }), r, '2025-04-20').contact).toEqual({
      echeance: '2025-06-01',
      etat: 'a_venir',
    });
    expect(
      echeancesAvantRelogement(ouverte('2025-01-15', { premierEntretienLe: '2025-03-01', dernierContact: '2025-05-10' }), r, '2025-08-01')
        .contact,
    ).toEqual({ echeance: '2025-08-10', etat: 'bientot' });
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
        {
          miseADisposition: { date: '2025-04-17', heure: null },
          candidatsIdentifies: { date: '2025-04-25', heure: '16:00' },
          dossiersRecusLe: '2025-05-02',
          caleolLe: null,
        },
        REGLAGES_PLATEFORME_PAR_DEFAUT,
      ),
    ).toEqual([
      {
        etape: 'designation',
        libelle: 'Désignation des candidats ou restitution de l’offre',
        echeance: { date: '2025-05-05', heure: null },
      },
      { etape: 'identificationMous', libelle: 'Identification des candidats par les MOUS', echeance: { date: '2025-04-29', heure: null } },
      {
        etape: 'designationApresIdentification',
        libelle: 'Désignation des candidats au bailleur',
        echeance: { date: '2025-04-28', heure: '16:00' },
      },
      { etape: 'appelPieces', libelle: 'Appel des pièces et date de CALEOL', echeance: { date: '2025-05-19', heure: null } },
    ]);
  });
});

// AMP convention art. 10 (seed 000_…, « Article 10 : Commune de Marseille »): « la plateforme
// dispose ensuite d'un délai de 48h pour désigner les candidats au bailleur d'accueil ».
describe('the platform’s « 48 h », a territory setting (AMP art. 10)', () => {
  const identifies = (date: string, heure: string | null) => ({
    miseADisposition: { date: '2025-04-17', heure: null },
    candidatsIdentifies: { date, heure },
    dossiersRecusLe: null,
    caleolLe: null,
  });
  const designation = (e: ReturnType<typeof identifies>, unite: 'heures' | 'heures-ouvrees') =>
    echeancesPlateforme(
      e,
      reglagesTerritoireSchema.parse({ id: 'territoire', plateforme: { designationApresIdentification: { nombre: 48, unite } } })
        .plateforme,
    ).find((x) => x.etape === 'designationApresIdentification')?.echeance;

  it('reads calendar hours by default: the territory’s settings carry it', () => {
    expect(REGLAGES_TERRITOIRE_PAR_DEFAUT.plateforme.designationApresIdentification).toEqual({ nombre: 48, unite: 'heures' });
  });

  it('three candidates identified Friday 25 April 2025 at 16:00: calendar hours end Monday 28 at 16:00 (Sunday moved on), working hours Tuesday 29 at 16:00', () => {
    expect(designation(identifies('2025-04-25', '16:00'), 'heures')).toEqual({ date: '2025-04-28', heure: '16:00' });
    expect(designation(identifies('2025-04-25', '16:00'), 'heures-ouvrees')).toEqual({ date: '2025-04-29', heure: '16:00' });
  });

  it('in working hours, Thursday 1 May 2025 at 09:00 (a holiday) counts from Friday 2 May: Monday 5 May, end of day', () => {
    expect(designation(identifies('2025-05-01', '09:00'), 'heures-ouvrees')).toEqual({ date: '2025-05-05', heure: null });
    expect(designation(identifies('2025-05-01', '09:00'), 'heures')).toEqual({ date: '2025-05-05', heure: '09:00' });
  });

  it('on a Tuesday both readings agree: 48 h from Tuesday 13 May 2025 10:30 end Thursday 15 at 10:30', () => {
    expect(designation(identifies('2025-05-13', '10:30'), 'heures')).toEqual({ date: '2025-05-15', heure: '10:30' });
    expect(designation(identifies('2025-05-13', '10:30'), 'heures-ouvrees')).toEqual({ date: '2025-05-15', heure: '10:30' });
  });

  it('refuses a reading in days for the 48 h', () => {
    expect(
      reglagesTerritoireSchema.safeParse({
        id: 'territoire',
        plateforme: { designationApresIdentification: { nombre: 48, unite: 'jours' } },
      }).error?.issues[0]?.message,
    ).toBe('Les 48 h se lisent en heures calendaires ou en heures ouvrées.');
  });
});
