import { describe, expect, it } from 'vitest';
import {
  NON_RENSEIGNE,
  REFUS_BILAN_ANNUEL,
  bilanAnnuelSchema,
  calculerPilotage,
  champBilanPermis,
  cleEntree,
  droitsBilanAnnuel,
  filtresPilotageSchema,
  fluxReservataires,
  idBilanAnnuel,
  objectifsBailleurs,
  partAttributions,
  remplacerPartie,
  type BilanAnnuel,
  type DonneesPilotage,
} from '../../../src/domain/index.ts';
import { TERRITOIRE, idOffre } from '../../fixtures/pilotage.ts';

// The yearly review (bilan annuel) on the territory of test/fixtures/pilotage.ts, year 2026.
// Leases signed in 2026: into Habitat Nord's dwellings, households 1, 2, 4, 5, 6 (offers 1, 2, 4,
// 5, 6) and 20 (offer 8, from Logis Sud's Tilleuls: interbailleur) = 6; into Logis Sud's,
// household 3 (offer 3, from Habitat Nord's Peupliers: interbailleur), 19, 21, 22 and 23 (offers
// 7, 9, 10, 12; 23 signed on 1 April 2026) = 5. Household 7 signed in December 2025: not in 2026.

const TOUT = { offresProposeesSeulement: false };

const bilan2026 = (): BilanAnnuel => {
  let b = remplacerPartie(undefined, 2026, 'objectifs', [
    { bailleur: 'Habitat Nord', objectif: 6 },
    { bailleur: 'Logis Sud', objectif: 8 },
  ]);
  b = remplacerPartie(b, 2026, 'engagementsFlux', [
    { reservataire: 'Action Logement', engagement: 2 },
    { reservataire: 'Ville de Tourcoing', engagement: 2 },
  ]);
  return remplacerPartie(b, 2026, 'attributions', [
    { bailleur: 'Habitat Nord', attributions: 50, saisiLe: '2027-01-20', source: 'Bilan annuel des attributions 2026' },
    { bailleur: 'Vilogia', attributions: 20, saisiLe: '2027-01-22', source: 'Courriel du bailleur' },
  ]);
};

// Offers 7 and 9 come from Action Logement's flux, offer 12 from the town's (convention de
// gestion en flux, art. 3: the making available counts towards the commitment).
const reservataires: Record<string, string> = {
  [idOffre(7)]: 'Action Logement',
  [idOffre(9)]: 'ACTION LOGEMENT',
  [idOffre(12)]: 'Ville de Tourcoing',
};
const donnees = (bilans: BilanAnnuel[] = [bilan2026()]): DonneesPilotage => ({
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
    const b2025 = remplacerPartie(undefined, 2025, 'objectifs', [{ bailleur: 'habitat nord', objectif: 1 }]);
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

  it('merges the review kept by the métropole with a landlord’s own total', () => {
    const metropole = remplacerPartie(undefined, 2026, 'objectifs', [{ bailleur: 'Logis Sud', objectif: 5 }]);
    const logisSud = remplacerPartie(undefined, 2026, 'attributions', [
      { bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' },
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
    const negatif = bilanAnnuelSchema.safeParse({ ...b, objectifs: { x: { bailleur: 'X', objectif: -1 } } });
    expect(negatif.error?.issues[0]?.message).toBe('Objectif de relogements : le nombre ne peut pas être négatif.');
    const sansSource = bilanAnnuelSchema.safeParse({
      ...b,
      attributions: { x: { bailleur: 'X', attributions: 3, saisiLe: '2027-01-01', source: ' ' } },
    });
    expect(sansSource.error?.issues[0]?.message).toMatch(/^Indiquez la source du chiffre/);
  });

  it('lets the métropole, the State or the platform type every part, a landlord only its own total lettings', () => {
    const metropole = droitsBilanAnnuel('encadrant', 'metropole');
    expect(champBilanPermis(metropole, 'Métropole', 'objectifs.logis-sud', { bailleur: 'Logis Sud', objectif: 3 })).toBe(true);
    expect(champBilanPermis(droitsBilanAnnuel('administrateur', 'plateforme'), 'Plateforme', 'engagementsFlux.x', null)).toBe(true);
    const bailleur = droitsBilanAnnuel('encadrant', 'bailleur');
    const total = { bailleur: 'Logis Sud', attributions: 45, saisiLe: '2027-02-01', source: 'RPLS' };
    expect(champBilanPermis(bailleur, 'Logis Sud', 'attributions.logis-sud', total)).toBe(true);
    expect(champBilanPermis(bailleur, 'Logis Sud', 'attributions.habitat-nord', { ...total, bailleur: 'Habitat Nord' })).toBe(false);
    expect(champBilanPermis(bailleur, 'Logis Sud', 'attributions.logis-sud', { ...total, bailleur: 'Habitat Nord' })).toBe(false);
    expect(champBilanPermis(bailleur, 'Logis Sud', 'objectifs.logis-sud', { bailleur: 'Logis Sud', objectif: 99 })).toBe(false);
    for (const [role, type] of [
      ['chargé', 'metropole'],
      ['partenaire', 'metropole'],
      ['encadrant', 'mous'],
    ] as const)
      expect(champBilanPermis(droitsBilanAnnuel(role, type), 'X', 'annee', 2026)).toBe(false);
    expect(REFUS_BILAN_ANNUEL).toContain('annexe 4');
  });
});
