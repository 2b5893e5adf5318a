import { describe, expect, it } from 'vitest';
import {
  calculerPilotage,
  donneesPilotage,
  enteteRapport,
  filtresPilotageSchema,
  lireCsv,
  tableauDesChiffres,
  tableauVersCsv,
} from '../../../src/domain/index.ts';
import { TERRITOIRE, TRIMESTRE } from '../../fixtures/pilotage.ts';

// Every table of the report as a CSV French Excel opens: UTF-8 with BOM, `;`, decimal comma, CRLF,
// headed by the day and the filters used; read back, it gives the figures of the report.

const filtres = filtresPilotageSchema.parse({ periode: TRIMESTRE, qpv: false });
const rapport = calculerPilotage(donneesPilotage(TERRITOIRE), filtres, { offresProposeesSeulement: false });

describe('the CSV of the steering report', () => {
  it('writes the figures with a BOM, semicolons and decimal commas, after the date and filters', () => {
    const csv = tableauVersCsv(tableauDesChiffres(rapport), enteteRapport(filtres, '2026-04-02'));
    expect(
      csv.startsWith('\uFEFFIndicateurs\r\nÉtabli le 2 avril 2026\r\nPériode : du 1er janvier 2026 au 31 mars 2026\r\nHors QPV\r\n\r\n'),
    ).toBe(true);
    const lignes = lireCsv(csv).map((l) => l.champs);
    expect(lignes[5]).toEqual([
      'Indicateur',
      'Valeur',
      'Unité',
      'Numérateur',
      'Dénominateur',
      'Objectif',
      'Sans valeur parce que',
      'Source',
    ]);
    // Outside QPV: offers 2, 3, 5, 13, 7, 8 made available; leases 2, 3, 5 (A) and 19, 20 (B): 5 ÷ 6 = 83,3 %.
    const ligne = (libelle: string) => lignes.find((l) => l[0] === libelle);
    expect(ligne('Taux de transformation')?.slice(1, 5)).toEqual(['83,3', '%', '5', '6']);
    expect(ligne('Relogements interbailleurs')?.[5]).toBe('au moins 30 % : atteint');
    expect(ligne('Enquêtes de satisfaction réalisées')?.[1]).toBe('0');
    expect(ligne('Taux de satisfaction')).toBeUndefined();
    expect(ligne('Ménages satisfaits du nouveau logement')?.slice(1, 7)).toEqual([
      '',
      '%',
      '0',
      '0',
      '',
      'aucune enquête réalisée notant le logement dans la période',
    ]);
  });

  it('reads back every table as the report holds it', () => {
    for (const t of rapport.tableaux) {
      const lignes = lireCsv(tableauVersCsv(t, ['Contexte ; avec "guillemets"'])).map((l) => l.champs);
      expect(lignes[1]).toEqual(['Contexte ; avec "guillemets"']);
      expect(lignes.slice(4)).toEqual(t.lignes.map((l) => l.map((v) => (v === null ? '' : String(v).replace('.', ',')))));
    }
  });
});
