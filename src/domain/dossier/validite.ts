import { plusJours, plusMois } from '../calendrier/index.ts';
import { parseDateIso } from '../commun/index.ts';
import type { PieceDossier, StatutPiece } from './piece.ts';
import type { ReglagesDossier } from './reglages.ts';

// When a piece stops being valid, by rule: 6 months after it was provided (charte §4 step 4); a
// tax notice until the one that replaces it is due; the demand one year after its registration or
// renewal; never after the document's own expiry printed on it.

const dateOuNull = (texte: string): string | null => (texte ? parseDateIso(texte) : null);

const deux = (n: number) => String(n).padStart(2, '0');
/** The last day of a month ("day 0" of the next month). */
const finDuMois = (annee: number, mois: number): string =>
  `${annee}-${deux(mois)}-${deux(new Date(Date.UTC(annee, mois, 0)).getUTCDate())}`;

/** The year a tax notice was issued: printed on it, or else the latest issue before it was handed over. */
function anneeAvis(p: Pick<PieceDossier, 'dateDocument' | 'dateFournie'>, r: ReglagesDossier): number | null {
  const document = dateOuNull(p.dateDocument);
  if (document) return Number(document.slice(0, 4));
  const fournie = dateOuNull(p.dateFournie);
  if (!fournie) return null;
  const annee = Number(fournie.slice(0, 4));
  return Number(fournie.slice(5, 7)) > r.moisAvisImposition ? annee : annee - 1;
}

function finParRegle(p: Pick<PieceDossier, 'kind' | 'dateDocument' | 'dateFournie'>, r: ReglagesDossier): string | null {
  if (p.kind === 'avis_imposition_dernier' || p.kind === 'avis_imposition_precedent') {
    const annee = anneeAvis(p, r);
    // The latest notice is replaced by next year's; the one before it by the year after.
    return annee === null ? null : finDuMois(annee + (p.kind === 'avis_imposition_dernier' ? 1 : 2), r.moisAvisImposition);
  }
  if (p.kind === 'numero_unique') {
    const depart = dateOuNull(p.dateDocument) ?? dateOuNull(p.dateFournie);
    return depart ? plusMois(depart, r.validiteDemandeMois) : null;
  }
  const fournie = dateOuNull(p.dateFournie);
  return fournie ? plusMois(fournie, r.validiteMois) : null;
}

/** The last day the piece is valid, or null while it has not been provided. */
export function finValidite(
  p: Pick<PieceDossier, 'kind' | 'dateDocument' | 'dateFournie' | 'expireLe'>,
  r: ReglagesDossier,
): string | null {
  const regle = finParRegle(p, r);
  const propre = dateOuNull(p.expireLe);
  if (regle === null) return null;
  return propre !== null && propre < regle ? propre : regle;
}

/** Where the piece stands today: a provided piece expires, or is to renew within the notice period. */
export function statutPiece(
  p: Pick<PieceDossier, 'statut' | 'kind' | 'dateDocument' | 'dateFournie' | 'expireLe'>,
  r: ReglagesDossier,
  aujourdhui: string,
): StatutPiece {
  if (p.statut === 'non_applicable' || p.statut === 'manquante' || p.statut === 'expiree') return p.statut;
  const fin = finValidite(p, r);
  if (fin !== null && fin < aujourdhui) return 'expiree';
  if (p.statut === 'a_renouveler') return 'a_renouveler';
  return fin !== null && fin <= plusJours(aujourdhui, r.alerteJours) ? 'a_renouveler' : 'fournie';
}
