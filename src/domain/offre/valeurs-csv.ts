import { addDays, format } from 'date-fns';
import { parseDateIso, parseNombreFr } from '../commun/index.ts';
import { normaliserTexte } from '../simulation/index.ts';
import { CLASSES_DPE, TYPOLOGIES, type Typologie } from './offre.ts';

// Reading one cell of an Excel export the way a French user typed it. Each reader returns the
// value or a French reason, and the importer decides what to do with a bad cell.

export type Lecture<T> = { valeur: T } | { erreur: string };

export function lireNombre(texte: string): Lecture<number> {
  const n = parseNombreFr(texte.replace(/€|m²|m2|%/gi, '').trim());
  return n === null ? { erreur: `« ${texte} » n’est pas un nombre` } : { valeur: n };
}

export function lireEntier(texte: string): Lecture<number> {
  const n = lireNombre(texte);
  if ('erreur' in n) return n;
  return Number.isInteger(n.valeur) ? n : { erreur: `« ${texte} » n’est pas un nombre entier` };
}

const REZ_DE_CHAUSSEE = new Set(['rdc', 'rezdechaussee', 'rez']);

/** A floor number, "RDC" being 0. */
export function lireEtage(texte: string): Lecture<number> {
  return REZ_DE_CHAUSSEE.has(normaliserTexte(texte)) ? { valeur: 0 } : lireEntier(texte);
}

const VRAI = new Set(['oui', 'o', 'x', 'vrai', 'yes', 'y', '1', 'true']);
const FAUX = new Set(['non', 'n', 'faux', 'no', '0', 'false']);
const INCONNU = new Set(['nr', 'nonrenseigne', 'ns', 'nc', 'inconnu', '?']);

export function lireOuiNon(texte: string): Lecture<boolean | null> {
  const t = normaliserTexte(texte) || texte.trim();
  if (VRAI.has(t)) return { valeur: true };
  if (FAUX.has(t)) return { valeur: false };
  if (INCONNU.has(t)) return { valeur: null };
  return { erreur: `« ${texte} » : répondez oui ou non` };
}

// Excel counts days from 30 December 1899 when a date cell loses its format.
const ORIGINE_EXCEL = new Date(1899, 11, 30);
const SERIE_EXCEL = { min: 20000, max: 80000 };

export function lireDate(texte: string): Lecture<string> {
  const t = texte.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}` : t.slice(0, 10);
  if (parseDateIso(iso) !== null) return { valeur: iso };
  const serie = /^\d+$/.test(t) ? Number(t) : NaN;
  if (serie >= SERIE_EXCEL.min && serie <= SERIE_EXCEL.max) return { valeur: format(addDays(ORIGINE_EXCEL, serie), 'yyyy-MM-dd') };
  return { erreur: `« ${texte} » n’est pas une date (JJ/MM/AAAA)` };
}

/** "T3", "F3", "3", "Type 4", "T2 bis", "Studio"; six rooms and more are T6. */
export function lireTypologie(texte: string): Lecture<Typologie> {
  const t = normaliserTexte(texte);
  if (t === 'studio') return { valeur: 'T1' };
  const m = /^(?:t|f|type)?(\d+)(?:bis|ter)?$/.exec(t);
  const n = m ? Number(m[1]) : 0;
  if (n < 1) return { erreur: `« ${texte} » n’est pas une typologie (T1 à T6)` };
  return { valeur: TYPOLOGIES[Math.min(n, TYPOLOGIES.length) - 1] ?? 'T6' };
}

export function lireDpe(texte: string): Lecture<(typeof CLASSES_DPE)[number]> {
  const lettre = normaliserTexte(texte)
    .replace(/^(classe|etiquette|dpe)/, '')
    .toUpperCase();
  const classe = CLASSES_DPE.find((c) => c === lettre);
  return classe ? { valeur: classe } : { erreur: `« ${texte} » n’est pas une classe DPE (A à G)` };
}

export function lireZoneApl(texte: string): Lecture<1 | 2 | 3> {
  const m = /^(?:zone)?([123])$/.exec(normaliserTexte(texte));
  const zone = m ? Number(m[1]) : 0;
  return zone === 1 || zone === 2 || zone === 3 ? { valeur: zone } : { erreur: `« ${texte} » n’est pas une zone APL (1, 2 ou 3)` };
}
