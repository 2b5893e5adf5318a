import type { AlerteDossier, CodeVigilance, Menage } from '../domain/index.ts';

/** What the caseload needs of a household from its own records (the summary of version 2). */
export type ResumeBase = {
  id: string;
  residenceId: string;
  statut: Menage['statut'];
  nom: string;
  reference: string;
  adresse: string;
  /** Lower-case, accent-free text of every searchable field, occupants' names included. */
  texte: string;
  occupants: number;
  premierEntretienTermineLe: string | null;
  /** The lease signature: with the step, it tells whether the before-move clocks still run. */
  dateRelogement: string | null;
  entretienEnCours: boolean;
  dernierContact: string | null;
  supprime: boolean;
};

/** The dossier at a glance (docs/domaine.md §2 step 3): its completeness, whether something is missing or expiring. */
type ResumeDossier = { completude: number; alerte: boolean; /** At least one piece recorded. */ commence: boolean };

/**
 * What the caseload needs of a household, kept small so 5,000 of them filter in a few ms. Every
 * figure is computed when a record is written, so the caseload reads this table only. The dossier
 * and the proposals' clocks depend on the day: they hold for `calculeLe` and are refreshed in the
 * background once that day is past.
 */
export type ResumeMenage = ResumeBase & {
  /** The name, lower-case and accent-free: the caseload reads the summaries in this index's order. */
  cleTri: string;
  /** Null until first computed (summaries made before version 6). */
  dossier: ResumeDossier | null;
  /** The watch flags of the latest visit after the move. */
  vigilance: CodeVigilance[];
  /** Proposals' clocks overdue or due soon. */
  delais: AlerteDossier[];
  /** The day the dossier and the clocks were computed for ("AAAA-MM-JJ"; empty: never). */
  calculeLe: string;
};

/** A sealed row of many summaries (version 18, paquets-resumes.ts). Only `id`, `version` and `calculeLe` stay in clear: a row number, a random id and a day. */
export type PaquetResumes = {
  id: number;
  /** New at every write: the caseload keeps the rows it opened until their version changes. */
  version: string;
  /** The earliest day any of its summaries was computed for: a row to refresh is found without opening it. */
  calculeLe: string;
  resumes: ResumeMenage[];
};

/**
 * Holds FORMAT_RESUMES while every summary has this format and was computed with the current
 * settings; anything else (no value, an older format, a settings change) asks for a rebuild.
 */
export const CLE_FORMAT_RESUMES = 'formatResumes';
export const FORMAT_RESUMES = 3;

export const normaliser = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
