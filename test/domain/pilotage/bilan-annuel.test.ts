import { describe, expect, it } from 'vitest';
import {
  NON_RENSEIGNE,
  REFUS_BAILLEUR_INCONNU,
  REFUS_BILAN_ANNUEL,
  bilanAnnuelSchema,
  calculerPilotage,
  cleEntree,
  droitsBilanAnnuel,
  filtresPilotageSchema,
  fluxReservataires,
  idBilanAnnuel,
  objectifsBailleurs,
  partAttributions,
  refusChampBilan,
  tableauxBilanAnnuel,
  remplacerPartie,
  type BilanAnnuel,
  donneesPilotage,
  type DonneesPilotage,
} from '../../../src/domain/index.ts';
import { TERRITOIRE, idOffre } from '../../fixtures/pilotage.ts';

const organisation = (n: number) => `00000000-0000-4000-8000-0000000b0a0${n}`;
const [HABITAT_NORD, LOGIS_SUD, LOGIS_SUD_EST, METROPOLE] = [organisation(1), organisation(2), organisation(3), organisation(4)];

// The yearly review (bilan annuel) on the territory of test/fixtures/pilotage.ts, year 2026.
// Leases signed in 2026: into Habitat Nord's dwellings, households 1, 2, 4, 5, 6 (offers 1, 2, 4,
// 5, 6) and 20 (offer 8, from Logis Sud's Tilleuls: interbailleur) = 6; into Logis Sud's,
// household 3 (offer 3, from Habitat Nord's Peupliers: interbailleur), 19, 21, 22 and 23 (offers
// 7, 9, 10, 12; 23 signed on 1 April 2026) = 5. Household 7 signed in December 2025: not in 2026.

const TOUT = { offresProposeesSeulement: false };

const bilan2026 = (): BilanAnnuel => {
  let b = remplacerPartie(undefined, 2026, 'objectifs', [
    { organisationId: null, bailleur: 'Habitat Nord', objectif: 6 },
    { organisationId: null, bailleur: 'Logis Sud', objectif: 8 },
  ]);
  b = remplacerPartie(b, 2026, 'engagementsFlux', [
    { reservataire: 'Action Logement', engagement: 2 },
    { reservataire: 'Ville de Tourcoing', engagement: 2 },
  ]);
  return remplacerPartie(b, 2026, 'attributions', [
    {
      organisationId: null,
      bailleur: 'Habitat Nord',
      attributions: 50,
      saisiLe: '2027-01-20',
      source: 'Bilan annuel des attributions 2026',
    },
    { organisationId: null, bailleur: 'Vilogia', attributions: 20, saisiLe: '2027-01-22', source: 'Courriel du bailleur' },
  ]);
};

// Offers 7 and 9 come from Action Logement's flux, offer 12 from the town's (convention de
// gestion en flux, art. 3: the making available counts towards the commitment).
const reservataires: Record<string, string> = {
  [idOffre(7)]: 'Action Logement',
  [idOffre(9)]: 'ACTION LOGEMENT',
  [idOffre(12)]: 'Ville de Tourcoing',
};
const donnees = (bilans: BilanAnnuel[] = [bilan2026()]): DonneesPilotage =>
  donneesPilotage({
    ...TERRITOIRE,
    offres: TERRITOIRE.offres.map((o) => ({ ...o, reservataire: reservataires[o.id] ?? '' })),
    bilansAnnuels: bilans,
  });

describe('the landlords’ yearly objectives (convention de mutualisation AMP, art. 3 and annexe 4)', () => {
  it('sets each objective against the leases signed that year in the landlord’s dwellings, met or not', () => {
    const t = objectifsBailleurs(donnees(), 2026, TOUT);
    // Habitat Nord: 6 relocations for an objective of 6, met; Logis Sud: 5 for 8, 3 short.
    expect(t?.lignes).toEqual([
      ['Habitat Nord', 6, 6, 0, 'atteint'],
      ['Logis Sud', 8, 5, -3, 'non atteint'],
    ]);
    expect(t?.source).toBe('Convention de mutualisation AMP, art. 3 et annexe 4');
  });

  it('shows nothing for a year without objectives, and counts only that year’s leases', () => {
    expect(objectifsBailleurs(donnees(), 2025, TOUT)).toBeNull();
    const b2025 = remplacerPartie(undefined, 2025, 'objectifs', [{ organisationId: null, bailleur: 'habitat nord', objectif: 1 }]);
    // 2025: household 7's lease on 20 December into offer 11 (Habitat Nord), written in lower case.
    expect(objectifsBailleurs(donnees([bilan2026(), b2025]), 2025, TOUT)?.lignes).toEqual([['habitat nord', 1, 1, 0, 'atteint']]);
  });
});

describe('the yearly review of each réservataire’s flux commitments (convention de gestion en flux, art. 6)', () => {
  it('sets each commitment against the dwellings of its flux made available that year, and the leases signed on them', () => {
    // Action Logement: offers 7 (5 January) and 9 (2 January) = 2 for 2, leases 19 and 21, met.
    // Ville de Tourcoing: offer 12 (5 March) = 1 for 2, lease 23 (1 April 2026), not met.
    expect(fluxReservataires(donnees(), 2026, TOUT)?.lignes).toEqual([
      ['Action Logement', 2, 2, 2, 0, 'atteint'],
      ['Ville de Tourcoing', 2, 1, 1, -1, 'non atteint'],
    ]);
  });
});

describe('the share of the landlords’ lettings given to relocation (charte §2.3 and §5.3, 11 %)', () => {
  it('divides the year’s relocations by the total lettings typed, and says when the total is missing', () => {
    const t = partAttributions(donnees(), 2026, TOUT);
    expect(t?.lignes).toEqual([
      // 6 ÷ 50 = 12 % ≥ 11 %: met; one of them interbailleur (household 20).
      ['Habitat Nord', 6, 1, 50, 'le 20 janvier 2027 (Bilan annuel des attributions 2026)', 12, 'atteint'],
      // No total typed: no share, the row says why rather than a number.
      ['Logis Sud', 5, 1, null, NON_RENSEIGNE, null, NON_RENSEIGNE],
      // A total typed without any relocation: 0 ÷ 20 = 0 %, not met.
      ['Vilogia', 0, 0, 20, 'le 22 janvier 2027 (Courriel du bailleur)', 0, 'non atteint'],
    ]);
  });

  it('is part of the report of the year holding the period’s end, on the tablet and the server alike', () => {
    const r = calculerPilotage(donnees(), filtresPilotageSchema.parse({ periode: { debut: '2026-01-01', fin: '2026-03-31' } }), TOUT);
    expect(r.tableaux.map((t) => t.code)).toEqual(expect.arrayContaining(['objectifsBailleurs', 'fluxReservataires', 'partAttributions']));
    expect(r.tableaux.find((t) => t.code === 'partAttributions')?.lignes[1]?.[6]).toBe(NON_RENSEIGNE);
  });

  it('counts the whole year whatever the report’s period and filters', () => {
    const bilan = (f: object) =>
      calculerPilotage(donnees(), filtresPilotageSchema.parse(f), TOUT).tableaux.filter((t) =>
        ['objectifsBailleurs', 'fluxReservataires', 'partAttributions'].includes(t.code),
      );
    const annee = bilan({ periode: { debut: '2026-01-01', fin: '2026-12-31' } });
    expect(annee.find((t) => t.code === 'objectifsBailleurs')?.lignes.map((l) => l[2])).toEqual([6, 5]);
    expect(bilan({ periode: { debut: '2026-10-01', fin: '2026-12-31' } })).toEqual(annee);
    expect(bilan({ periode: { debut: '2026-01-01', fin: '2026-03-31' }, typologie: 'T3' })).toEqual(annee);
    expect(bilan({ periode: { debut: '2025-12-01', fin: '2026-02-28' }, bailleur: 'Logis Sud' })).toEqual(annee);
  });

  it('merges the review kept by the métropole with a landlord’s own total', () => {
    const metropole = remplacerPartie(undefined, 2026, 'objectifs', [{ organisationId: null, bailleur: 'Logis Sud', objectif: 5 }]);
    const logisSud = remplacerPartie(undefined, 2026, 'attributions', [
      { organisationId: null, bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' },
    ]);
    const d = donnees([metropole, logisSud]);
    expect(objectifsBailleurs(d, 2026, TOUT)?.lignes).toEqual([['Logis Sud', 5, 5, 0, 'atteint']]);
    // 5 ÷ 45 = 11,1 %: met.
    expect(
      partAttributions(d, 2026, TOUT)
        ?.lignes.find((l) => l[0] === 'Logis Sud')
        ?.slice(5),
    ).toEqual([11.1, 'atteint']);
  });
});

describe('the year’s record', () => {
  it('keys each entry by name, case and accents aside, and refuses a negative or missing figure in French', () => {
    const b = bilan2026();
    expect(b.id).toBe(idBilanAnnuel(2026));
    expect(Object.keys(b.objectifs)).toEqual(['habitat-nord', 'logis-sud']);
    expect(cleEntree('  LOGIS  Süd ')).toBe('logis-sud');
    const negatif = bilanAnnuelSchema.safeParse({ ...b, objectifs: { x: { organisationId: null, bailleur: 'X', objectif: -1 } } });
    expect(negatif.error?.issues[0]?.message).toBe('Objectif de relogements : le nombre ne peut pas être négatif.');
    const sansSource = bilanAnnuelSchema.safeParse({
      ...b,
      attributions: { x: { organisationId: null, bailleur: 'X', attributions: 3, saisiLe: '2027-01-01', source: ' ' } },
    });
    expect(sansSource.error?.issues[0]?.message).toMatch(/^Indiquez la source du chiffre/);
  });

  it('lets the métropole, the State or the platform type every part, a landlord (encadrant or partner) only its own total lettings, by organisation id', () => {
    const territoire = (organisationId: string) => ({ organisationId, territoire: true });
    const metropole = droitsBilanAnnuel('encadrant', 'metropole');
    const objectif = { organisationId: LOGIS_SUD, bailleur: 'Logis Sud', objectif: 3 };
    expect(refusChampBilan(metropole, territoire(METROPOLE), `objectifs.${LOGIS_SUD}`, objectif)).toBeNull();
    expect(refusChampBilan(droitsBilanAnnuel('administrateur', 'plateforme'), territoire(METROPOLE), 'engagementsFlux.x', null)).toBeNull();
    // In a territory a landlord's entry names its organisation, under its id: never under a name.
    expect(refusChampBilan(metropole, territoire(METROPOLE), 'objectifs.logis-sud', { ...objectif, organisationId: null })).toBe(
      REFUS_BAILLEUR_INCONNU,
    );
    expect(refusChampBilan(metropole, territoire(METROPOLE), `objectifs.${HABITAT_NORD}`, objectif)).toBe(REFUS_BAILLEUR_INCONNU);
    const total = { organisationId: LOGIS_SUD, bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' };
    for (const role of ['encadrant', 'partenaire'] as const) {
      const bailleur = droitsBilanAnnuel(role, 'bailleur');
      expect(refusChampBilan(bailleur, territoire(LOGIS_SUD), `attributions.${LOGIS_SUD}`, total)).toBeNull();
      // Whatever name it gives itself, a landlord writes only the entry of its own organisation.
      expect(
        refusChampBilan(bailleur, territoire(LOGIS_SUD), `attributions.${LOGIS_SUD}`, { ...total, bailleur: 'Habitat Nord' }),
      ).toBeNull();
      expect(
        refusChampBilan(bailleur, territoire(LOGIS_SUD), `attributions.${HABITAT_NORD}`, { ...total, organisationId: HABITAT_NORD }),
      ).toBe(REFUS_BILAN_ANNUEL);
      expect(
        refusChampBilan(bailleur, territoire(LOGIS_SUD), `attributions.${LOGIS_SUD}`, { ...total, organisationId: HABITAT_NORD }),
      ).toBe(REFUS_BAILLEUR_INCONNU);
      expect(refusChampBilan(bailleur, territoire(LOGIS_SUD), `objectifs.${LOGIS_SUD}`, { ...objectif, objectif: 99 })).toBe(
        REFUS_BILAN_ANNUEL,
      );
    }
    for (const [role, type] of [
      ['chargé', 'metropole'],
      ['partenaire', 'metropole'],
      ['chargé', 'bailleur'],
      ['encadrant', 'mous'],
    ] as const)
      expect(refusChampBilan(droitsBilanAnnuel(role, type), territoire(METROPOLE), 'annee', 2026)).toBe(REFUS_BILAN_ANNUEL);
    // Outside any territory a landlord typed by name is keyed by its name.
    const seule = droitsBilanAnnuel('encadrant', null);
    expect(
      refusChampBilan(seule, { organisationId: METROPOLE, territoire: false }, 'objectifs.logis-sud', {
        ...objectif,
        organisationId: null,
      }),
    ).toBeNull();
    expect(REFUS_BILAN_ANNUEL).toContain('annexe 4');
  });

  it('replaces only a landlord’s own entry when it types its total, keeping the others’', () => {
    const total = (organisationId: string, bailleur: string) => ({
      organisationId,
      bailleur,
      attributions: 10,
      saisiLe: '2027-01-02',
      source: 'RPLS',
    });
    const metropole = remplacerPartie(undefined, 2026, 'attributions', [total(HABITAT_NORD, 'Habitat Nord')]);
    const apres = remplacerPartie(metropole, 2026, 'attributions', [total(LOGIS_SUD, 'Logis Sud')], LOGIS_SUD);
    expect(Object.keys(apres.attributions).sort()).toEqual([HABITAT_NORD, LOGIS_SUD].sort());
    expect(Object.keys(remplacerPartie(apres, 2026, 'attributions', [], LOGIS_SUD).attributions)).toEqual([HABITAT_NORD]);
  });
});

describe('landlords keyed by organisation id (a rename, a close name)', () => {
  // The territory's landlords: Logis Sud has since been renamed « Logis Sud Habitat »; a third
  // organisation « Logis Sud-Est » has a close name and no dwelling in the fixture.
  const organisations = [
    { id: HABITAT_NORD, name: 'Habitat Nord' },
    { id: LOGIS_SUD, name: 'Logis Sud Habitat' },
    { id: LOGIS_SUD_EST, name: 'Logis Sud-Est' },
  ];
  // Each offer keeps the organisation matched when it was typed (offers of Logis Sud: 3, 7, 9, 10, 12).
  const parIds = (bilans: BilanAnnuel[]): DonneesPilotage => ({
    ...donnees(bilans),
    offres: donnees().offres.map((o) => ({ ...o, bailleurId: o.bailleur === 'Logis Sud' ? LOGIS_SUD : HABITAT_NORD })),
    organisations,
  });
  const objectifs = remplacerPartie(undefined, 2026, 'objectifs', [
    { organisationId: LOGIS_SUD, bailleur: 'Logis Sud', objectif: 5 },
    { organisationId: LOGIS_SUD_EST, bailleur: 'Logis Sud-Est', objectif: 2 },
  ]);

  it('counts a landlord’s relocations by its id and shows its current name; a close name counts none of them', () => {
    // Logis Sud: 5 leases in 2026 (households 3, 19, 21, 22, 23) for 5; Logis Sud-Est: none for 2.
    expect(objectifsBailleurs(parIds([objectifs]), 2026, TOUT)?.lignes).toEqual([
      ['Logis Sud Habitat', 5, 5, 0, 'atteint'],
      ['Logis Sud-Est', 2, 0, -2, 'non atteint'],
    ]);
  });

  it('gives a landlord’s own report its line alone, and no réservataire’s flux, which every landlord’s dwellings make', () => {
    const total = { organisationId: LOGIS_SUD, bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' };
    const flux = remplacerPartie(objectifs, 2026, 'engagementsFlux', [{ reservataire: 'Action Logement', engagement: 2 }]);
    const d = parIds([remplacerPartie(flux, 2026, 'attributions', [total])]);
    const sesLogements = { ...TOUT, bailleurId: LOGIS_SUD };
    expect(objectifsBailleurs(d, 2026, sesLogements)?.lignes).toEqual([['Logis Sud Habitat', 5, 5, 0, 'atteint']]);
    expect(partAttributions(d, 2026, sesLogements)?.lignes.map((l) => [l[0], l[1], l[3], l[5]])).toEqual([
      ['Logis Sud Habitat', 5, 45, 11.1],
    ]);
    expect(tableauxBilanAnnuel(d, '2026-12-31', TOUT).map((t) => t.code)).toContain('fluxReservataires');
    expect(tableauxBilanAnnuel(d, '2026-12-31', sesLogements).map((t) => t.code)).toEqual(['objectifsBailleurs', 'partAttributions']);
  });

  it('keeps a landlord’s total under its id after a rename, next to its relocations', () => {
    const total = { organisationId: LOGIS_SUD, bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' };
    const t = partAttributions(parIds([remplacerPartie(objectifs, 2026, 'attributions', [total])]), 2026, TOUT);
    // One row per landlord: Habitat Nord by its offers (6 leases), Logis Sud Habitat with its total (5 ÷ 45 = 11,1 %).
    expect(t?.lignes.map((l) => [l[0], l[1], l[3], l[5]])).toEqual([
      ['Habitat Nord', 6, null, null],
      ['Logis Sud Habitat', 5, 45, 11.1],
    ]);
  });
});
