import { executerSimulations } from '../src/domain/simulation/index.ts';
import { lireFichierJson } from './lecture-json.ts';

// npm run -s simulate -- <file.json>: a thin shell over the domain's `executerSimulations`, the
// same computation as the screens (docs/simulation.md).

const ecrire = (json: unknown) => process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);

const lu = lireFichierJson(process.argv[2], 'Indiquez le fichier JSON à simuler : npm run -s simulate -- entree.json');
if (lu.ok) {
  const issue = executerSimulations(lu.donnees);
  ecrire(issue.ok ? issue.resultats : { erreurs: issue.erreurs });
  process.exitCode = issue.ok ? 0 : 1;
} else {
  ecrire({ erreurs: lu.erreurs });
  process.exitCode = 1;
}
