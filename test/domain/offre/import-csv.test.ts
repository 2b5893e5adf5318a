import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { detecterSeparateur, importerOffresCsv, lireCsv, lireDate, lireNombre, lireTypologie } from '../../../src/domain/offre/index.ts';
import { nouvelId } from './donnees.ts';

const fixture = readFileSync('test/fixtures/offres-excel.csv', 'utf8');

describe('importing the landlords’ Excel export (test/fixtures/offres-excel.csv)', () => {
  const { offres, erreurs } = importerOffresCsv(fixture, nouvelId);
  const parRpls = (rpls: string) => offres.find((o) => o.rpls === rpls);

  it('imports every readable line, leaves out the shifted line and the repeated RPLS number', () => {
    expect(offres.map((o) => o.rpls)).toEqual([
      '5935000101',
      '5935000202',
      '5935000303',
      '5935000404',
      '5935000606',
      '5935000707',
      '5935000808',
      '5935000909',
      '5935001010',
    ]);
    expect(offres.filter((o) => o.statut === 'brouillon').map((o) => o.rpls)).toEqual(['5935000404', '5935000606']);
  });

  it('reads French numbers, dates, yes/no answers and what the charges include', () => {
    expect(parRpls('5935000101')).toMatchObject({
      bailleur: 'Lille Métropole Habitat',
      residence: 'Les Aubépines',
      codePostal: '59000',
      commune: 'Lille',
      qpv: true,
      typologie: 'T3',
      surface: 64.5,
      etage: 2,
      ascenseur: true,
      pmr: false,
      chauffageMode: 'collectif',
      chauffageEnergie: 'gaz',
      dpe: 'C',
      stationnement: 'parking',
      financement: 'PLUS',
      anneePremiereLocation: 1975,
      loyer: 412.36,
      charges: 148.2,
      eauComprise: true,
      eauChaudeComprise: true,
      chauffageCompris: true,
      dontEau: 22,
      dontEauChaude: 18.5,
      dontChauffage: 61,
      dateDisponibilite: '2026-03-01',
      dateCaleol: '2026-03-19',
      dateLimiteDesignation: '2026-03-06',
      contactCourriel: 'm.durand@lmh.example',
      zoneApl: 2,
    });
  });

  it('reads a thousands separator, T6, a quoted name with a semicolon and quotes, an address on two lines, RDC, a studio', () => {
    expect(parRpls('5935000202')).toMatchObject({
      loyer: 1012.4,
      typologie: 'T6',
      garageObligatoire: true,
      loyerGarage: 45,
      stationnement: 'garage',
      eauComprise: true,
      dontEau: null,
    });
    expect(parRpls('5935000303')).toMatchObject({
      residence: 'Résidence "Le Beffroi" ; entrée 2',
      adresse: '3 place de la Victoire\nEntrée B',
      etage: 0,
      stationnement: 'aucun',
      chauffageEnergie: 'electricite',
    });
    expect(parRpls('5935000707')).toMatchObject({ typologie: 'T1', commune: "Villeneuve-d'Ascq", pmr: true });
    expect(parRpls('5935001010')).toMatchObject({ typologie: 'T4', commune: 'Mons-en-Barœul' });
  });

  it('reports each unreadable cell and each line left out, with its line in the file', () => {
    expect(erreurs).toEqual([
      { ligne: 6, champ: 'dpe', message: 'Colonne « DPE » : « H » n’est pas une classe DPE (A à G) ; valeur laissée vide.' },
      { ligne: 6, champ: 'loyer', message: 'Colonne « Loyer (€) » : « 45O,00 » n’est pas un nombre ; valeur laissée vide.' },
      {
        ligne: 6,
        champ: 'dateDisponibilite',
        message: 'Colonne « Date de disponibilité » : « 31/02/2026 » n’est pas une date (JJ/MM/AAAA) ; valeur laissée vide.',
      },
      { ligne: 7, message: 'La ligne a 41 colonnes au lieu de 40 (un point-virgule en trop ?) : ligne ignorée.' },
      { ligne: 8, champ: 'rpls', message: 'Numéro RPLS 5935000101 déjà importé ligne 2 : ligne ignorée.' },
      {
        ligne: 10,
        champ: 'typologie',
        message: 'Colonne « Typologie » : « Duplex » n’est pas une typologie (T1 à T6) ; valeur laissée vide.',
      },
      { ligne: 10, champ: 'commune', message: 'Offre à compléter : Indiquez la commune du logement.' },
    ]);
  });

  it('gives each offer a new id from the caller', () => {
    expect(new Set(offres.map((o) => o.id)).size).toBe(offres.length);
  });
});

describe('headers and files written otherwise', () => {
  it('matches headers whatever their case, accents, spaces and units, without BOM and with LF', () => {
    const { offres, erreurs } = importerOffresCsv(
      'VILLE;type de logement;SURFACE HABITABLE EN M²;loyer hors charges (€/mois);Provision sur charges;Adresse exacte\n Loos ;F2;45,2;310;42,5;2 rue Foch\n',
      nouvelId,
    );
    expect(erreurs).toEqual([]);
    expect(offres[0]).toMatchObject({ commune: 'Loos', typologie: 'T2', surface: 45.2, loyer: 310, charges: 42.5, statut: 'disponible' });
  });

  it('reads the first letting as a full date, or keeps the year alone, and the dates of conventionnement and réhabilitation', () => {
    const csv =
      'Commune;Date de mise en location;Date de conventionnement;Date de réhabilitation\nHem;15/09/2021;;\nLoos;1975;01/07/2019;15/06/2022\n';
    const { offres, erreurs } = importerOffresCsv(csv, nouvelId);
    expect(erreurs.filter((e) => e.champ?.startsWith('date'))).toEqual([]);
    expect(offres[0]).toMatchObject({ datePremiereLocation: '2021-09-15', anneePremiereLocation: null });
    expect(offres[1]).toMatchObject({
      datePremiereLocation: null,
      anneePremiereLocation: 1975,
      dateConventionnement: '2019-07-01',
      dateRehabilitation: '2022-06-15',
    });
  });

  it('names columns it does not know and the essential ones it misses', () => {
    const { erreurs } = importerOffresCsv('Commune;Couleur des volets\nHem;bleu\n', nouvelId);
    expect(erreurs.filter((e) => e.ligne === 1)).toEqual([
      { ligne: 1, message: 'Colonne « Couleur des volets » ignorée : elle ne correspond à aucun champ d’une offre.' },
      { ligne: 1, champ: 'typologie', message: 'Aucune colonne pour « typologie » : les offres seront toutes à compléter.' },
      { ligne: 1, champ: 'surface', message: 'Aucune colonne pour « surface » : les offres seront toutes à compléter.' },
      { ligne: 1, champ: 'loyer', message: 'Aucune colonne pour « loyer » : les offres seront toutes à compléter.' },
      { ligne: 1, champ: 'charges', message: 'Aucune colonne pour « charges » : les offres seront toutes à compléter.' },
    ]);
  });

  it('says so when the file is empty', () => {
    expect(importerOffresCsv('\uFEFF', nouvelId)).toEqual({
      offres: [],
      erreurs: [{ ligne: 1, message: 'Le fichier est vide : la première ligne doit donner les noms des colonnes.' }],
    });
  });

  it('reads cell values the way French users type them', () => {
    expect(lireNombre('1\u202f234,56 €')).toEqual({ valeur: 1234.56 });
    expect(lireDate('5/3/2026')).toEqual({ valeur: '2026-03-05' });
    expect(lireDate('15/03/2026 00:00')).toEqual({ valeur: '2026-03-15' });
    // 46096 days after 30/12/1899, as Excel stores 15/03/2026
    expect(lireDate('46096')).toEqual({ valeur: '2026-03-15' });
    expect(lireTypologie('T2 bis')).toEqual({ valeur: 'T2' });
    expect(lireTypologie('T8')).toEqual({ valeur: 'T6' });
    expect(lireTypologie('T0')).toEqual({ erreur: '« T0 » n’est pas une typologie (T1 à T6)' });
  });
});

describe('CSV reading', () => {
  const cellule = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', '"', '\n', '\r\n', '1', ','), maxLength: 8 });
  const ecrireCommeExcel = (lignes: string[][]) =>
    '\uFEFF' + lignes.map((l) => l.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';

  it('reads back what Excel writes, whatever the separators, quotes and line breaks inside cells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cellule, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (largeur, lignes) => {
          const tableau = lignes.map((l) => l.slice(0, largeur));
          expect(lireCsv(ecrireCommeExcel(tableau), ';').map((e) => e.champs)).toEqual(tableau);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the separator of the header, ignoring quoted names', () => {
    expect(detecterSeparateur('"Loyer; HC";Commune\r\n')).toBe(';');
    expect(detecterSeparateur('"a;b",Commune\n')).toBe(',');
    expect(detecterSeparateur('Loyer\tCommune')).toBe('\t');
    expect(detecterSeparateur('Commune')).toBe(';');
  });

  it('gives the line where a record starts, counting line breaks inside quotes', () => {
    expect(lireCsv('a;b\r\n"x\r\ny";1\r\nz;2\r\n').map((e) => e.ligne)).toEqual([1, 2, 4]);
  });
});
