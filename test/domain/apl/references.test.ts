import { describe, expect, it } from 'vitest';
import { estimerAide } from '../../../src/domain/apl/index.ts';

// Reference cases transcribed from the two public formalisations of the locatif aid:
// - openfisca/openfisca-france at a7038ee4: the amount to the cent that its tests expect
//   (`apl`/`als`/`alf`), with the resource base and zone that the same tests output;
// - CatalaLang/catala-examples at d15b3dc, folder aides_logement/tests: Catala's "montant"
//   (the aid with its CRDS, the net rounded down to the euro), and the intermediate figures the
//   examples assert;
// - the same Catala formalisation as published in JS (@catala-lang/french-law 0.10.0,
//   calculetteAidesAuLogement) evaluated on inputs chosen to exercise the taper, for months whose
//   resources stay under R0 (that build lags the repository on the rent rate TL).
// "verse" is what the text pays in whole euros. For OpenFisca cases it is the whole euros below
// OpenFisca's net (D823-16 rounds down where OpenFisca rounds to the cent), except where the
// text's AL threshold applies; for Catala cases it is Catala's montant less its CRDS.

type Cas = {
  source: string;
  entree: Record<string, unknown>;
  openfisca?: number;
  verse: number;
  catala?: { montant: number; participationPersonnelle?: number; plafondLoyer?: number; forfaitCharges?: number };
};

const LEXIMPACT = 'openfisca-france tests/leximpact/2024/';
const REFORME_2021 = 'openfisca-france tests/formulas/aides_logement_reforme_janvier_2021.yaml';
const CATALA_APL = 'catala-examples aides_logement/tests/tests_calcul_apl_locatif.catala_fr';
const CATALA_AL = 'catala-examples aides_logement/tests/tests_calcul_al_locatif.catala_fr';
const CATALA_JS = '@catala-lang/french-law 0.10.0 (formalisation Catala aides_logement), calculetteAidesAuLogement';

const monoparent = {
  dispositif: 'APL',
  zone: 3,
  couple: false,
  personnesACharge: 1,
  loyer: 400,
  ressourcesAnnuelles: 12_600,
  bailleurSocial: true,
} as const;
const aah = {
  dispositif: 'ALS',
  zone: 2,
  couple: false,
  personnesACharge: 0,
  loyer: 850,
  ressourcesAnnuelles: 7_900,
  handicap: true,
} as const;
const smicParis = { dispositif: 'ALS', zone: 1, couple: false, personnesACharge: 0, loyer: 600, ressourcesAnnuelles: 15_700 } as const;
const chomeur = { dispositif: 'ALS', zone: 2, couple: false, personnesACharge: 0, loyer: 300, ressourcesAnnuelles: 0 } as const;
const meuble = {
  dispositif: 'ALS',
  zone: 2,
  couple: false,
  personnesACharge: 0,
  loyer: 700,
  ressourcesAnnuelles: 0,
  meuble: true,
} as const;
const coupleAss = { dispositif: 'ALS', zone: 2, couple: true, personnesACharge: 0, loyer: 800, ressourcesAnnuelles: 15_700 } as const;
const coupleAssEnfant = { dispositif: 'ALF', zone: 2, couple: true, personnesACharge: 1, loyer: 800, ressourcesAnnuelles: 15_700 } as const;
const troisEnfants = {
  dispositif: 'APL',
  zone: 1,
  couple: true,
  personnesACharge: 3,
  loyer: 800,
  ressourcesAnnuelles: 12_600,
  bailleurSocial: true,
} as const;
const smic08 = { dispositif: 'ALS', zone: 2, couple: false, personnesACharge: 0, loyer: 300, ressourcesAnnuelles: 12_600 } as const;
const rsa = {
  dispositif: 'APL',
  zone: 2,
  couple: false,
  personnesACharge: 1,
  loyer: 400,
  ressourcesAnnuelles: 0,
  bailleurSocial: true,
} as const;

const CAS: Cas[] = [
  {
    source: `${LEXIMPACT}famille_monoparentale_un_enfant_0.8_smic_d2.yml, 2024-01 (APL, RLS 61,42 €)`,
    entree: { mois: '2024-01', ...monoparent },
    openfisca: 211.18,
    verse: 211,
  },
  {
    source: `${LEXIMPACT}famille_monoparentale_un_enfant_0.8_smic_d2.yml, 2024-10`,
    entree: { mois: '2024-10', ...monoparent },
    openfisca: 223.75,
    verse: 223,
  },
  {
    source: `${LEXIMPACT}ZZZ_aah.yml, 2024-01 (loyer au-delà du plafond de dégressivité, exception handicap)`,
    entree: { mois: '2024-01', ...aah },
    openfisca: 207.33,
    verse: 207,
  },
  { source: `${LEXIMPACT}ZZZ_aah.yml, 2024-10`, entree: { mois: '2024-10', ...aah }, openfisca: 217, verse: 217 },
  {
    source: `${LEXIMPACT}ZZ_salarie_prive_cdd_1SMIC_effectifemployeur_3500.yml, 2024-01 (aide nulle)`,
    entree: { mois: '2024-01', ...smicParis },
    openfisca: 0,
    verse: 0,
  },
  {
    source: `${LEXIMPACT}ZZ_salarie_prive_cdd_1SMIC_effectifemployeur_3500.yml, 2024-10 (seuil AL de 10 € : OpenFisca le teste avant les 5 €, le texte après)`,
    entree: { mois: '2024-10', ...smicParis },
    openfisca: 5.35,
    verse: 0,
  },
  { source: `${LEXIMPACT}Z_chomeur_célibataire_d1.yml, 2024-01`, entree: { mois: '2024-01', ...chomeur }, openfisca: 291.98, verse: 291 },
  { source: `${LEXIMPACT}Z_chomeur_célibataire_d1.yml, 2024-10`, entree: { mois: '2024-10', ...chomeur }, openfisca: 301.65, verse: 301 },
  {
    source: `${LEXIMPACT}ass_01_personne_seule.yml, 2024-01 (meublé : loyer × 2/3)`,
    entree: { mois: '2024-01', ...meuble },
    openfisca: 291.98,
    verse: 291,
  },
  { source: `${LEXIMPACT}ass_01_personne_seule.yml, 2024-10`, entree: { mois: '2024-10', ...meuble }, openfisca: 301.65, verse: 301 },
  {
    source: `${LEXIMPACT}ass_02_couple_marie_salarie_secteur_prive_1_smic_conjoint_ass.yml, 2024-01`,
    entree: { mois: '2024-01', ...coupleAss },
    openfisca: 69.71,
    verse: 69,
  },
  {
    source: `${LEXIMPACT}ass_02_couple_marie_salarie_secteur_prive_1_smic_conjoint_ass.yml, 2024-10`,
    entree: { mois: '2024-10', ...coupleAss },
    openfisca: 81.4,
    verse: 81,
  },
  {
    source: `${LEXIMPACT}ass_02_couple_marie_salarie_secteur_prive_1_smic_conjoint_ass_1_enfant.yml, 2024-01 (ALF)`,
    entree: { mois: '2024-01', ...coupleAssEnfant },
    openfisca: 204.38,
    verse: 204,
  },
  {
    source: `${LEXIMPACT}ass_02_couple_marie_salarie_secteur_prive_1_smic_conjoint_ass_1_enfant.yml, 2024-10`,
    entree: { mois: '2024-10', ...coupleAssEnfant },
    openfisca: 217.87,
    verse: 217,
  },
  {
    source: `${LEXIMPACT}couple_1actif_1inactif_0.8_SMIC_3_enfants_d1.yml, 2024-01 (APL zone 1, RLS 96,87 €)`,
    entree: { mois: '2024-01', ...troisEnfants },
    openfisca: 424.22,
    verse: 424,
  },
  {
    source: `${LEXIMPACT}couple_1actif_1inactif_0.8_SMIC_3_enfants_d1.yml, 2024-10`,
    entree: { mois: '2024-10', ...troisEnfants },
    openfisca: 443.79,
    verse: 443,
  },
  {
    source: `${LEXIMPACT}csg_salaire_01_salarie_prive_0.8_SMIC_d2.yml, 2024-01`,
    entree: { mois: '2024-01', ...smic08 },
    openfisca: 60.71,
    verse: 60,
  },
  {
    source: `${LEXIMPACT}csg_salaire_01_salarie_prive_0.8_SMIC_d2.yml, 2024-10`,
    entree: { mois: '2024-10', ...smic08 },
    openfisca: 70.39,
    verse: 70,
  },
  {
    source: `${LEXIMPACT}rsa_01_seuil_rsa_inactif_d1.yml, 2024-01 (APL, RLS 66,06 €)`,
    entree: { mois: '2024-01', ...rsa },
    openfisca: 344.42,
    verse: 344,
  },
  { source: `${LEXIMPACT}rsa_01_seuil_rsa_inactif_d1.yml, 2024-10`, entree: { mois: '2024-10', ...rsa }, openfisca: 357.91, verse: 357 },
  {
    source: `${REFORME_2021}, Cas 2`,
    entree: { mois: '2021-01', dispositif: 'ALS', zone: 3, couple: false, personnesACharge: 0, loyer: 608, ressourcesAnnuelles: 6_900 },
    openfisca: 181.39,
    verse: 181,
  },
  {
    source: `${REFORME_2021}, Cas 3`,
    entree: { mois: '2021-01', dispositif: 'ALS', zone: 3, couple: false, personnesACharge: 0, loyer: 306, ressourcesAnnuelles: 9_600 },
    openfisca: 100.71,
    verse: 100,
  },
  {
    source: `${REFORME_2021}, Cas 4`,
    entree: { mois: '2021-01', dispositif: 'ALF', zone: 3, couple: true, personnesACharge: 2, loyer: 579.5, ressourcesAnnuelles: 21_600 },
    openfisca: 53.64,
    verse: 53,
  },
  {
    source: `${REFORME_2021}, Cas 6`,
    entree: { mois: '2021-01', dispositif: 'ALS', zone: 3, couple: false, personnesACharge: 0, loyer: 267.66, ressourcesAnnuelles: 12_500 },
    openfisca: 11.48,
    verse: 11,
  },
  {
    source: `${CATALA_APL}, Exemple1 (aide nulle)`,
    entree: { mois: '2022-02', dispositif: 'APL', zone: 1, couple: true, personnesACharge: 3, loyer: 700, ressourcesAnnuelles: 36_000 },
    verse: 0,
    catala: { montant: 0, participationPersonnelle: 714.35, plafondLoyer: 524.2, forfaitCharges: 91.09 },
  },
  {
    source: `${CATALA_APL}, Exemple2`,
    entree: { mois: '2022-04', dispositif: 'APL', zone: 2, couple: true, personnesACharge: 2, loyer: 425, ressourcesAnnuelles: 11_500 },
    verse: 351,
    catala: { montant: 352.77, participationPersonnelle: 130.63, plafondLoyer: 409.88, forfaitCharges: 78.8 },
  },
  {
    source: `${CATALA_APL}, Exemple3`,
    entree: { mois: '2022-01', dispositif: 'APL', zone: 3, couple: false, personnesACharge: 3, loyer: 408, ressourcesAnnuelles: 14_300 },
    verse: 320,
    catala: { montant: 321.61, participationPersonnelle: 172.22, plafondLoyer: 425.8, forfaitCharges: 91.09 },
  },
  {
    source: `${CATALA_APL}, Exemple4 (aide nulle)`,
    entree: { mois: '2022-02', dispositif: 'APL', zone: 1, couple: true, personnesACharge: 1, loyer: 680, ressourcesAnnuelles: 39_500 },
    verse: 0,
    catala: { montant: 0, participationPersonnelle: 1015.68, plafondLoyer: 406.3, forfaitCharges: 66.51 },
  },
  {
    source: `${CATALA_APL}, Exemple5`,
    entree: { mois: '2022-04', dispositif: 'APL', zone: 1, couple: false, personnesACharge: 0, loyer: 610, ressourcesAnnuelles: 2_700 },
    verse: 310,
    catala: { montant: 311.56, participationPersonnelle: 35.39, plafondLoyer: 298.07, forfaitCharges: 54.22 },
  },
  {
    source: `${CATALA_APL}, Exemple6 (aide nulle)`,
    entree: { mois: '2022-05', dispositif: 'APL', zone: 2, couple: true, personnesACharge: 0, loyer: 436, ressourcesAnnuelles: 19_500 },
    verse: 0,
    catala: { montant: 0, participationPersonnelle: 477.32, plafondLoyer: 317.97, forfaitCharges: 54.22 },
  },
  {
    source: `${CATALA_APL}, Exemple7 (6 personnes à charge)`,
    entree: { mois: '2022-02', dispositif: 'APL', zone: 2, couple: true, personnesACharge: 6, loyer: 527, ressourcesAnnuelles: 32_200 },
    verse: 153,
    catala: { montant: 153.77, participationPersonnelle: 496.1, plafondLoyer: 618.2, forfaitCharges: 127.96 },
  },
  {
    source: `${CATALA_APL}, Exemple8 (chambre)`,
    entree: {
      mois: '2022-04',
      dispositif: 'APL',
      zone: 1,
      couple: true,
      personnesACharge: 0,
      loyer: 310,
      ressourcesAnnuelles: 14_800,
      chambre: true,
    },
    verse: 11,
    catala: { montant: 11.06, participationPersonnelle: 306.36, plafondLoyer: 268.26, forfaitCharges: 54.22 },
  },
  {
    source: `${CATALA_APL}, Exemple9`,
    entree: { mois: '2022-06', dispositif: 'APL', zone: 1, couple: false, personnesACharge: 0, loyer: 400, ressourcesAnnuelles: 7_800 },
    verse: 210,
    catala: { montant: 211.06 },
  },
  {
    source: `${CATALA_AL}, Exemple1 (TL arrondi à 0,001 %)`,
    entree: { mois: '2021-09', dispositif: 'ALF', zone: 2, couple: true, personnesACharge: 2, loyer: 425, ressourcesAnnuelles: 11_500 },
    verse: 344,
    catala: { montant: 345.73 },
  },
  {
    source: `${CATALA_AL}, Exemple2`,
    entree: { mois: '2022-05', dispositif: 'ALF', zone: 2, couple: true, personnesACharge: 2, loyer: 425, ressourcesAnnuelles: 11_500 },
    verse: 351,
    catala: { montant: 352.77 },
  },
  {
    source: `${CATALA_JS}, 2024-10 : loyer de 850 € en zone 2, dégressivité sans exception`,
    entree: { mois: '2024-10', dispositif: 'ALS', zone: 2, couple: false, personnesACharge: 0, loyer: 850, ressourcesAnnuelles: 0 },
    verse: 67,
    catala: { montant: 67.34 },
  },
  {
    source: `${CATALA_JS}, 2025-03 : ALF zone 1, loyer de 1 700 €, dégressivité`,
    entree: { mois: '2025-03', dispositif: 'ALF', zone: 1, couple: true, personnesACharge: 2, loyer: 1_700, ressourcesAnnuelles: 9_000 },
    verse: 542,
    catala: { montant: 544.73 },
  },
  {
    source: `${CATALA_JS}, 2025-03 : APL meublée en zone 3 (loyer × 2/3, D823-18), sous le plafond de dégressivité`,
    entree: {
      mois: '2025-03',
      dispositif: 'APL',
      zone: 3,
      couple: false,
      personnesACharge: 1,
      loyer: 1_000,
      ressourcesAnnuelles: 8_000,
      meuble: true,
    },
    verse: 393,
    catala: { montant: 394.98 },
  },
  {
    source: `${CATALA_JS}, 2025-03 : même logement non meublé, dégressivité`,
    entree: { mois: '2025-03', dispositif: 'APL', zone: 3, couple: false, personnesACharge: 1, loyer: 1_000, ressourcesAnnuelles: 8_000 },
    verse: 239,
    catala: { montant: 240.2 },
  },
  {
    source: `${CATALA_JS}, 2025-03 : loyer de 1 400 € en zone 1, au-delà du plafond de suppression`,
    entree: { mois: '2025-03', dispositif: 'APL', zone: 1, couple: false, personnesACharge: 0, loyer: 1_400, ressourcesAnnuelles: 4_000 },
    verse: 0,
    catala: { montant: 0 },
  },
];

describe('reference cases of OpenFisca-France and Catala', () => {
  it.each(CAS)('$source', ({ entree, openfisca, verse, catala }) => {
    const r = estimerAide(entree);
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    if (openfisca !== undefined) expect(r.value.aide).toBe(openfisca);
    expect(r.value.montantVerse).toBe(verse);
    if (catala) {
      expect(r.value.texte.montantBrut).toBe(catala.montant);
      if (catala.participationPersonnelle !== undefined)
        expect(r.value.texte.participationPersonnelle).toBe(catala.participationPersonnelle);
      if (catala.plafondLoyer !== undefined) expect(r.value.plafondLoyer).toBe(catala.plafondLoyer);
      if (catala.forfaitCharges !== undefined) expect(r.value.forfaitCharges).toBe(catala.forfaitCharges);
    }
  });

  it('covers what the issue asks: 2021 to 2025, APL and AL, each zone, RLS, taper, furnished, nil aid', () => {
    const entrees = CAS.map(
      (c) => c.entree as { mois: string; dispositif: string; zone: number; bailleurSocial?: boolean; meuble?: boolean },
    );
    expect(CAS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(entrees.map((e) => e.mois.slice(0, 4)))).toEqual(new Set(['2021', '2022', '2024', '2025']));
    expect(new Set(entrees.map((e) => e.dispositif))).toEqual(new Set(['APL', 'ALF', 'ALS']));
    expect(new Set(entrees.map((e) => e.zone))).toEqual(new Set([1, 2, 3]));
    expect(entrees.some((e) => e.bailleurSocial)).toBe(true);
    expect(entrees.some((e) => e.meuble)).toBe(true);
    expect(CAS.some((c) => c.verse === 0)).toBe(true);
  });
});

describe('a worked example in the order of operations of OpenFisca (docs/apl.md), step by step', () => {
  it('lone parent, 1 child, zone 3, rent 400 €, R = 12 600 €, HLM, January 2024', () => {
    const r = estimerAide({ mois: '2024-01', ...monoparent });
    expect(r.ok && r.value).toMatchObject({
      plafondLoyer: 354.51,
      loyerRetenu: 354.51,
      forfaitCharges: 71.25,
      participationPersonnelle: 148.33,
      rls: 61.42,
      aide: 211.18,
    });
  });
});
