import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nouvelleBase } from '../base.ts';
import { importerOffres, listerOffres, texteDuFichier } from '../../../src/data/index.ts';

// French Excel's « CSV (séparateur : point-virgule) » is Windows-1252; its « CSV UTF-8 » is UTF-8
// with a byte order mark. test/fixtures/offres-excel-windows-1252.csv is the former, with a
// commune whose « œ » has no place in Latin-1.
const windows1252 = readFileSync('test/fixtures/offres-excel-windows-1252.csv');
const utf8 = readFileSync('test/fixtures/offres-excel.csv');

describe('the text of a spreadsheet file, in either encoding', () => {
  it('reads a Windows-1252 file as written: œ, accents, €, ², typographic apostrophe', () => {
    const texte = texteDuFichier(windows1252);
    expect(texte).toContain('Mons-en-Barœul');
    expect(texte).toContain('Surface habitable (m²)');
    expect(texte).toContain('Loyer (€)');
    expect(texte).toContain('3 rue de l’Europe');
    expect(texte).not.toContain('\uFFFD');
    // The bytes where Windows-1252 differs from Latin-1, whatever the engine's own decoder does.
    expect(texteDuFichier(Uint8Array.of(0x8c, 0x96, 0x80, 0x9c, 0xff))).toBe('Œ–€œÿ');
  });

  it('reads a UTF-8 file as UTF-8, without its byte order mark', () => {
    const texte = texteDuFichier(utf8);
    expect(texte.startsWith('Bailleur;')).toBe(true);
    expect(texte).toBe(utf8.toString('utf8').replace(/^\uFEFF/, ''));
  });

  it('imports the offers of a Windows-1252 export with their communes spelled right', async () => {
    const db = nouvelleBase();
    const bilan = await importerOffres(db, texteDuFichier(windows1252));
    expect(bilan.importees).toBe(3);
    expect((await listerOffres(db)).map((o) => o.commune).sort()).toEqual(['Lille', 'Mons-en-Barœul', 'Roubaix']);
  });
});
