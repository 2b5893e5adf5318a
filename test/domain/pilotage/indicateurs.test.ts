import { describe, expect, it } from 'vitest';
import {
  agregatsSeulement,
  calculerPilotage,
  chargeParReferent,
  filtresPilotageSchema,
  periodeContenant,
  trimestresDe,
  verifierPeriode,
  type Chiffre,
  donneesPilotage,
  type EnregistrementsPilotage,
  type FiltresPilotage,
  type RapportPilotage,
} from '../../../src/domain/index.ts';
import {
  CLAIRE,
  ID_OPERATION_B,
  KARIM,
  ORGANISATION_A,
  ORGANISATION_B,
  SOFIA,
  TERRITOIRE,
  TRIMESTRE,
  idMenage,
} from '../../fixtures/pilotage.ts';

// The steering figures (AMP art. 12; charte §2.3 C, §3.6, §5.3, §7.1) on the hand-built fixture of
// test/fixtures/pilotage.ts: 30 households, two organisations, two operations, first quarter 2026.

const filtres = (champs: Partial<FiltresPilotage> = {}): FiltresPilotage => filtresPilotageSchema.parse({ periode: TRIMESTRE, ...champs });
const rapport = (d: EnregistrementsPilotage, champs: Partial<FiltresPilotage> = {}, offresProposeesSeulement = false) =>
  calculerPilotage(donneesPilotage(d), filtres(champs), { offresProposeesSeulement });
const chiffre = (r: RapportPilotage, code: string): Chiffre => {
  const c = r.chiffres.find((x) => x.code === code);
  if (!c) throw new Error(`pas de chiffre ${code}`);
  return c;
};
const valeurs = (r: RapportPilotage) => Object.fromEntries(r.chiffres.map((c) => [c.code, c.valeur]));
const lignes = (r: RapportPilotage, code: string) => r.tableaux.find((t) => t.code === code)?.lignes;

describe('the territory’s first quarter 2026 (both organisations)', () => {
  const r = rapport(TERRITOIRE);

  it('counts the dwellings made available and the relocations at the lease signature (AMP art. 12)', () => {
    // Made available in the quarter: A's 2, 3, 4, 5, 13 (31 March), 14, 15; B's 7, 8, 9, 10, 12 = 12.
    // Offer 1 (December), 6 (no date), 11, 17, 18 (2025) and 16 (1 April) are out.
    expect(chiffre(r, 'logements').valeur).toBe(12);
    // Leases signed: households 1 to 6 (4 on 31 March, the last day of the quarter) and 19 to 22 = 10;
    // household 7 signed on 20 December 2025, household 23 on 1 April 2026.
    expect(chiffre(r, 'relogements').valeur).toBe(10);
    expect(chiffre(r, 'relogements').menageIds).toContain(idMenage(4));
    expect(chiffre(r, 'relogements').menageIds).not.toContain(idMenage(23));
    // 10 ÷ 12 = 83,33 % shown 83,3 %.
    expect(chiffre(r, 'transformation')).toMatchObject({ valeur: 83.3, numerateur: 10, denominateur: 12, raison: null });
  });

  it('splits the refusals between the household and the CALEOL (AMP art. 12)', () => {
    // Household 9 refused offer 15 on 5 March; household 10 its 2nd offer on 25 January (its 1st
    // refusal, in November 2025, is out); the CALEOL refused household 8 on 12 February.
    expect(chiffre(r, 'refusMenage')).toMatchObject({ valeur: 2, menageIds: [idMenage(9), idMenage(10)].sort() });
    expect(chiffre(r, 'refusCaleol')).toMatchObject({ valeur: 1, menageIds: [idMenage(8)] });
    expect(chiffre(r, 'refusPartenaires').valeur).toBe(0);
  });

  it('averages the delay from making available to the lease (AMP art. 12)', () => {
    // 45 (1 Dec → 15 Jan) + 31 + 31 + 30 + 37 (1 Feb → 10 Mar, February has 28 days) + 31 + 28 + 18 + 28
    // = 279 days over the 9 relocations whose dwelling has an availability date (offer 6 has none): 31.
    expect(chiffre(r, 'delai')).toMatchObject({ valeur: 31, numerateur: 279, denominateur: 9 });
  });

  it('finds exactly 40 % of relocations into new or < 5-year housing, the objective met (charte §2.3 C)', () => {
    // Offer 1 first let 1 June 2023, offer 3 conventionné 1 September 2022, offer 7 first let
    // 1 September 2025, offer 8 to be first let in June 2026 (new): 4 of 10.
    expect(chiffre(r, 'neufRecent')).toMatchObject({
      valeur: 40,
      numerateur: 4,
      denominateur: 10,
      atteint: true,
      objectif: { sens: 'au_moins', valeur: 40 },
    });
  });

  it('counts the relocations outside QPV among those whose neighbourhood is known', () => {
    // Offers 2, 3, 5, 7, 8 are outside QPV; offer 6 is not filled in: 5 of 9 = 55,6 %.
    expect(chiffre(r, 'horsQpv')).toMatchObject({ valeur: 55.6, numerateur: 5, denominateur: 9 });
  });

  it('counts an interbailleur relocation when the host landlord is not the one of the résidence left (charte §2.3)', () => {
    // Household 3 (Peupliers, Habitat Nord) into Logis Sud's offer 3; household 20 (Tilleuls, Logis
    // Sud) into Habitat Nord's offer 8: 2 of 10 = 20 %, under the 30 % of the 70/30 split.
    expect(chiffre(r, 'interbailleur')).toMatchObject({ valeur: 20, atteint: false, menageIds: [idMenage(3), idMenage(20)].sort() });
  });

  it('counts the proposals and the household’s refusals by rank, and the mediations (charte §5.3)', () => {
    // Proposed in the quarter and reaching the household: 8 of A (2, 3, 4, 5, 6, 9, 10's 2nd and
    // 3rd) and 5 of B; the CALEOL's refusal of household 8 does not use up a proposal.
    expect(chiffre(r, 'propositions').valeur).toBe(13);
    expect(lignes(r, 'propositionsParRang')).toEqual([
      ['1re', 11, 1],
      ['2e', 1, 1],
      ['3e', 1, 0],
      ['4e et suivantes', 0, 0],
    ]);
    expect(chiffre(r, 'mediations')).toMatchObject({ valeur: 1, menageIds: [idMenage(10)] });
  });

  it('averages the change of reste à charge, taux d’effort and reste à vivre from the simulations kept with the signed proposals (charte §7.1)', () => {
    // Households 1, 2, 19, 21: RAC −50, +30, −50, +60 → −10 / 4 = −2,50 €; TE −5, +3, −2,5, +6 →
    // 1,5 / 4 = 0,375 shown 0,4 point; RAV +2, −1, +2,5, −3 → 0,5 / 4 = 0,125 shown 0,13 €.
    expect(chiffre(r, 'evolutionRac')).toMatchObject({ valeur: -2.5, denominateur: 4 });
    expect(chiffre(r, 'evolutionTe').valeur).toBe(0.4);
    expect(chiffre(r, 'evolutionRav').valeur).toBe(0.13);
    expect(lignes(r, 'variationRav')).toEqual([
      ['Baisse de plus de 2 €', 1],
      ['Baisse jusqu’à 2 €', 1],
      ['Stable ou hausse jusqu’à 2 €', 1],
      ['Hausse de plus de 2 €', 1],
    ]);
  });

  it('counts the satisfaction surveys at 6 months and the share satisfied with the new home (charte §4 step 14)', () => {
    // Households 11 (4/4), 12 (2/4), 25 (3/4): 3 surveys, 2 satisfied = 66,7 %.
    expect(chiffre(r, 'enquetes').valeur).toBe(3);
    expect(chiffre(r, 'satisfaction')).toMatchObject({ valeur: 66.7, numerateur: 2, denominateur: 3 });
  });

  it('breaks dwellings and relocations down by their characteristics (AMP art. 12, flux art. 6)', () => {
    expect(lignes(r, 'repartition-commune')).toEqual([
      ['Lille', 4, 5],
      ['Roubaix', 4, 2],
      ['Tourcoing', 4, 3],
    ]);
    expect(lignes(r, 'repartition-qpv')).toEqual([
      ['En QPV', 6, 4],
      ['Hors QPV', 6, 5],
      ['Non renseigné', 0, 1],
    ]);
    expect(lignes(r, 'relogementsParTrimestre')).toEqual([['T1 2026', 10]]);
  });

  it('is the sum of the two organisations for the counts', () => {
    const a = rapport(ORGANISATION_A);
    const b = rapport(ORGANISATION_B);
    for (const code of ['logements', 'relogements', 'refusMenage', 'refusCaleol', 'propositions', 'mediations', 'enquetes']) {
      expect((chiffre(a, code).valeur ?? 0) + (chiffre(b, code).valeur ?? 0), code).toBe(chiffre(r, code).valeur);
    }
  });
});

describe('each organisation and each operation', () => {
  it('gives Habitat Nord its own figures', () => {
    // 7 dwellings, 6 relocations (1 to 6) = 85,7 %; recent 1 and 3 = 33,3 %, under 40 %;
    // delay (45 + 31 + 31 + 30 + 37) / 5 = 34,8 days; outside QPV 2, 3, 5 of 5 known = 60 %.
    expect(valeurs(rapport(ORGANISATION_A))).toMatchObject({
      logements: 7,
      relogements: 6,
      transformation: 85.7,
      neufRecent: 33.3,
      delai: 34.8,
      horsQpv: 60,
      interbailleur: 16.7,
    });
    expect(chiffre(rapport(ORGANISATION_A), 'neufRecent').atteint).toBe(false);
  });

  it('gives the operation Les Tilleuls the dwellings proposed to its households', () => {
    // Offers 7, 8, 9, 10, 12; leases 19 to 22; delay (31 + 28 + 18 + 28) / 4 = 26,25 shown 26,3.
    expect(valeurs(rapport(TERRITOIRE, { operationId: ID_OPERATION_B }))).toMatchObject({
      logements: 5,
      relogements: 4,
      transformation: 80,
      neufRecent: 50,
      delai: 26.3,
    });
  });

  it('filters on the dwelling: a type, a financing, in or out of QPV', () => {
    expect(valeurs(rapport(TERRITOIRE, { typologie: 'T4' }))).toMatchObject({ logements: 2, relogements: 2, neufRecent: 100 });
    expect(valeurs(rapport(TERRITOIRE, { financement: 'PLAI' }))).toMatchObject({ logements: 3, relogements: 3 });
    expect(valeurs(rapport(TERRITOIRE, { qpv: false }))).toMatchObject({ relogements: 5, horsQpv: 100 });
    expect(valeurs(rapport(TERRITOIRE, { bailleur: 'logis sud' }))).toMatchObject({ relogements: 4 });
  });
});

describe('a landlord’s own report: its dwellings, whoever relocated there (AMP art. 12 and annex 4)', () => {
  // Each offer keeps its landlord's organisation, matched when it was typed (offre.bailleurId).
  const [HABITAT_NORD, LOGIS_SUD] = ['00000000-0000-4000-8000-0000000b0a01', '00000000-0000-4000-8000-0000000b0a02'];
  const d = donneesPilotage({
    ...TERRITOIRE,
    offres: TERRITOIRE.offres.map((o) => ({ ...o, bailleurId: o.bailleur === 'Habitat Nord' ? HABITAT_NORD : LOGIS_SUD })),
  });
  const duBailleur = (bailleurId: string) => calculerPilotage(d, filtres(), { offresProposeesSeulement: false, bailleurId });

  it('counts the relocations into its dwellings made by another organisation, and not its households’ elsewhere', () => {
    // Habitat Nord's dwellings made available in the quarter: its 2, 4, 5, 13, 14, 15 and offer 8,
    // typed by Logis Sud = 7. Leases: households 1, 2, 4, 5, 6 and Logis Sud's household 20 (offer 8,
    // from the Tilleuls: interbailleur) = 6, 85,7 %; its own household 3, into Logis Sud's offer 3,
    // is Logis Sud's. Recent: offers 1 and 8 = 33,3 %; outside QPV 2, 5, 8 of 5 known = 60 %;
    // delay (45 + 31 + 30 + 37 + 28) / 5 = 34,2 days (offer 6 has no date); interbailleur 1 of 6.
    // Refusals on its dwellings: the CALEOL's on offer 14; the households' on 15 and 18.
    const r = duBailleur(HABITAT_NORD);
    expect(valeurs(r)).toMatchObject({
      logements: 7,
      relogements: 6,
      transformation: 85.7,
      neufRecent: 33.3,
      horsQpv: 60,
      delai: 34.2,
      interbailleur: 16.7,
      refusCaleol: 1,
      refusMenage: 2,
    });
    expect(chiffre(r, 'relogements').menageIds).toContain(idMenage(20));
    expect(chiffre(r, 'relogements').menageIds).not.toContain(idMenage(3));
    // Logis Sud's: offers 3 (typed by Habitat Nord), 7, 9, 10, 12; leases 3, 19, 21, 22, as the territory filtered on it.
    expect(valeurs(duBailleur(LOGIS_SUD))).toMatchObject({ logements: 5, relogements: 4 });
    expect(valeurs(duBailleur(LOGIS_SUD))).toMatchObject(
      valeurs(calculerPilotage(d, filtres({ bailleur: 'Logis Sud' }), { offresProposeesSeulement: false })),
    );
  });

  it('leaves out the operations’ relocation plans, which are not its stock', () => {
    expect(lignes(rapport(TERRITOIRE), 'realiseContrePrevu')).toBeDefined();
    expect(lignes(duBailleur(HABITAT_NORD), 'realiseContrePrevu')).toBeUndefined();
  });
});

describe('the period', () => {
  it('puts a lease signed on the last day of a quarter in that quarter, and the next day in the next', () => {
    const t2 = periodeContenant('trimestre', '2026-05-10');
    expect(t2).toEqual({ debut: '2026-04-01', fin: '2026-06-30' });
    expect(chiffre(rapport(TERRITOIRE, { periode: t2 }), 'relogements').menageIds).toEqual([idMenage(23)]);
    expect(periodeContenant('mois', '2026-02-14')).toEqual({ debut: '2026-02-01', fin: '2026-02-28' });
    expect(periodeContenant('annee', '2026-02-14')).toEqual({ debut: '2026-01-01', fin: '2026-12-31' });
    expect(trimestresDe({ debut: '2025-12-15', fin: '2026-04-02' }).map((t) => t.libelle)).toEqual(['T4 2025', 'T1 2026', 'T2 2026']);
  });

  it('refuses a period whose end is before its start, in French', () => {
    expect(verifierPeriode({ debut: '2026-03-31', fin: '2026-01-01' })).toBe(
      'La fin de la période précède son début : corrigez l’une des deux dates.',
    );
    expect(verifierPeriode({ debut: '2026-02-30', fin: '2026-03-01' })).toMatch(/^Date de début invalide/);
    expect(verifierPeriode(TRIMESTRE)).toBeNull();
  });
});

describe('nothing to count', () => {
  it('says the filter matches nothing and gives no rate rather than NaN or Infinity', () => {
    const r = rapport(TERRITOIRE, { commune: 'Dunkerque' });
    expect(r.vide).toBe(true);
    for (const c of r.chiffres) expect(c.valeur === null || Number.isFinite(c.valeur), c.code).toBe(true);
    expect(chiffre(r, 'transformation')).toMatchObject({ valeur: null, raison: 'aucun logement mis à disposition dans la période' });
    expect(chiffre(r, 'neufRecent')).toMatchObject({ valeur: null, raison: 'aucun relogement dans la période', atteint: null });
    expect(chiffre(r, 'satisfaction').raison).toBe('aucune enquête réalisée notant le logement dans la période');
  });
});

describe('what partners receive and the caseloads', () => {
  it('strips every household identifier from a report of aggregates only', () => {
    const r = agregatsSeulement(rapport(TERRITOIRE));
    expect(JSON.stringify(r)).not.toMatch(/0190a6e0-0000-7000-8001/);
    expect(chiffre(r, 'relogements').valeur).toBe(10);
  });

  it('counts the open households of each chargé against the 60 of charte §3.6', () => {
    const noms = new Map([
      [CLAIRE, 'Claire'],
      [KARIM, 'Karim'],
      [SOFIA, 'Sofia'],
    ]);
    // Claire follows 1 to 15 but 11 is closed: 14; Karim 16 to 18; Sofia 19 to 30.
    expect(chargeParReferent(TERRITOIRE.menages, noms, 60)).toEqual([
      { referentId: CLAIRE, nom: 'Claire', menages: 14, depasse: false },
      { referentId: SOFIA, nom: 'Sofia', menages: 12, depasse: false },
      { referentId: KARIM, nom: 'Karim', menages: 3, depasse: false },
    ]);
    expect(chargeParReferent(TERRITOIRE.menages, noms, 12).find((c) => c.nom === 'Claire')?.depasse).toBe(true);
  });
});
