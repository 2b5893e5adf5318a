import { pathToFileURL } from 'node:url';
import { estimerAide } from '../src/domain/apl/index.ts';
import { analyserJson, lireFichierJson } from './lecture-json.ts';

// `npm run -s apl -- <fichier.json>` (docs/apl.md): one input or an array in, JSON out. Standard
// output always carries JSON; the exit code says whether every input was valid.

type Sortie = { code: 0 | 1; json: unknown };

const USAGE = 'Indiquez le fichier JSON à estimer : npm run -s apl -- entree.json';

type Erreur = { entree?: number; champ: string; message: string };

const echec = (erreurs: Erreur[]): Sortie => ({ code: 1, json: { erreurs } });

function estimer(entree: unknown) {
  const r = estimerAide(entree);
  if (!r.ok) return r;
  const { aide, montantVerse, rls, loyerRetenu, forfaitCharges, participationPersonnelle } = r.value;
  return { ok: true as const, value: { aide, montantVerse, rls, loyerRetenu, forfaitCharges, participationPersonnelle } };
}

/** The CLI on the text of its input file. */
export function executer(texte: string): Sortie {
  const lu = analyserJson(texte);
  return lu.ok ? executerDonnees(lu.donnees) : echec(lu.erreurs);
}

function executerDonnees(donnees: unknown): Sortie {
  if (!Array.isArray(donnees)) {
    const r = estimer(donnees);
    return r.ok ? { code: 0, json: r.value } : echec(r.erreurs);
  }
  const resultats = donnees.map(estimer);
  const erreurs = resultats.flatMap((r, entree) => (r.ok ? [] : r.erreurs.map((e) => ({ entree, ...e }))));
  return erreurs.length > 0 ? echec(erreurs) : { code: 0, json: resultats.map((r) => (r.ok ? r.value : null)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lu = lireFichierJson(process.argv[2], USAGE);
  const sortie = lu.ok ? executerDonnees(lu.donnees) : echec(lu.erreurs);
  console.log(JSON.stringify(sortie.json, null, 2));
  process.exitCode = sortie.code;
}
