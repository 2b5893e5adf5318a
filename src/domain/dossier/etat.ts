import type { Menage, Personne } from '../menage/index.ts';
import { cleExigence, exigencesDossier } from './liste.ts';
import type { Exigence } from './liste.ts';
import type { KindPiece, PieceDossier, StatutPiece } from './piece.ts';
import type { ReglagesDossier } from './reglages.ts';
import { finValidite, statutPiece } from './validite.ts';

// The dossier at a glance: the checklist with the pieces held, the completeness, what is missing
// and what expires soon. Pieces the officer added outside the checklist count like the others.

export type LigneDossier = {
  cle: string;
  kind: KindPiece;
  personneId: string | null;
  /** Null while nothing was recorded for a piece of the checklist. */
  piece: PieceDossier | null;
  statut: StatutPiece;
  finValidite: string | null;
  /** Asked by the checklist (false: added by the officer). */
  exigee: boolean;
};

export type EtatDossier = {
  lignes: LigneDossier[];
  /** Whole percent of the applicable pieces that are held and valid. */
  completude: number;
  manquantes: LigneDossier[];
  aRenouveler: LigneDossier[];
};

const ligne = (
  cle: string,
  kind: KindPiece,
  personneId: string | null,
  piece: PieceDossier | null,
  exigee: boolean,
  r: ReglagesDossier,
  aujourdhui: string,
): LigneDossier => ({
  cle,
  kind,
  personneId,
  piece,
  exigee,
  statut: piece ? statutPiece(piece, r, aujourdhui) : 'manquante',
  finValidite: piece ? finValidite(piece, r) : null,
});

export function etatDossier(
  exigences: readonly Exigence[],
  pieces: readonly PieceDossier[],
  r: ReglagesDossier,
  aujourdhui: string,
): EtatDossier {
  // The newest record of a line wins (ids are time-ordered); others stay listed, never hidden.
  const restantes = pieces.filter((p) => !p.supprime).sort((a, b) => b.id.localeCompare(a.id));
  const lignes: LigneDossier[] = exigences.map((e) => {
    const i = restantes.findIndex((p) => cleExigence(p.kind, p.personneId) === e.cle);
    const piece = i >= 0 ? (restantes.splice(i, 1)[0] ?? null) : null;
    return ligne(e.cle, e.kind, e.personneId, piece, true, r, aujourdhui);
  });
  for (const p of restantes.reverse()) lignes.push(ligne(`piece|${p.id}`, p.kind, p.personneId, p, false, r, aujourdhui));
  const applicables = lignes.filter((l) => l.statut !== 'non_applicable');
  const tenues = applicables.filter((l) => l.statut === 'fournie' || l.statut === 'a_renouveler');
  return {
    lignes,
    completude: applicables.length === 0 ? 100 : Math.floor((100 * tenues.length) / applicables.length),
    manquantes: applicables.filter((l) => l.statut === 'manquante' || l.statut === 'expiree'),
    aRenouveler: applicables.filter((l) => l.statut === 'a_renouveler'),
  };
}

/** The caseload's "dossier" alert: something missing or to renew soon. */
export const dossierAlerte = (e: EtatDossier): boolean => e.manquantes.length > 0 || e.aRenouveler.length > 0;

/**
 * A household's dossier on a day: the checklist of its occupants and situation, against its pieces.
 * `personnes` are those relocated together (`occupantsAReloger`): a décohabitant has his own file.
 */
export const etatDossierMenage = (
  menage: Pick<Menage, 'type' | 'menageOrigineId'>,
  personnes: readonly Personne[],
  pieces: readonly PieceDossier[],
  r: ReglagesDossier,
  aujourdhui: string,
): EtatDossier =>
  etatDossier(
    exigencesDossier(
      { occupants: personnes.filter((p) => !p.supprime), typeMenage: menage.type, decohabitation: Boolean(menage.menageOrigineId) },
      aujourdhui,
    ),
    pieces,
    r,
    aujourdhui,
  );
