import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No import cycle in src/, type-only imports included: a cycle makes module evaluation order
// matter and hides a layer that points the wrong way. A dynamic `import()` is left out: it loads a
// module on demand, after every static import has been evaluated (the route table loads each
// screen that way, and screens link to one another through it). The TypeScript compiler's
// own import scanner reads each file (no type checking, so it stays fast).
const SRC = join(import.meta.dirname, '../../src');

function sources(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) return sources(chemin);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [chemin] : [];
  });
}

/** The files of src/ that a file imports, by path relative to src/. */
function importsDe(fichier: string, connus: Set<string>): string[] {
  const texte = readFileSync(fichier, 'utf8');
  const { importedFiles } = ts.preProcessFile(texte, true, true);
  return importedFiles
    .filter((i) => !/import\s*\(\s*$/.test(texte.slice(Math.max(0, i.pos - 20), i.pos)))
    .map((i) => i.fileName)
    .filter((nom) => nom.startsWith('.'))
    .flatMap((nom) => {
      const cible = resolve(dirname(fichier), nom);
      const trouve = [cible, `${cible}.ts`, `${cible}.tsx`, join(cible, 'index.ts')].find((c) => connus.has(c));
      return trouve ? [trouve] : [];
    });
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graphe: Map<string, string[]>): string[][] {
  const indice = new Map<string, number>();
  const bas = new Map<string, number>();
  const pile: string[] = [];
  const surPile = new Set<string>();
  const trouves: string[][] = [];
  let suivant = 0;
  const visiter = (n: string): void => {
    indice.set(n, suivant);
    bas.set(n, suivant++);
    pile.push(n);
    surPile.add(n);
    for (const m of graphe.get(n) ?? []) {
      if (!indice.has(m)) {
        visiter(m);
        bas.set(n, Math.min(bas.get(n)!, bas.get(m)!));
      } else if (surPile.has(m)) bas.set(n, Math.min(bas.get(n)!, indice.get(m)!));
    }
    if (bas.get(n) !== indice.get(n)) return;
    const composante: string[] = [];
    let m: string;
    do {
      m = pile.pop()!;
      surPile.delete(m);
      composante.push(m);
    } while (m !== n);
    if (composante.length > 1 || graphe.get(n)?.includes(n)) trouves.push(composante.sort());
  };
  for (const n of graphe.keys()) if (!indice.has(n)) visiter(n);
  return trouves;
}

/** The same graph between folders: a file stands for its folder, `profondeur` levels under src/. */
function entreDossiers(graphe: Map<string, string[]>, profondeur: number): Map<string, string[]> {
  const dossier = (f: string) => relative(SRC, f).split('/').slice(0, profondeur).join('/');
  const resultat = new Map<string, Set<string>>();
  for (const [f, imports] of graphe) {
    const de = dossier(f);
    const vers = resultat.get(de) ?? new Set();
    for (const i of imports) if (dossier(i) !== de) vers.add(dossier(i));
    resultat.set(de, vers);
  }
  return new Map([...resultat].map(([d, v]) => [d, [...v]]));
}

describe('imports in src/', () => {
  const fichiers = sources(SRC);
  const connus = new Set(fichiers);
  const graphe = new Map(fichiers.map((f) => [f, importsDe(f, connus)]));

  it('form no cycle between files', () => {
    expect(graphe.size).toBeGreaterThan(100);
    expect(cycles(graphe).map((c) => c.map((f) => relative(SRC, f)))).toEqual([]);
  });

  it('form no cycle between layers (domain, sync, data, sync-client, server, ui, pwa)', () => {
    expect(cycles(entreDossiers(graphe, 1))).toEqual([]);
  });

  it('form no cycle between the capabilities of the domain', () => {
    const domaine = new Map([...graphe].filter(([f]) => relative(SRC, f).startsWith('domain/')));
    expect(cycles(entreDossiers(domaine, 2))).toEqual([]);
  });
});
