// Parsing of what an officer types: drafts keep the raw text, rules read the parsed value.

/** A number typed the French way ("1 234,56", "1234.5"), or null when the text is not a number. */
export function parseNombreFr(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** A field's problem, in French, shown at the field. */
export type ErreurChamp = { champ: string; message: string };

export type Verdict = { ok: true } | { ok: false; message: string };
export const valide: Verdict = { ok: true };
export const invalide = (message: string): Verdict => ({ ok: false, message });

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "AAAA-MM-JJ" that exists (no 31 February), or null. */
export function parseDateIso(text: string): string | null {
  const m = isoDate.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return text.trim();
}

export type BornesNombre = { min?: number; max?: number; entier?: boolean; unite?: string };

const formatFr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

export function verifierNombre(text: string, bornes: BornesNombre): Verdict {
  const n = parseNombreFr(text);
  if (n === null)
    return invalide(bornes.entier ? 'Saisissez un nombre entier, par exemple 3.' : 'Saisissez un nombre, par exemple 1 234,56.');
  if (bornes.entier && !Number.isInteger(n)) return invalide('Saisissez un nombre entier, sans virgule.');
  if (n < 0 && (bornes.min ?? 0) >= 0) return invalide('La valeur ne peut pas être négative.');
  if (bornes.min !== undefined && n < bornes.min)
    return invalide(`La valeur doit être au moins ${formatFr(bornes.min)}${bornes.unite ? ` ${bornes.unite}` : ''}.`);
  if (bornes.max !== undefined && n > bornes.max) {
    return invalide(`Valeur improbable : vérifiez la saisie (au plus ${formatFr(bornes.max)}${bornes.unite ? ` ${bornes.unite}` : ''}).`);
  }
  return valide;
}

export type BornesDate = { pasApres?: string; pasAvant?: string; messageApres?: string; messageAvant?: string };

export function verifierDate(text: string, bornes: BornesDate = {}): Verdict {
  const date = parseDateIso(text);
  if (date === null) return invalide('Date invalide : choisissez un jour qui existe (JJ/MM/AAAA).');
  if (bornes.pasApres !== undefined && date > bornes.pasApres)
    return invalide(bornes.messageApres ?? 'La date ne peut pas être dans le futur.');
  if (bornes.pasAvant !== undefined && date < bornes.pasAvant) return invalide(bornes.messageAvant ?? 'La date est trop ancienne.');
  return valide;
}
