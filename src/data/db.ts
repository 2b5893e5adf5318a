import Dexie from 'dexie';
import type { Table } from 'dexie';
import type {
  BaremeFsl,
  BilanAnnuel,
  Demenagement,
  ChangementSituation,
  DecisionReunion,
  EnqueteSatisfaction,
  Entretien,
  Mediation,
  Menage,
  Offre,
  OffrePartagee,
  Operation,
  Orientation,
  PieceDossier,
  Personne,
  Positionnement,
  PlanRelogement,
  Proposition,
  ReglagesTerritoire,
  Residence,
  Reunion,
  SimulationEnregistree,
  VisiteCourtoisie,
} from '../domain/index.ts';
import type { Change, Conflict, HlcState } from '../sync/index.ts';
import { Coffre, middlewareChiffrement } from './coffre.ts';
import { VERSIONS } from './migrations/index.ts';
import type { VersionSchema } from './migrations/index.ts';
import { middlewareLecturesMeta } from './lectures-meta.ts';
import { middlewareLigneMenage } from './ligne-menage.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES } from './resume.ts';
import type { PaquetResumes, ResumeMenage } from './resume.ts';
import type { PaquetFaits } from './paquet-faits.ts';
import { middlewareOffresPilotage } from './offres-pilotage-middleware.ts';
import type { PaquetOffres } from './paquet-offres.ts';

export { VERSIONS };

/** One outbox row per changed field, written in the same transaction as the record. */
export type OutboxRow = Change & { seq?: number };

export type MetaRow =
  | { key: 'clock'; value: HlcState }
  | { key: 'checkpoint'; value: number }
  | { key: string; value: unknown };

/** A photo or scan: 'local' until the server has it, 'envoye' once uploaded, 'distant' when downloaded. */
export type BlobLocal = { hash: string; blob: Blob; mime: string; size: number; etat: 'local' | 'envoye' | 'distant'; recuLe: string };

/** Where the officer was in an interview, kept on this device only. */
export type Reprise = { entretienId: string; section: string; champ: string | null };

/** What is typed in a form recorded on submit, kept on this device only until the form is recorded. */
export type Brouillon = { cle: string; menageId: string | null; valeurs: Record<string, string> };

/** A change the server refused for good, kept until the officer retries, exports or drops it. */
export type ChangeRefusee = Change & { seqOrigine: number; erreur: string; menageId: string | null; refuseeLe: string };

/** `aEnvoyer`: acknowledged on this device, the server not told yet (the officer may be offline). */
export type ConflitLocal = Conflict & { menageId: string | null; aEnvoyer?: boolean };

/**
 * Dexie follows its transaction across a native `await` only for a few microtasks after its own
 * last operation: an async step that ends with a Dexie operation, awaited through more async
 * returns, resumes outside the transaction; its next operation then runs in a transaction of its
 * own while the first commits under it (PrematureCommitError). Awaited as a Dexie promise, the
 * step resumes in the caller's transaction.
 */
export const dansLaTransaction = <T>(etape: Promise<T>): Promise<T> => Dexie.Promise.resolve(etape);

export class RelogementDb extends Dexie {
  declare operations: Table<Operation, string>;
  declare residences: Table<Residence, string>;
  declare menages: Table<Menage, string>;
  declare personnes: Table<Personne, string>;
  declare entretiens: Table<Entretien, string>;
  declare parametres: Table<ReglagesTerritoire, string>;
  declare outbox: Table<OutboxRow, number>;
  declare meta: Table<MetaRow, string>;
  declare reprises: Table<Reprise, string>;
  /** Summaries one per row, as versions 2 to 17 stored them: moved to `paquetsResumes` in the background. */
  declare resumes: Table<ResumeMenage, string>;
  declare paquetsResumes: Table<PaquetResumes, number>;
  /** What the steering figures read of each household, in 64 sealed rows (version 19, faits-pilotage.ts). */
  declare paquetsFaits: Table<PaquetFaits, number>;
  /** What the steering figures read of the offers, in 16 rows kept with every write of an offer (version 21, paquet-offres.ts). */
  declare offresPilotage: Table<PaquetOffres, number>;
  declare conflits: Table<ConflitLocal, string>;
  declare offres: Table<Offre, string>;
  declare baremes: Table<BaremeFsl, string>;
  declare simulations: Table<SimulationEnregistree, string>;
  declare visites: Table<VisiteCourtoisie, string>;
  declare enquetes: Table<EnqueteSatisfaction, string>;
  declare orientations: Table<Orientation, string>;
  declare propositions: Table<Proposition, string>;
  declare mediations: Table<Mediation, string>;
  declare pieces: Table<PieceDossier, string>;
  declare demenagements: Table<Demenagement, string>;
  declare blobs: Table<BlobLocal, string>;
  declare refusees: Table<ChangeRefusee, string>;
  declare reunions: Table<Reunion, string>;
  declare decisionsReunion: Table<DecisionReunion, string>;
  declare changementsSituation: Table<ChangementSituation, string>;
  declare offresPartagees: Table<OffrePartagee, string>;
  declare positionnements: Table<Positionnement, string>;
  declare plansRelogement: Table<PlanRelogement, string>;
  declare bilansAnnuels: Table<BilanAnnuel, string>;
  declare brouillons: Table<Brouillon, string>;

  /** The data key of an encrypted database (the officer's, not the demo space's); null when rows are stored in clear. */
  readonly coffre: Coffre | null;

  constructor(name = 'relogement', versions: readonly VersionSchema[] = VERSIONS, { chiffree = false } = {}) {
    super(name);
    this.coffre = chiffree ? new Coffre() : null;
    if (this.coffre) this.use(middlewareChiffrement(this.coffre));
    this.use(middlewareLigneMenage(() => this.verno));
    this.use(middlewareOffresPilotage());
    this.use(middlewareLecturesMeta);
    for (const v of versions) {
      const version = this.version(v.numero).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // A new database has no summary to rebuild.
    this.on('populate', (tx) => tx.table<MetaRow>('meta').put({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES }));
  }
}
