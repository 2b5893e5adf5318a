import { parseNombreFr } from '../commun/index.ts';
import {
  entreeSimulationSchema,
  logementSimuleSchema,
  type CriteresMenage,
  type Depenses,
  type EntreeSimulation,
  type LogementSimule,
} from '../simulation/index.ts';
import type { Occupant } from '../occupation/index.ts';

// What the simulation screen holds while the officer types: each figure of both dwellings as
// typed text, so a half-typed "12," is kept on screen and explained, never lost or guessed.

export const CHAMPS_LOGEMENT = ['loyer', 'chargesGenerales', 'eau', 'eauChaude', 'chauffage', 'apl', 'surface', 'pieces'] as const;
export type ChampLogement = (typeof CHAMPS_LOGEMENT)[number];
export type SaisieLogement = Record<ChampLogement, string>;

export const LIBELLES_CHAMP_LOGEMENT: Record<ChampLogement, string> = {
  loyer: 'Loyer (€)',
  chargesGenerales: 'Charges générales (€)',
  eau: 'Eau froide sur la quittance (€)',
  eauChaude: 'Eau chaude sur la quittance (€)',
  chauffage: 'Chauffage sur la quittance (€)',
  apl: 'APL (€)',
  surface: 'Surface (m²)',
  pieces: 'Pièces',
};

/** Each figure named in a sentence: « Indiquez l’APL du logement proposé ». */
const NOMS_CHAMP_LOGEMENT: Record<ChampLogement, string> = {
  loyer: 'le loyer',
  chargesGenerales: 'les charges générales',
  eau: 'l’eau froide',
  eauChaude: 'l’eau chaude',
  chauffage: 'le chauffage',
  apl: 'l’APL',
  surface: 'la surface',
  pieces: 'le nombre de pièces',
};

/** Fields that may stay empty: the receipt's charges (not on it), surface and rooms (unknown). */
const FACULTATIFS: ReadonlySet<ChampLogement> = new Set(['eau', 'eauChaude', 'chauffage', 'surface', 'pieces']);

export const saisieVide = (): SaisieLogement => ({
  loyer: '',
  chargesGenerales: '',
  eau: '',
  eauChaude: '',
  chauffage: '',
  apl: '',
  surface: '',
  pieces: '',
});

const nombreFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });
export const texteNombre = (n: number | null | undefined): string => (n === null || n === undefined ? '' : nombreFr.format(n));

export function saisieDeLogement(l: LogementSimule): SaisieLogement {
  return Object.fromEntries(CHAMPS_LOGEMENT.map((c) => [c, texteNombre(l[c])])) as SaisieLogement;
}

/** The household's side of a simulation: what the interview and the occupants give. */
export type MenageSimule = {
  occupants: number;
  composition?: Occupant[];
  ressourcesMensuelles: number[];
  depenses: Depenses;
  criteresMenage: CriteresMenage;
};

export type ErreurSaisie = { champ: string; message: string };
export type LectureSaisie = { ok: true; entree: EntreeSimulation } | { ok: false; erreurs: ErreurSaisie[] };

/** Typed text to numbers; `aplApres` replaces an empty "after" APL (the estimate), when there is one. */
function lireChamps(
  s: SaisieLogement,
  cote: 'avant' | 'apres',
  erreurs: ErreurSaisie[],
  aplApres: number | null,
): Record<string, number | null> {
  const lu: Record<string, number | null> = {};
  for (const champ of CHAMPS_LOGEMENT) {
    const texte = s[champ].trim();
    if (texte === '') {
      if (champ === 'apl' && cote === 'apres' && aplApres !== null) lu[champ] = aplApres;
      else if (FACULTATIFS.has(champ)) lu[champ] = null;
      else
        erreurs.push({
          champ: `${cote}.${champ}`,
          message: `Indiquez ${NOMS_CHAMP_LOGEMENT[champ]} ${cote === 'avant' ? 'du logement actuel' : 'du logement proposé'}.`,
        });
      continue;
    }
    const n = parseNombreFr(texte);
    if (n === null) erreurs.push({ champ: `${cote}.${champ}`, message: `« ${texte} » n’est pas un nombre : tapez par exemple 412,50.` });
    else lu[champ] = n;
  }
  return lu;
}

/**
 * The simulation input of the screen: every figure as typed, checked by the engine's own schema,
 * so the screen and the command line accept and refuse the same things.
 */
export function entreeDepuisSaisie(
  menage: MenageSimule,
  date: string,
  avant: SaisieLogement,
  apres: SaisieLogement,
  aplApres: number | null = null,
): LectureSaisie {
  const erreurs: ErreurSaisie[] = [];
  const logementAvant = lireChamps(avant, 'avant', erreurs, null);
  const logementApres = lireChamps(apres, 'apres', erreurs, aplApres);
  if (erreurs.length > 0) return { ok: false, erreurs };
  const r = entreeSimulationSchema.safeParse({
    date,
    ...menage,
    avant: { ...logementAvant, surfaceCuisine: null },
    apres: { ...logementApres, surfaceCuisine: null },
  });
  if (r.success) return { ok: true, entree: r.data };
  return { ok: false, erreurs: r.error.issues.map((i) => ({ champ: i.path.map(String).join('.'), message: i.message })) };
}

const schemaLogementActuel = logementSimuleSchema('du logement actuel');

/** One dwelling as typed, or null when a figure is missing or wrong. */
export function lireLogement(s: SaisieLogement): LogementSimule | null {
  const erreurs: ErreurSaisie[] = [];
  const lu = lireChamps(s, 'avant', erreurs, null);
  if (erreurs.length > 0) return null;
  const r = schemaLogementActuel.safeParse({ ...lu, surfaceCuisine: null });
  return r.success ? r.data : null;
}
