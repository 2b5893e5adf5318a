import { parseNombreFr } from '../commun/index.ts';
import type { Occupant } from '../occupation/index.ts';
import { seuilsQuartilesSchema, type SeuilsQuartiles } from './reglages.ts';
import { unitesConsommation } from './reste-a-vivre.ts';

// The resource quartile the CALEOL sheet gives (charte §4 step 9, figure 3), from the same
// consumption units as the reste à vivre.

/** The three limits as typed in the settings, « 10 200 ; 16 500 ; 23 000 »; empty clears them. */
export function lireSeuilsQuartiles(texte: string): { ok: true; valeur: SeuilsQuartiles | null } | { ok: false; message: string } {
  if (texte.trim() === '') return { ok: true, valeur: null };
  const r = seuilsQuartilesSchema.safeParse(texte.split(';').map((t) => parseNombreFr(t.trim()) ?? Number.NaN));
  return r.success
    ? { ok: true, valeur: r.data }
    : { ok: false, message: r.error.issues[0]?.message ?? 'Seuils des quartiles illisibles.' };
}

/** 1 to 4: where the household's yearly resources per consumption unit fall among the territory's applicants. */
export function quartileRessources(
  ressourcesMensuelles: number,
  composition: readonly Occupant[],
  date: string,
  seuils: SeuilsQuartiles,
): 1 | 2 | 3 | 4 {
  const parUnite = (ressourcesMensuelles * 12) / unitesConsommation(composition, date);
  const rang = seuils.findIndex((s) => parUnite <= s);
  return (rang === -1 ? 4 : rang + 1) as 1 | 2 | 3 | 4;
}
