import { format, subYears } from 'date-fns';
import { parseDateIso, type Verdict } from '../commun/index.ts';
import { versDate } from '../calendrier/index.ts';
import type { PieceDossier } from '../dossier/index.ts';
import { STATUTS_RELOGE, type Menage } from '../menage/index.ts';
import type { Proposition } from './proposition.ts';

// What the CALEOL sheet (charte §4 step 9, figure 3) says of the household from what the app
// already holds: the date of the demand (the resource quartile is `quartileRessources`), and the
// complementary facts the
// charter gives as examples (last household of a résidence to be demolished; household told of
// its relocation more than 2 years ago with no proposal yet).

/** The date of the social-housing demand: the one printed on the latest numéro unique certificate. */
export function dateDemandeLogement(pieces: readonly Pick<PieceDossier, 'id' | 'kind' | 'dateDocument' | 'supprime'>[]): string | null {
  const datees = pieces.filter((p) => !p.supprime && p.kind === 'numero_unique' && parseDateIso(p.dateDocument) !== null);
  return datees.sort((a, b) => b.id.localeCompare(a.id))[0]?.dateDocument ?? null;
}

/**
 * The numéro unique given by the national register (SNE) when the demand is registered (CCH
 * R441-2-2). The sources at hand give no layout for it: it is checked as the register's
 * alphanumeric identifier, 8 to 20 digits or capital letters once spaces and dashes are removed,
 * mostly digits (at least 6), so a word typed there is not taken for a number.
 */
const NUMERO_UNIQUE = /^(?=(?:[A-Z]*\d){6})[0-9A-Z]{8,20}$/;
const sansSeparateurs = (numero: string): string => numero.replace(/[\s-]/g, '').toUpperCase();

export function verifierNumeroUnique(numero: string): Verdict {
  return NUMERO_UNIQUE.test(sansSeparateurs(numero))
    ? { ok: true }
    : {
        ok: false,
        message: 'Numéro unique invalide : 8 à 20 chiffres ou lettres, dont au moins 6 chiffres, comme sur l’attestation d’enregistrement.',
      };
}

/** The demand's number, from the latest numéro unique certificate that carries a valid one. */
export function numeroDemandeLogement(pieces: readonly Pick<PieceDossier, 'id' | 'kind' | 'numero' | 'supprime'>[]): string | null {
  const numerotees = pieces.filter((p) => !p.supprime && p.kind === 'numero_unique' && verifierNumeroUnique(p.numero).ok);
  const derniere = numerotees.sort((a, b) => b.id.localeCompare(a.id))[0];
  return derniere ? sansSeparateurs(derniere.numero) : null;
}

export const ANS_SANS_PROPOSITION = 2;

/** Told of the relocation (the résidence's opening) more than 2 years ago, and no proposal made yet. */
export function sansPropositionDepuis(
  propositions: readonly Pick<Proposition, 'supprime'>[],
  ouvertureResidence: string,
  aujourdhui: string,
  ans = ANS_SANS_PROPOSITION,
): boolean {
  return !propositions.some((p) => !p.supprime) && ouvertureResidence < format(subYears(versDate(aujourdhui), ans), 'yyyy-MM-dd');
}

const estReloge = (m: Pick<Menage, 'statut' | 'dateRelogement'>): boolean => STATUTS_RELOGE.has(m.statut) || Boolean(m.dateRelogement);

/** Every other household of its résidence is relocated: this one is the last to leave. */
export function dernierMenageDeLaResidence(
  menage: Pick<Menage, 'id' | 'statut' | 'dateRelogement'>,
  menagesDeLaResidence: readonly Pick<Menage, 'id' | 'statut' | 'dateRelogement' | 'supprime'>[],
): boolean {
  const autres = menagesDeLaResidence.filter((m) => !m.supprime && m.id !== menage.id);
  return !estReloge(menage) && autres.length > 0 && autres.every(estReloge);
}
