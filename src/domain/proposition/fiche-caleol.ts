import { format, subYears } from 'date-fns';
import { z } from 'zod';
import { parseDateIso, parseNombreFr } from '../commun/index.ts';
import { versDate } from '../calendrier/index.ts';
import type { PieceDossier } from '../dossier/index.ts';
import type { Menage } from '../menage/index.ts';
import type { Occupant } from '../occupation/index.ts';
import { unitesConsommation } from '../simulation/index.ts';
import type { Proposition } from './proposition.ts';

// What the CALEOL sheet (charte §4 step 9, figure 3) says of the household from what the app
// already holds: the date of the demand, the resource quartile, and the complementary facts the
// charter gives as examples (last household of a résidence to be demolished; household told of
// its relocation more than 2 years ago with no proposal yet).

/** The date of the social-housing demand: the one printed on the latest numéro unique certificate. */
export function dateDemandeLogement(pieces: readonly Pick<PieceDossier, 'id' | 'kind' | 'dateDocument' | 'supprime'>[]): string | null {
  const datees = pieces.filter((p) => !p.supprime && p.kind === 'numero_unique' && parseDateIso(p.dateDocument) !== null);
  return datees.sort((a, b) => b.id.localeCompare(a.id))[0]?.dateDocument ?? null;
}

/**
 * The three limits between the quartiles of yearly resources per consumption unit of the
 * territory's applicants (the 1st is set yearly by prefectoral order), in euros, rising.
 */
export const seuilsQuartilesSchema = z
  .array(z.number({ error: 'Seuil de quartile : un montant en euros.' }).positive('Un seuil de quartile est positif.'))
  .length(3, 'Indiquez les trois seuils des quartiles (1er, 2e, 3e).')
  .refine((s) => s.every((x, i) => i === 0 || x > (s[i - 1] ?? 0)), 'Les seuils des quartiles doivent croître.');
export type SeuilsQuartiles = z.infer<typeof seuilsQuartilesSchema>;

/** The three limits as typed in the settings, « 10 200 ; 16 500 ; 23 000 »; empty clears them. */
export function lireSeuilsQuartiles(texte: string): { ok: true; valeur: SeuilsQuartiles | null } | { ok: false; message: string } {
  if (texte.trim() === '') return { ok: true, valeur: null };
  const r = seuilsQuartilesSchema.safeParse(texte.split(';').map((t) => parseNombreFr(t.trim()) ?? Number.NaN));
  return r.success ? { ok: true, valeur: r.data } : { ok: false, message: r.error.issues[0]?.message ?? 'Seuils des quartiles illisibles.' };
}

/** 1 to 4: where the household's yearly resources per consumption unit fall among the territory's applicants. */
export function quartileRessources(ressourcesMensuelles: number, composition: readonly Occupant[], date: string, seuils: SeuilsQuartiles): 1 | 2 | 3 | 4 {
  const parUnite = (ressourcesMensuelles * 12) / unitesConsommation(composition, date);
  const rang = seuils.findIndex((s) => parUnite <= s);
  return (rang === -1 ? 4 : rang + 1) as 1 | 2 | 3 | 4;
}

export const ANS_SANS_PROPOSITION = 2;

/** Told of the relocation (the résidence's opening) more than 2 years ago, and no proposal made yet. */
export function sansPropositionDepuis(propositions: readonly Pick<Proposition, 'supprime'>[], ouvertureResidence: string, aujourdhui: string, ans = ANS_SANS_PROPOSITION): boolean {
  return !propositions.some((p) => !p.supprime) && ouvertureResidence < format(subYears(versDate(aujourdhui), ans), 'yyyy-MM-dd');
}

const STATUTS_RELOGES: ReadonlySet<Menage['statut']> = new Set(['reloge', 'suivi', 'clos']);
const estReloge = (m: Pick<Menage, 'statut' | 'dateRelogement'>): boolean => STATUTS_RELOGES.has(m.statut) || Boolean(m.dateRelogement);

/** Every other household of its résidence is relocated: this one is the last to leave. */
export function dernierMenageDeLaResidence(menage: Pick<Menage, 'id' | 'statut' | 'dateRelogement'>, menagesDeLaResidence: readonly Pick<Menage, 'id' | 'statut' | 'dateRelogement' | 'supprime'>[]): boolean {
  const autres = menagesDeLaResidence.filter((m) => !m.supprime && m.id !== menage.id);
  return !estReloge(menage) && autres.length > 0 && autres.every(estReloge);
}
