import {
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  droitsBilanAnnuel,
  faitsDesPropositions,
  idBilanAnnuel,
  remplacerPartie,
  reviserPlan,
  type BilanAnnuel,
  type DonneesPilotage,
  type DroitsBilanAnnuel,
  type EntreeBilan,
  type LignePlan,
  type PartieBilan,
  type PlanRelogement,
  type ReglagesPilotage,
} from '../domain/index.ts';
import { ecrire } from './ecriture.ts';
import type { RelogementDb } from './db.ts';
import { lireSession } from './session.ts';
import { lireOrganisationsTerritoire } from './partenariat.ts';
import { lireEquipe } from './synchro.ts';

// What the « Pilotage » screen computes from on the tablet, offline: the records this device
// holds, which are the chargée's own caseload (the server sends her only the households she
// follows) or, for an encadrant, the organisation's.
export type SourcePilotage = {
  donnees: DonneesPilotage;
  reglages: ReglagesPilotage;
  /** Account id → name, for the caseload per chargé. */
  noms: Map<string, string>;
  /** A chargée sees her caseload; others the organisation's. */
  portefeuille: boolean;
  /** What this account types in the yearly review, and its organisation (a landlord's own total is under its id). */
  droitsBilan: DroitsBilanAnnuel;
  organisation: { id: string; name: string };
  /** The landlords of the territory, among which objectives and totals are chosen (none outside a territory). */
  bailleurs: readonly { id: string; name: string }[];
};

export async function lireSourcePilotage(db: RelogementDb): Promise<SourcePilotage> {
  const [menages, residences, operations, offres, propositions, mediations, enquetes, plansRelogement, bilansAnnuels, territoire, equipe, session] = await Promise.all([
    db.menages.toArray(),
    db.residences.toArray(),
    db.operations.toArray(),
    db.offres.toArray(),
    db.propositions.toArray(),
    db.mediations.toArray(),
    db.enquetes.toArray(),
    db.plansRelogement.toArray(),
    db.bilansAnnuels.toArray(),
    db.parametres.get('territoire'),
    lireEquipe(db),
    lireSession(db),
  ]);
  const organisations = await lireOrganisationsTerritoire(db);
  return {
    donnees: { menages, residences, operations, offres, propositions: faitsDesPropositions(propositions), mediations, enquetes, plansRelogement, bilansAnnuels, organisations },
    reglages: territoire?.pilotage ?? REGLAGES_PILOTAGE_PAR_DEFAUT,
    noms: new Map((equipe ?? []).map((m) => [m.id, m.name])),
    portefeuille: session?.user.role === 'chargé',
    droitsBilan: droitsBilanAnnuel(session?.user.role ?? '', session?.user.organisation.kind ?? null),
    organisation: { id: session?.user.organisation.id ?? '', name: session?.user.organisation.name ?? '' },
    bailleurs: organisations.filter((o) => o.kind === 'bailleur'),
  };
}

/**
 * Saves `lignes` as the relocation plan of the operation for the quarter holding `jour` (charte
 * §6.6): the forecasts of earlier quarters are kept. The schema refuses a negative forecast.
 */
export function enregistrerPlan(db: RelogementDb, operationId: string, jour: string, lignes: readonly LignePlan[]): Promise<PlanRelogement> {
  return ecrire<PlanRelogement>(db, 'plansRelogement', operationId, (courant) => reviserPlan(courant, operationId, jour, lignes));
}

/**
 * Saves one part of the year's review (landlords' objectives, réservataires' commitments or
 * landlords' total lettings) as `entrees`, or only the entry under `seulement` (a landlord's own
 * total, the others' kept); the schema refuses a negative or missing figure.
 */
export function enregistrerBilanAnnuel<P extends PartieBilan>(
  db: RelogementDb,
  annee: number,
  partie: P,
  entrees: readonly EntreeBilan<P>[],
  seulement: string | null = null,
): Promise<BilanAnnuel> {
  return ecrire<BilanAnnuel>(db, 'bilansAnnuels', idBilanAnnuel(annee), (courant) =>
    remplacerPartie(courant, annee, partie, entrees, seulement),
  );
}
