import { etatProposition, orientationCourante, refusDe, type Orientation, type Proposition } from '../proposition/index.ts';
import { STATUTS_RELOGE, type Menage } from '../menage/index.ts';
import type { NatureReunion } from './reunion.ts';

// Who is presented at the next meeting of an opération (charte §4 steps 6 and 8, §5.5 B to E):
// - at the orientation meeting, every household still to relocate that has no orientation yet;
// - at a GTR or a GTRM, every household still to relocate oriented to it, and every one whose
//   proposal in the circuit dématérialisé a partner did not validate since its last orientation:
//   « cette situation sera traitée dans le cadre des instances physiques (GTR ou GTRM) » (§5.5 C),
//   listed for both until the partners choose.
// A bilan de peuplement is about the résidence as a whole: it lists no household.
export const MOTIFS_PRESENTATION = ['sans_orientation', 'oriente', 'rejet_dematerialise'] as const;
export type MotifPresentation = (typeof MOTIFS_PRESENTATION)[number];
export const LIBELLES_MOTIF_PRESENTATION: Record<MotifPresentation, string> = {
  sans_orientation: 'Pas encore orienté',
  oriente: 'Orienté vers cette instance',
  rejet_dematerialise: 'Proposition non validée en circuit dématérialisé (charte §5.5 C)',
};

export type DossierOrdreDuJour = {
  menage: Pick<Menage, 'id' | 'statut' | 'dateRelogement' | 'supprime'>;
  orientations: readonly Orientation[];
  propositions: readonly Proposition[];
};
export type MenageAPresenter<D> = { dossier: D; motif: MotifPresentation };

const aReloger = (m: DossierOrdreDuJour['menage']): boolean => !m.supprime && !STATUTS_RELOGE.has(m.statut) && !m.dateRelogement;

/**
 * A partner rejected a proposal of the circuit dématérialisé on or after the household's current
 * orientation: the circuit opens again only with an orientation decided after the rejection, as
 * a new proposal checks it (proposition/situation.ts).
 */
function rejeteEnDematerialise(d: DossierOrdreDuJour, orienteLe: string): boolean {
  return d.propositions.some(
    (p) =>
      !p.supprime &&
      p.circuit === 'circuit_dematerialise' &&
      etatProposition(p) === 'rejetee_partenaires' &&
      (refusDe(p)?.date ?? p.proposeeLe) >= orienteLe,
  );
}

function motif(d: DossierOrdreDuJour, nature: NatureReunion): MotifPresentation | null {
  if (nature === 'bilan_peuplement' || !aReloger(d.menage)) return null;
  const courante = orientationCourante(d.orientations);
  if (nature === 'orientation') return courante === null ? 'sans_orientation' : null;
  if (courante === null) return null;
  if (courante.circuit === nature) return 'oriente';
  return courante.circuit === 'circuit_dematerialise' && rejeteEnDematerialise(d, courante.date) ? 'rejet_dematerialise' : null;
}

/** The households to present at a meeting of this nature, in the order given. */
export function menagesAPresenter<D extends DossierOrdreDuJour>(dossiers: readonly D[], nature: NatureReunion): MenageAPresenter<D>[] {
  return dossiers.flatMap((dossier) => {
    const m = motif(dossier, nature);
    return m === null ? [] : [{ dossier, motif: m }];
  });
}
