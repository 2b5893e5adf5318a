import { z } from 'zod';
import { normeOccupationSchema } from '../occupation/index.ts';
import { postesFslSchema, type BaremeCalcul } from './bareme.ts';
import { choisirBareme } from './choix-bareme.ts';
import { objetStrict } from './champs.ts';
import { entreeSimulationChamps, verifierComposition, type EntreeSimulation } from './entree.ts';
import { REGLAGES_SIMULATION_PAR_DEFAUT, reglagesSimulationSchema, type ReglagesSimulation } from './reglages.ts';
import { simuler, type ContexteSimulation, type ResultatSimulation } from './simuler.ts';

// The JSON exchanged with other tools (`npm run simulate`, docs/simulation.md): the simulation
// input, plus an optional barème and settings. A thin layer over `simuler`, the screens' function.

const baremeFichierSchema = objetStrict(
  {
    postes: postesFslSchema,
    seuilTauxEffort: reglagesSimulationSchema.shape.seuilTauxEffort.unwrap().optional(),
    seuilResteAVivre: reglagesSimulationSchema.shape.seuilResteAVivre.unwrap().optional(),
  },
  'Le barème doit être un objet { postes, seuilTauxEffort?, seuilResteAVivre? }.',
);

export const entreeFichierSchema = objetStrict(
  {
    ...entreeSimulationChamps,
    bareme: baremeFichierSchema.optional(),
    normeOccupation: normeOccupationSchema.optional(),
  },
  'Chaque entrée doit être un objet JSON (date, occupants, ressourcesMensuelles, avant, apres…).',
).superRefine(verifierComposition);
export type EntreeFichier = z.infer<typeof entreeFichierSchema>;

export type ErreurEntree = { entree?: number; champ: string; message: string };
export type IssueSimulation = { ok: true; resultats: ResultatSimulation | ResultatSimulation[] } | { ok: false; erreurs: ErreurEntree[] };

/** "avant.loyer", "ressourcesMensuelles[1]": the path of a bad field as an integrator reads it. */
export function cheminChamp(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (chemin, p) => (typeof p === 'number' ? `${chemin}[${p}]` : chemin ? `${chemin}.${String(p)}` : String(p)),
    '',
  );
}

/** One error per bad field; an unknown field is named in the path, so it can be found. */
export const erreursDeValidation = (erreur: z.ZodError): ErreurEntree[] =>
  erreur.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((cle) => ({ champ: cheminChamp([...i.path, cle]), message: `Champ inconnu « ${cle} » (vérifiez l’orthographe).` }))
      : [{ champ: cheminChamp(i.path), message: i.message }],
  );

const dateFr = (iso: string) => iso.split('-').reverse().join('/');

function contexte(e: EntreeFichier): ContexteSimulation | ErreurEntree {
  const reglages: ReglagesSimulation = {
    ...REGLAGES_SIMULATION_PAR_DEFAUT,
    ...(e.bareme?.seuilTauxEffort !== undefined ? { seuilTauxEffort: e.bareme.seuilTauxEffort } : {}),
    ...(e.bareme?.seuilResteAVivre !== undefined ? { seuilResteAVivre: e.bareme.seuilResteAVivre } : {}),
    ...(e.normeOccupation ? { normeOccupation: e.normeOccupation } : {}),
  };
  if (e.bareme) {
    const fourni: BaremeCalcul = {
      territoire: 'Barème fourni',
      debut: e.date,
      fin: e.date,
      source: 'Barème fourni dans le fichier d’entrée',
      exemple: false,
      postes: e.bareme.postes,
    };
    return { bareme: fourni, reglages };
  }
  const parDefaut = choisirBareme([], '', e.date);
  if (!parDefaut)
    return {
      champ: 'bareme',
      message: `Aucun barème par défaut ne couvre le ${dateFr(e.date)} : fournissez le barème (champ « bareme »).`,
    };
  return { bareme: parDefaut, reglages };
}

/** Validates every input first: one bad field anywhere and nothing is computed. */
export function executerSimulations(json: unknown): IssueSimulation {
  const entrees = Array.isArray(json) ? json : [json];
  const erreurs: ErreurEntree[] = [];
  const prets: [EntreeSimulation, ContexteSimulation][] = [];
  entrees.forEach((brute, i) => {
    const situer = (e: ErreurEntree): ErreurEntree => (Array.isArray(json) ? { entree: i, ...e } : e);
    const lue = entreeFichierSchema.safeParse(brute);
    if (!lue.success) {
      erreurs.push(...erreursDeValidation(lue.error).map(situer));
      return;
    }
    const ctx = contexte(lue.data);
    if ('champ' in ctx) erreurs.push(situer(ctx));
    else prets.push([lue.data, ctx]);
  });
  if (Array.isArray(json) && json.length === 0) erreurs.push({ champ: '', message: 'La liste des entrées est vide.' });
  if (erreurs.length > 0) return { ok: false, erreurs };
  const resultats = prets.map(([entree, ctx]) => simuler(entree, ctx));
  return { ok: true, resultats: Array.isArray(json) ? resultats : (resultats[0] as ResultatSimulation) };
}
