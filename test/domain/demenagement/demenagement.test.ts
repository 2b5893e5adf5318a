import { describe, expect, it } from 'vitest';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  REGLAGES_REUNIONS_PAR_DEFAUT,
  REGLAGES_SUIVI_PAR_DEFAUT,
  agenda,
  demenagementSchema,
  echeanceRemboursement,
  posteDe,
  reglementCaution,
  rembourseHorsDelai,
  remboursementsAttendus,
  verifierDemenagement,
} from '../../../src/domain/index.ts';

// The move and its costs (charte §3.2, §3.3): « le déménagement ne doit rien coûter aux
// locataires »; meters, subscriptions, « frais de transfert du courrier postal pendant 6 mois et
// éventuellement le changement de plaque d'immatriculation » by the demolishing landlord, « un
// chèque de remboursement est remis au ménage sur présentation de la facture ou de l'appel de
// paiement dans un délai de 8 jours »; deposits « transférées en l'état », the difference settled
// between landlords; refitting of kitchen or bathroom in the landlord's lump sum; the removal
// firm mandated by the landlord.

const menageId = '0190a6e0-0000-7000-8000-000000000001';
const id = '0190a6e0-0000-7000-8000-000000000091';
const propositionId = '0190a6e0-0000-7000-8000-000000000092';
const vide = demenagementSchema.parse({ id, menageId, propositionId });
const delai = REGLAGES_PROPOSITION_PAR_DEFAUT.delaiRemboursement;

describe('the move checklist (charte §3.2, §3.3)', () => {
  it('starts with every line to do and the payer the charter names', () => {
    expect(posteDe(vide, 'demenageur')).toMatchObject({ etat: 'a_faire', payeur: 'bailleur_origine' });
    expect(posteDe(vide, 'forfait_prive').payeur).toBe('operateur');
  });

  it('pays the household back within 8 days of the invoice, calendar days counted as the charter’s other delays', () => {
    // Invoice handed in on Monday 2 June 2025: 8 days end on Tuesday 10 June.
    expect(echeanceRemboursement({ factureRemiseLe: '2025-06-02' }, delai)).toBe('2025-06-10');
    // Handed in on Friday 6 June 2025: the 8th day is Saturday 14 June, moved to Monday 16 June.
    expect(echeanceRemboursement({ factureRemiseLe: '2025-06-06' }, delai)).toBe('2025-06-16');
    expect(echeanceRemboursement({ factureRemiseLe: null }, delai)).toBeNull();
  });

  const courrier = demenagementSchema.parse({
    id,
    menageId,
    propositionId,
    postes: { courrier: { etat: 'fait', payeur: 'bailleur_origine', montant: 54, factureRemiseLe: '2025-06-02' } },
  });

  it('lists the invoices not yet paid back, and the agenda shows them late past the 8 days', () => {
    expect(remboursementsAttendus(courrier, delai)).toEqual([
      {
        poste: 'courrier',
        libelle: 'Transfert du courrier pendant 6 mois',
        montant: 54,
        factureRemiseLe: '2025-06-02',
        echeance: '2025-06-10',
      },
    ]);
    const dossier = {
      menageId,
      nom: 'Famille Carton',
      dateOuvertureResidence: null,
      entretiens: [],
      dernierContact: null,
      statut: 'reloge' as const,
      dateRelogement: '2025-05-30',
      visites: [],
      enquete: null,
      pieces: [],
      propositions: [],
      demenagements: [courrier],
    };
    const c = {
      aujourdhui: '2025-06-11',
      echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
      suivi: REGLAGES_SUIVI_PAR_DEFAUT,
      propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
      reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
    };
    const du = agenda([dossier], c).find((e) => e.nature === 'remboursement');
    expect(du).toMatchObject({ echeance: '2025-06-10', classe: 'en_retard' });
    // Amounts as French screens print them: a narrow no-break space before the euro sign.
    expect(du?.libelle.replace(/\s/g, ' ')).toBe('Rembourser le ménage : Transfert du courrier pendant 6 mois (54,00 €)');
    const rembourse = { ...courrier, postes: { courrier: { ...posteDe(courrier, 'courrier'), rembourseLe: '2025-06-12' } } };
    expect(remboursementsAttendus(rembourse, delai)).toEqual([]);
    expect(agenda([{ ...dossier, demenagements: [rembourse] }], c).some((e) => e.nature === 'remboursement')).toBe(false);
    expect(rembourseHorsDelai(posteDe(rembourse, 'courrier'), delai)).toBe(true);
  });

  it('settles the deposits between landlords: the household pays nothing, gets the difference back when the new one is lower', () => {
    // Host landlord asks 450 €, the household had paid 380 €: the landlord of origin adds 70 €.
    expect(reglementCaution(380, 450)).toEqual({
      verseAuBailleurAccueil: 450,
      complementBailleurOrigine: 70,
      rembourseAuMenage: 0,
      aPayerParLeMenage: 0,
    });
    // Host landlord asks 320.40 €, the household had paid 410.10 €: 89.70 € paid back to the household.
    expect(reglementCaution(410.1, 320.4)).toEqual({
      verseAuBailleurAccueil: 320.4,
      complementBailleurOrigine: 0,
      rembourseAuMenage: 89.7,
      aPayerParLeMenage: 0,
    });
  });

  it('says what is wrong in the dates, without refusing the record', () => {
    const faux = demenagementSchema.parse({
      id,
      menageId,
      propositionId,
      demenageLe: '2025-05-01',
      postes: { carte_grise: { rembourseLe: '2025-06-01' } },
    });
    expect(verifierDemenagement(faux, '2025-05-30', '2025-06-11').map((e) => e.message)).toEqual([
      'Le déménagement ne peut pas précéder la signature du bail.',
      'Changement de carte grise : indiquez quand la facture a été remise.',
    ]);
  });

  it('refuses an unknown line or a negative amount at the boundary', () => {
    expect(demenagementSchema.safeParse({ id, menageId, propositionId, postes: { piscine: {} } }).success).toBe(false);
    expect(
      demenagementSchema.safeParse({ id, menageId, propositionId, postes: { compteurs: { montant: -5 } } }).error?.issues[0]?.message,
    ).toBe('Le montant de la facture ne peut pas être négatif.');
  });
});
