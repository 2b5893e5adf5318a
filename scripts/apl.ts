import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { estimerAide } from '../src/domain/apl/index.ts';

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
  let donnees: unknown;
  try {
    donnees = JSON.parse(texte);
  } catch (e) {
    return echec([{ champ: 'fichier', message: `Le fichier n’est pas du JSON valide : ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (!Array.isArray(donnees)) {
    const r = estimer(donnees);
    return r.ok ? { code: 0, json: r.value } : echec(r.erreurs);
  }
  const resultats = donnees.map(estimer);
  const erreurs = resultats.flatMap((r, entree) => (r.ok ? [] : r.erreurs.map((e) => ({ entree, ...e }))));
  return erreurs.length > 0 ? echec(erreurs) : { code: 0, json: resultats.map((r) => (r.ok ? r.value : null)) };
}

function lire(chemin: string | undefined): Sortie | string {
  if (!chemin) return echec([{ champ: 'fichier', message: USAGE }]);
  try {
    return readFileSync(chemin, 'utf8');
  } catch {
    return echec([{ champ: 'fichier', message: `Fichier illisible : ${chemin}. ${USAGE}` }]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const texte = lire(process.argv[2]);
  const sortie = typeof texte === 'string' ? executer(texte) : texte;
  console.log(JSON.stringify(sortie.json, null, 2));
  process.exitCode = sortie.code;
}
