import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The project's files cite the legal source itself or the project's own docs/ pages, never a
// document kept outside the repository: a reader of the repository alone could not follow it.
// The names are spelled in pieces so that this file does not match itself.
const RACINE = join(import.meta.dirname, '../..');
const DOCUMENTS_EXTERNES = ['LESS' + 'ONS', 'REFER' + 'ENCES', 'DOM' + 'AIN', 'ARCHI' + 'TECTURE', 'A' + 'PL'];
const INTERDITS = [
  new RegExp(`\\b(${DOCUMENTS_EXTERNES.join('|')})(\\.md\\b| §)`),
  new RegExp('\\b' + DOCUMENTS_EXTERNES[0] + '\\b'),
  new RegExp('(^|[^\\w.-])' + 'shared' + '/'),
  new RegExp('\\.\\./' + 'shared'),
  new RegExp('/' + 'work' + '/'),
];
const LUS = ['src', 'test', 'docs', 'scripts', 'README.md', 'eslint.config.js', 'vite.config.ts', 'vitest.config.ts', 'package.json'];
const TEXTE = /\.(ts|tsx|js|mjs|json|md|css|html|csv|txt)$/;

function fichiers(chemin: string): string[] {
  const complet = join(RACINE, chemin);
  try {
    return readdirSync(complet, { withFileTypes: true }).flatMap((e) => fichiers(join(chemin, e.name)));
  } catch {
    return TEXTE.test(chemin) ? [complet] : [];
  }
}

describe('references stay inside the repository', () => {
  it('no file of src, test, docs, scripts or the README names an outside document or path', () => {
    const trouves = LUS.flatMap(fichiers).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((ligne, i) => (INTERDITS.some((r) => r.test(ligne)) ? [`${relative(RACINE, f)}:${i + 1}: ${ligne.trim()}`] : [])),
    );
    expect(trouves).toEqual([]);
  });
});
