import { readFile } from 'node:fs/promises';
import { executerSimulations } from '../src/domain/simulation/index.ts';

// npm run -s simulate -- <file.json>: a thin shell over the domain's `executerSimulations`, the
// same computation as the screens (docs/simulation.md).

function echouer(message: string): never {
  process.stdout.write(`${JSON.stringify({ erreurs: [{ champ: '', message }] }, null, 2)}\n`);
  process.exit(1);
}

const chemin = process.argv[2];
if (!chemin) echouer('Indiquez le fichier JSON à simuler : npm run -s simulate -- entree.json');

let texte: string;
try {
  texte = await readFile(chemin, 'utf8');
} catch {
  echouer(`Fichier illisible ou introuvable : ${chemin}`);
}

let json: unknown;
try {
  json = JSON.parse(texte.replace(/^\uFEFF/, ''));
} catch (e) {
  echouer(`Le fichier n’est pas du JSON valide : ${e instanceof Error ? e.message : String(e)}`);
}

const issue = executerSimulations(json);
process.stdout.write(`${JSON.stringify(issue.ok ? issue.resultats : { erreurs: issue.erreurs }, null, 2)}\n`);
process.exitCode = issue.ok ? 0 : 1;
