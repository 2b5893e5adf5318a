import {
  empechementPreparation,
  preparerSourcePilotage,
  suivreSourcePilotage,
  type RelogementDb,
  type SourcePilotage,
} from '../../data/index.ts';
import { calculerPilotage, type FiltresPilotage, type RapportPilotage } from '../../domain/index.ts';
import { aujourdhui } from '../commun/contexte.ts';
import { filtresALOuverture } from './Rapport.tsx';

// « Pilotage » prepared at idle, so that the tap finds its figures: the source read and kept
// (preparation-pilotage.ts) and the report of the screen's opening filters computed, after the
// unlock once the caseload is shown, and again after each change to what the source reads.
// Each step is one read or one computation, between which the page handles input. Nothing outlives
// the lock: the kept source leaves with the key, and the report with its source.

/** The last report computed from each source: the screen opened on a source kept unchanged computes nothing. */
const rapports = new WeakMap<SourcePilotage, { cle: string; rapport: RapportPilotage }>();

export function rapportDe(source: SourcePilotage, filtres: FiltresPilotage): RapportPilotage {
  const cle = JSON.stringify(filtres);
  const connu = rapports.get(source);
  if (connu?.cle === cle) return connu.rapport;
  const rapport = calculerPilotage(source.donnees, filtres, { offresProposeesSeulement: source.portefeuille }, source.reglages);
  rapports.set(source, { cle, rapport });
  return rapport;
}

/** Writes come in bursts (a lease signed, a pull's pages): prepared once they pause. */
export const APRES_ECRITURE_MS = 2_000;
/** After an unlock, the screen the officer comes back to is drawn first. */
const APRES_DEVERROUILLAGE_MS = 2_000;

const auRepos = (travail: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(travail, { timeout: 1_000 }) : setTimeout(travail, 0);
const prochainRepos = () => new Promise<void>((fin) => auRepos(fin));
const ouverte = (db: RelogementDb) => !db.coffre || db.coffre.ouvert;

/**
 * Prepares « Pilotage » now, when idle, then after each write to its source's tables (here or in
 * another tab) once they pause, and after each unlock; one preparation at a time. The bench reads
 * its marks (`pilotage:preparation`, `pilotage:preparee`). Returns what stops it.
 */
export function preparerPilotageAuRepos(db: RelogementDb): () => void {
  let minuteur: ReturnType<typeof setTimeout> | undefined;
  let enCours = false;
  let aRefaire = false;
  let arrete = false;
  // A wait under way (the summaries' run, the next write of `meta` during a sync) may end after the stop.
  const planifier = (delai: number) => {
    if (arrete) return;
    clearTimeout(minuteur);
    minuteur = setTimeout(() => auRepos(() => void preparer()), delai);
  };
  async function preparer(): Promise<void> {
    if (!ouverte(db)) return;
    if (enCours) return void (aRefaire = true);
    enCours = true;
    try {
      const empechement = await empechementPreparation(db);
      if (empechement) return void empechement.attendre.finally(() => planifier(APRES_ECRITURE_MS));
      performance.mark('pilotage:preparation');
      const source = await preparerSourcePilotage(db);
      if (!source) return;
      await prochainRepos();
      if (!ouverte(db)) return;
      rapportDe(source, filtresALOuverture(aujourdhui()));
      performance.mark('pilotage:preparee');
    } catch (e) {
      // A lock (the key gone) or a database closed (another tab's newer version) stops a preparation; the next unlock prepares again.
      if (ouverte(db) && (e as { name?: string } | null)?.name !== 'DatabaseClosedError') console.error(e);
    } finally {
      enCours = false;
      if (aRefaire) {
        aRefaire = false;
        planifier(APRES_ECRITURE_MS);
      }
    }
  }
  const arrets = [
    suivreSourcePilotage(db, () => planifier(APRES_ECRITURE_MS)),
    db.coffre?.ecouter(() => (ouverte(db) ? planifier(APRES_DEVERROUILLAGE_MS) : clearTimeout(minuteur))),
  ];
  auRepos(() => void preparer());
  return () => {
    arrete = true;
    clearTimeout(minuteur);
    arrets.forEach((arreter) => arreter?.());
  };
}
