import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A released migration must behave tomorrow as it did when released: its file imports nothing
// that may evolve, only the type that describes a migration (docs/donnees.md §3 and §4).
const RACINE = join(import.meta.dirname, '../..');

function importsDesMigrations(dossier: string, permis: string) {
  return readdirSync(join(RACINE, dossier))
    .filter((f) => f.endsWith('.ts') && f !== permis && f !== 'index.ts')
    .map((f) => ({
      fichier: f,
      imports: ts.preProcessFile(readFileSync(join(RACINE, dossier, f), 'utf8'), true, true).importedFiles.map((i) => i.fileName),
    }));
}

describe('frozen migrations', () => {
  it('each version of the tablet database imports only the shape of a version (and Dexie types)', () => {
    const fichiers = importsDesMigrations('src/data/migrations', 'version.ts');
    expect(fichiers.length).toBeGreaterThanOrEqual(9);
    for (const { fichier, imports } of fichiers) expect(imports, fichier).toEqual(['./version.ts']);
  });

  it('each step of the server schema imports only the shape of a step', () => {
    const fichiers = importsDesMigrations('src/server/db/migrations', 'migration.ts');
    expect(fichiers.length).toBeGreaterThanOrEqual(11);
    for (const { fichier, imports } of fichiers) expect(imports, fichier).toEqual(['./migration.ts']);
  });
});
