import type { Menage, Operation, Residence } from '../menage/index.ts';
import type { Offre } from '../offre/index.ts';
import type { Mediation, Proposition } from '../proposition/index.ts';
import type { EnqueteSatisfaction } from '../visite/index.ts';
import type { BilanAnnuel } from './bilan-annuel-schema.ts';
import type { PlanRelogement } from './plan-schema.ts';
import { faitsDesPropositions, type FaitChiffre } from './faits.ts';

// What every figure is computed from: the records, as the tablet stores them and the server loads
// them for the organisations it reports on, the proposals as their facts (faits.ts). No figure is
// typed by hand.
export type DonneesPilotage = {
  menages: readonly Menage[];
  residences: readonly Residence[];
  operations: readonly Operation[];
  offres: readonly Offre[];
  /** The proposals that are not deleted, as the facts the figures read (`faitDeProposition`). */
  propositions: readonly FaitChiffre[];
  mediations: readonly Mediation[];
  enquetes: readonly EnqueteSatisfaction[];
  /** The relocation plans of the operations (charte §6.6). */
  plansRelogement: readonly PlanRelogement[];
  /** What the yearly review needs that the records do not hold (AMP annexe 4, flux art. 6, charte §2.3). */
  bilansAnnuels: readonly BilanAnnuel[];
  /** The territory's organisations, whose current names the yearly review shows (none outside a territory). */
  organisations?: readonly { id: string; name: string }[];
};

/** The same with the proposals as records: what a device holds. */
export type EnregistrementsPilotage = Omit<DonneesPilotage, 'propositions'> & { propositions: readonly Proposition[] };

/** What the figures are computed from, out of the records: the proposals become their facts. */
export const donneesPilotage = (e: EnregistrementsPilotage): DonneesPilotage => ({
  ...e,
  propositions: faitsDesPropositions(e.propositions),
});

/**
 * The fields of each record the figures, tables and caseloads read: all a server needs to load
 * (a territory holds hundreds of thousands of records, each stored field by field). A figure that
 * reads another field must add it here, or the server computes it from a default.
 */
export const CHAMPS_PILOTAGE = {
  menages: ['id', 'residenceId', 'referentId', 'statut', 'supprime'],
  residences: ['id', 'operationId', 'bailleur', 'supprime'],
  operations: ['id', 'supprime'],
  offres: [
    'id',
    'supprime',
    'dateDisponibilite',
    'bailleur',
    'bailleurId',
    'commune',
    'qpv',
    'typologie',
    'financement',
    'datePremiereLocation',
    'anneePremiereLocation',
    'dateConventionnement',
    'dateRehabilitation',
    'reservataire',
  ],
  propositions: [
    'id',
    'menageId',
    'offreId',
    'rang',
    'proposeeLe',
    'partenaires',
    'avis',
    'caleol',
    'visite',
    'reponse',
    'bailSigneLe',
    'retrait',
    'temporaire',
    'refusLegitime',
    'simulation',
    'supprime',
  ],
  mediations: ['id', 'menageId', 'date', 'supprime'],
  enquetes: ['id', 'menageId', 'issue', 'date', 'logement', 'supprime'],
  plansRelogement: ['id', 'operationId', 'revisions', 'supprime'],
  bilansAnnuels: ['id', 'annee', 'objectifs', 'attributions', 'engagementsFlux', 'supprime'],
} as const satisfies {
  [T in Exclude<keyof EnregistrementsPilotage, 'organisations'>]: readonly (keyof NonNullable<EnregistrementsPilotage[T]>[number])[];
};

export const DONNEES_VIDES: DonneesPilotage = {
  menages: [],
  residences: [],
  operations: [],
  offres: [],
  propositions: [],
  mediations: [],
  enquetes: [],
  plansRelogement: [],
  bilansAnnuels: [],
};
