import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import type {
  BaremeFsl,
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
  Proposition,
  ReglagesTerritoire,
  Residence,
  SimulationEnregistree,
  VisiteCourtoisie,
} from '../domain/index.ts';
import type { Change, Conflict, HlcState } from '../sync/index.ts';
import { META } from './meta-champs.ts';
import type { MetaChamps } from './meta-champs.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES, cleTri, resumeDe } from './resume.ts';
import type { ResumeBase, ResumeMenage } from './resume.ts';

/** One outbox row per changed field, written in the same transaction as the record. */
export type OutboxRow = Change & { seq?: number };

/** Per field, until version 7: the clock of the value held locally and the server sequence last seen for it. */
type FieldMeta = { key: string; hlc: string; seq: number | null };

export type MetaRow =
  | { key: 'clock'; value: HlcState }
  | { key: 'checkpoint'; value: number }
  | { key: string; value: unknown };

/** A photo or scan: 'local' until the server has it, 'envoye' once uploaded, 'distant' when downloaded. */
export type BlobLocal = { hash: string; blob: Blob; mime: string; size: number; etat: 'local' | 'envoye' | 'distant'; recuLe: string };

/** Where the officer was in an interview, kept on this device only. */
export type Reprise = { entretienId: string; section: string; champ: string | null };

type VersionSchema = { numero: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> };

// Released versions are never edited: a change of schema is a new version (docs/stockage-local.md), and
// the migration test opens a database made with every earlier list of versions.
export const VERSIONS: readonly VersionSchema[] = [
  {
    numero: 1,
    stores: {
      operations: 'id',
      residences: 'id, operationId',
      menages: 'id, residenceId, statut',
      personnes: 'id, menageId',
      entretiens: 'id, menageId',
      parametres: 'id',
      outbox: '++seq, changeId, [table+recordId]',
      fieldMeta: 'key',
      meta: 'key',
      reprises: 'entretienId',
    },
  },
  {
    // A derived, local-only summary per household so the caseload searches and filters 5,000
    // households without reading every record.
    numero: 2,
    stores: { resumes: 'id, residenceId, statut' },
    async upgrade(tx) {
      const personnes = await tx.table<Personne>('personnes').toArray();
      const entretiens = await tx.table<Entretien>('entretiens').toArray();
      const menages = await tx.table<Menage>('menages').toArray();
      await tx.table<ResumeBase>('resumes').bulkPut(
        menages.map((m) => resumeDe(m, personnes.filter((p) => p.menageId === m.id), entretiens.filter((e) => e.menageId === m.id))),
      );
    },
  },
  {
    // Concurrent edits reported by the server, shown on the household until acknowledged.
    numero: 3,
    stores: { conflits: 'id, menageId' },
  },
  {
    // Offers, barèmes and settings of the territory; per household: saved simulations, follow-up
    // after the move, orientation and proposals.
    numero: 4,
    stores: {
      offres: 'id',
      baremes: 'id',
      simulations: 'id, menageId',
      visites: 'id, menageId',
      enquetes: 'id, menageId',
      orientations: 'id, menageId',
      propositions: 'id, menageId',
      mediations: 'id, menageId',
    },
  },
  {
    // The administrative dossier: its pieces sync as records; their photos and scans are local
    // blobs named by their SHA-256, uploaded and downloaded by the sync engine (docs/stockage-local.md).
    numero: 5,
    stores: { pieces: 'id, menageId', blobs: 'hash, etat' },
  },
  {
    // Summaries carry every figure the caseload shows (dossier, watch flags, proposals' clocks),
    // computed when records are written, the day they hold for, and a sort key read in index
    // order. Existing summaries get empty figures, dated never, and their format is unset: the
    // caseload has them rebuilt in the background.
    numero: 6,
    stores: { resumes: 'id, residenceId, statut, cleTri, calculeLe' },
    async upgrade(tx) {
      await tx
        .table<ResumeMenage>('resumes')
        .toCollection()
        .modify((r) => {
          Object.assign(r, { cleTri: cleTri(r.nom), dossier: null, vigilance: [], delais: [], calculeLe: '' });
        });
      await tx.table<MetaRow>('meta').delete(CLE_FORMAT_RESUMES);
    },
  },
  {
    // Each field's sync state moves into its record's row (meta-champs.ts): one row per record.
    numero: 7,
    stores: {},
    async upgrade(tx) {
      const parRecord = new Map<string, MetaChamps>();
      await tx.table<FieldMeta>('fieldMeta').each(({ key, hlc, seq }) => {
        const [table = '', recordId = ''] = key.split('|', 2);
        const cle = `${table}|${recordId}`;
        const meta = parRecord.get(cle) ?? {};
        meta[key.slice(cle.length + 1)] = { hlc, seq };
        parRecord.set(cle, meta);
      });
      const tables = new Set([...parRecord.keys()].map((cle) => cle.split('|', 1)[0] ?? '').filter((t) => tx.storeNames.includes(t)));
      for (const table of tables) {
        await tx.table(table).toCollection().modify((ligne: Record<string, unknown> & { id: string }) => {
          const meta = parRecord.get(`${table}|${ligne.id}`);
          if (meta) ligne[META] = meta;
        });
      }
    },
  },
  { numero: 8, stores: { fieldMeta: null } },
  {
    // Changes the server refused get a table of their own, shown to the officer per household.
    // Those an earlier version set aside in `meta` were refused under older rules (a chargée's
    // résidence): they go back to the outbox, in their order, to be sent again. Frozen: this
    // migration imports nothing that may change.
    numero: 9,
    stores: { refusees: 'changeId, menageId, seqOrigine' },
    async upgrade(tx) {
      const anciennes = (await tx.table<MetaRow>('meta').get('changesRefusees'))?.value;
      if (!Array.isArray(anciennes)) return;
      const lignes = (anciennes as (OutboxRow & { erreur?: unknown })[])
        .filter((r) => typeof r?.changeId === 'string')
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
        .map(({ seq: _seq, erreur: _erreur, ...change }) => change);
      await tx.table<OutboxRow>('outbox').bulkAdd(lignes);
      await tx.table<MetaRow>('meta').delete('changesRefusees');
    },
  },
  // The offers pooled in the territory and the households positioned on them.
  { numero: 10, stores: { offresPartagees: 'id', positionnements: 'id, offreId, menageId' } },
];

/** A change the server refused for good, kept until the officer retries, exports or drops it. */
export type ChangeRefusee = Change & { seqOrigine: number; erreur: string; menageId: string | null; refuseeLe: string };

/** `aEnvoyer`: acknowledged on this device, the server not told yet (the officer may be offline). */
export type ConflitLocal = Conflict & { menageId: string | null; aEnvoyer?: boolean };

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
  declare resumes: Table<ResumeMenage, string>;
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
  declare blobs: Table<BlobLocal, string>;
  declare refusees: Table<ChangeRefusee, string>;
  declare offresPartagees: Table<OffrePartagee, string>;
  declare positionnements: Table<Positionnement, string>;

  constructor(name = 'relogement', versions: readonly VersionSchema[] = VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.numero).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // A new database has no summary to rebuild.
    this.on('populate', (tx) => tx.table<MetaRow>('meta').put({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES }));
  }
}
