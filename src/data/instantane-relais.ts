import { REGLAGES_TERRITOIRE_PAR_DEFAUT, jourIso } from '../domain/index.ts';
import type { Demenagement, EnqueteSatisfaction, Entretien, Mediation, Menage, Personne, PieceDossier, Proposition, ReglagesTerritoire, VisiteCourtoisie } from '../domain/index.ts';
import { SYNCED_TABLES, sameJson } from '../sync/index.ts';
import type { SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { faitsDuMenage } from './faits-pilotage.ts';
import type { FaitsDuMenage, LignesLues } from './faits-pilotage.ts';
import { pause, resumesEntiers } from './resume-calcul.ts';
import type { LecteurLignes } from './resume-calcul.ts';
import type { ResumeMenage } from './resume.ts';

// The rows a new device's snapshot stored during this sync, in clear, handed to the summaries'
// pass that follows (docs/sync.md, « Instantané ») so that it need not read back, unseal and parse
// the rows it has just written. It lives in memory for one sync cycle, from the snapshot's first
// page: a snapshot resumed from a cursor has stored some rows in an earlier cycle, and is summarised
// from storage. A household is served from here only if every row of it the device holds is one the
// snapshot wrote whole and nothing has written since: a pulled page after the snapshot excludes the
// households it touches, and the pass excludes those with a local edit (outbox, refused changes),
// which holds every write of the officer until the next push (a later cycle).
//
// The summaries and facts of its households are made ahead, while the pages are stored, in the
// main thread's idle time (it waits on IndexedDB for much of a snapshot): a household whose rows
// change afterwards (a later page) is made again, and the pass after the last page only seals and
// writes them, once it has checked they are for the settings and the day it reads.

type Row = Record<string, unknown> & { id: string };

/** The tables the summaries and the pilotage facts read, the settings included. */
const TABLES_RELAYEES: ReadonlySet<string> = new Set([
  'parametres',
  'menages',
  'personnes',
  'entretiens',
  'pieces',
  'visites',
  'propositions',
  'demenagements',
  'mediations',
  'enquetes',
]);

/** Beyond this many rows (an organisation of tens of thousands of households), the pass reads from storage rather than hold them all. */
const LIGNES_MAX = 120_000;

/** The longest stretch of summaries made ahead at once, in milliseconds: the page being stored goes on between two. */
const TRANCHE_MS = 8;
/** Households summarised between two looks at the time. */
const PAR_LOT = 25;

/** A household's summary and facts made ahead. */
type Pret = { resume: ResumeMenage; faits: FaitsDuMenage };

const requeteInactive = (globalThis as { requestIdleCallback?: (f: (d: { didTimeout: boolean; timeRemaining: () => number }) => void, o?: { timeout: number }) => number }).requestIdleCallback;

export class RelaisInstantane {
  /** By table, each row by its id. */
  private readonly lignes = new Map<string, Map<string, Row>>();
  /** By table, the rows of each household. */
  private readonly parMenage = new Map<string, Map<string, Row[]>>();
  private readonly exclus = new Set<string>();
  /** The households the snapshot's pages stored rows of, from its first page on. */
  private readonly stockes = new Set<string>();
  private nombre = 0;
  private abandonne = false;
  /** Set once the snapshot's last page is stored: before that, a household may lack rows. */
  complet = false;
  /** The summaries and facts made ahead, by household. */
  private readonly prets = new Map<string, Pret>();
  /** Households whose rows came since their summary was made ahead, or that have none yet. */
  private readonly aFaire = new Set<string>();
  /** The settings and the day the summaries made ahead are for. */
  private pour: { territoire: ReglagesTerritoire; jour: string } | null = null;
  private planifie = false;

  /** A row the snapshot wrote whole (not merged with a local edit), as its table's schema gave it. */
  retenir(table: SyncedTable, ligne: Row): void {
    if (this.abandonne || !TABLES_RELAYEES.has(table)) return;
    if (++this.nombre > LIGNES_MAX) return this.abandonner();
    const duTableau = this.lignes.get(table) ?? new Map<string, Row>();
    this.lignes.set(table, duTableau.set(ligne.id, ligne));
    const cle = SYNCED_TABLES[table].menageKey;
    this.planifier();
    const duMenage = table === 'menages' ? ligne.id : cle ? String(ligne[cle]) : null;
    if (duMenage) this.refaire(duMenage);
    if (!cle) return;
    const menageId = String(ligne[cle]);
    const parMenage = this.parMenage.get(table) ?? new Map<string, Row[]>();
    this.parMenage.set(table, parMenage);
    const liste = parMenage.get(menageId);
    if (liste) liste.push(ligne);
    else parMenage.set(menageId, [ligne]);
  }

  /** A record written since (by a pull, or an edit here): its household as held here and its household now. */
  exclure(table: string, recordId: string, menageIdMaintenant: string | null): void {
    const cle = isSynced(table) ? SYNCED_TABLES[table].menageKey : null;
    const tenue = this.lignes.get(table)?.get(recordId);
    if (cle && tenue) this.exclus.add(String(tenue[cle]));
    if (menageIdMaintenant) this.exclus.add(menageIdMaintenant);
  }

  /** The households a page stored rows of. */
  noterStockes(menageIds: Iterable<string>): void {
    if (this.abandonne) return;
    for (const id of menageIds) this.stockes.add(id);
  }

  /**
   * The households the snapshot stored rows of, as the rows of summaries it listed (by number) would
   * give them read from storage; null once given up (they are read from storage then).
   */
  menagesStockes(): string[] | null {
    return this.abandonne ? null : [...this.stockes];
  }

  /** Something changed that cannot be traced to households (a pooled record withdrawn): nothing is served from here. */
  abandonner(): void {
    this.abandonne = true;
    this.stockes.clear();
    this.lignes.clear();
    this.parMenage.clear();
    this.prets.clear();
    this.aFaire.clear();
  }

  /** A household to summarise again: its summary made ahead, if any, is not current. */
  private refaire(menageId: string): void {
    this.aFaire.add(menageId);
    this.prets.delete(menageId);
  }

  /** Makes ahead the summaries of the households whose rows came, when the main thread is idle. */
  private planifier(): void {
    if (this.planifie) return;
    this.planifie = true;
    const suite = (fin: () => boolean) => {
      this.planifie = false;
      this.avancer(fin);
      if (this.aFaire.size > 0) this.planifier();
    };
    const tranche = (reste: () => number) => {
      const debut = performance.now();
      suite(() => reste() < 1 || performance.now() - debut > TRANCHE_MS);
    };
    // Past the timeout (a main thread never idle), a stretch is made all the same.
    if (requeteInactive) requeteInactive((d) => tranche(() => (d.didTimeout ? TRANCHE_MS : d.timeRemaining())), { timeout: 100 });
    else setTimeout(() => tranche(() => TRANCHE_MS), 0);
  }

  /** Summarises households left to do until `fin` says stop; all of them again when the settings or the day changed. */
  private avancer(fin: () => boolean): void {
    if (this.abandonne) return;
    const territoire = (this.lignes.get('parametres')?.get('territoire') as ReglagesTerritoire | undefined) ?? REGLAGES_TERRITOIRE_PAR_DEFAUT;
    const jour = jourIso(new Date());
    if (!this.faitsPour(territoire, jour)) {
      this.pour = { territoire, jour };
      this.prets.clear();
      for (const id of this.lignes.get('menages')?.keys() ?? []) this.aFaire.add(id);
    }
    const menages = this.lignes.get('menages');
    const de = <T>(table: string) => (this.parMenage.get(table) ?? new Map()) as ReadonlyMap<string, readonly T[]>;
    const lignes = {
      personnes: de<Personne>('personnes'),
      entretiens: de<Entretien>('entretiens'),
      pieces: de<PieceDossier>('pieces'),
      visites: de<VisiteCourtoisie>('visites'),
      propositions: de<Proposition>('propositions'),
      demenagements: de<Demenagement>('demenagements'),
    };
    const [mediations, enquetes] = [de<Mediation>('mediations'), de<EnqueteSatisfaction>('enquetes')];
    while (this.aFaire.size > 0 && !fin()) {
      const lot: Menage[] = [];
      for (const id of this.aFaire) {
        this.aFaire.delete(id);
        this.prets.delete(id);
        const m = menages?.get(id) as Menage | undefined;
        if (m) lot.push(m);
        if (lot.length === PAR_LOT) break;
      }
      for (const resume of resumesEntiers(lot, lignes, territoire, jour)) {
        const id = resume.id;
        const faits = faitsDuMenage(id, menages?.get(id) as Menage | undefined, lignes.propositions.get(id) ?? [], mediations.get(id) ?? [], enquetes.get(id) ?? []);
        this.prets.set(id, { resume, faits });
      }
    }
  }

  /** Whether the summaries made ahead are for these settings and this day. */
  private faitsPour(territoire: ReglagesTerritoire, jour: string): boolean {
    return this.pour !== null && this.pour.jour === jour && sameJson(this.pour.territoire, territoire);
  }

  /** The summaries left to make ahead, made now, a stretch at a time. */
  async terminer(): Promise<void> {
    while (this.aFaire.size > 0 && !this.abandonne) {
      const debut = performance.now();
      this.avancer(() => performance.now() - debut > TRANCHE_MS);
      await pause();
    }
  }

  /** Of these households (`servis`), the summaries and facts made ahead, if made for these settings and this day. */
  dejaFaits(menageIds: readonly string[], territoire: ReglagesTerritoire, jour: string): Map<string, Pret> {
    const prets = new Map<string, Pret>();
    if (!this.faitsPour(territoire, jour)) return prets;
    for (const id of menageIds) {
      const pret = this.prets.get(id);
      if (pret) prets.set(id, pret);
    }
    return prets;
  }

  /** Of these households, those whose rows are all here. */
  servis(menageIds: readonly string[]): string[] {
    if (!this.complet || this.abandonne) return [];
    const menages = this.lignes.get('menages');
    return menageIds.filter((id) => menages?.has(id) && !this.exclus.has(id));
  }

  /** The rows of these households, for `recalculerResumes`; only for households `servis` returned. */
  readonly lecteur: LecteurLignes = {
    valides: true,
    menages: (ids) => Promise.resolve(ids.map((id) => this.lignes.get('menages')?.get(id) as Menage | undefined)),
    lignes: <T extends { menageId: string }>(table: string, ids: readonly string[]) =>
      Promise.resolve(ids.flatMap((id) => (this.parMenage.get(table)?.get(id) ?? []) as unknown as T[])),
  };

  /** The facts' records the summaries do not read, as their schemas gave them, for `rafraichirFaits`. */
  autresFaits(ids: readonly string[]): LignesLues {
    const lignes = <T>(table: string) => ({ pour: ids, parMenage: new Map(ids.map((id) => [id, (this.parMenage.get(table)?.get(id) ?? []) as unknown as T[]])) });
    return { mediations: lignes<Mediation>('mediations'), enquetes: lignes<EnqueteSatisfaction>('enquetes') };
  }
}

const isSynced = (table: string): table is SyncedTable => table in SYNCED_TABLES;

/** These records with their household as the device holds it now (a few edited records, read from storage). */
export async function menagesDesLignes(db: RelogementDb, cles: Iterable<readonly [string, string]>): Promise<[string, string, string | null][]> {
  const parTable = new Map<SyncedTable, string[]>();
  for (const [table, id] of cles) {
    if (!isSynced(table)) continue;
    const ids = parTable.get(table);
    if (ids) ids.push(id);
    else parTable.set(table, [id]);
  }
  const lignes: [string, string, string | null][] = [];
  for (const [table, ids] of parTable) {
    const cle = SYNCED_TABLES[table].menageKey;
    const lus = (await db.table(table).bulkGet(ids)) as (Row | undefined)[];
    ids.forEach((id, i) => {
      const r = lus[i];
      lignes.push([table, id, cle && r ? String(r[cle]) : null]);
    });
  }
  return lignes;
}
