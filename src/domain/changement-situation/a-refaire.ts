import { LIBELLES_KIND_PIECE, type KindPiece, type PieceDossier } from '../dossier/index.ts';
import type { SimulationEnregistree } from '../simulation/index.ts';
import type { ChangementSituation, NatureChangement } from './changement.ts';

// What a change of situation makes stale (charte §4 step 4: the pieces are updated « à chaque
// changement de situation »; charte §7.1: resources and composition feed the taux d'effort and
// the reste à vivre, so a simulation made before no longer holds). The pieces each change
// touches follow the regulatory list of the social-housing application (arrêté du 22 décembre
// 2020): composition (livret de famille, divorce judgment), resources (payslips, unemployment,
// pension, CAF benefits).
export const PIECES_TOUCHEES: Record<NatureChangement, readonly KindPiece[]> = {
  naissance: ['livret_famille', 'attestation_caf'],
  separation: ['jugement_divorce', 'livret_famille', 'attestation_caf'],
  nouvel_emploi: ['bulletins_salaire', 'attestation_chomage', 'attestation_caf'],
  deces: ['livret_famille', 'justificatif_pension', 'attestation_caf'],
  autre: [],
};

/** The pieces whose absence the change makes a gap: a separation needs its judgment, a new job its payslips. */
const PIECES_A_AJOUTER: Record<NatureChangement, readonly KindPiece[]> = {
  naissance: ['livret_famille'],
  separation: ['jugement_divorce'],
  nouvel_emploi: ['bulletins_salaire'],
  deces: [],
  autre: [],
};

export type ARefaire = {
  /** Pieces handed over before the change (or never): to ask for again. */
  piecesARenouveler: PieceDossier[];
  /** Pieces the change requires that the dossier does not hold yet. */
  piecesAAjouter: { kind: KindPiece; libelle: string }[];
  /** Simulations computed on the situation before the change, with no newer one for the same dwelling. */
  simulationsARefaire: SimulationEnregistree[];
};

const concerne = (p: PieceDossier, c: ChangementSituation): boolean =>
  c.personneId === null || p.personneId === null || p.personneId === c.personneId;
const fournieDepuis = (p: PieceDossier, date: string): boolean => p.dateFournie !== '' && p.dateFournie >= date;

export function aRefaireApres(
  c: ChangementSituation,
  pieces: readonly PieceDossier[],
  simulations: readonly SimulationEnregistree[],
): ARefaire {
  const touchees = PIECES_TOUCHEES[c.nature];
  const presentes = pieces.filter((p) => !p.supprime && p.statut !== 'non_applicable');
  const piecesARenouveler = presentes.filter(
    (p) => touchees.includes(p.kind) && concerne(p, c) && p.statut !== 'manquante' && !fournieDepuis(p, c.date),
  );
  const piecesAAjouter = PIECES_A_AJOUTER[c.nature]
    .filter((kind) => !presentes.some((p) => p.kind === kind && p.statut !== 'manquante'))
    .map((kind) => ({ kind, libelle: LIBELLES_KIND_PIECE[kind] }));
  const vivantes = simulations.filter((s) => !s.supprime);
  const refaite = (s: SimulationEnregistree) => vivantes.some((x) => x.offreId === s.offreId && x.creeLe >= c.date);
  const simulationsARefaire = vivantes.filter((s) => s.creeLe < c.date && !refaite(s));
  return { piecesARenouveler, piecesAAjouter, simulationsARefaire };
}

/** Nothing left to renew or redo for this change. */
export const estAJour = (a: ARefaire): boolean =>
  a.piecesARenouveler.length === 0 && a.piecesAAjouter.length === 0 && a.simulationsARefaire.length === 0;
