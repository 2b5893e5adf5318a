import type { EnqueteSatisfaction, Mediation, Menage } from '../domain/index.ts';
import { SYNCED_TABLES } from '../sync/index.ts';
import type { SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import type { LignesLues } from './faits-pilotage.ts';
import type { LecteurLignes } from './resume-calcul.ts';

// The rows a new device's snapshot stored during this sync, in clear, handed to the summaries'
// pass that follows (docs/sync.md, « Instantané ») so that it need not read back, unseal and parse
// the rows it has just written. It lives in memory for one sync cycle, from the snapshot's first
// page: a snapshot resumed from a cursor has stored some rows in an earlier cycle, and is summarised
// from storage. A household is served from here only if every row of it the device holds is one the
// snapshot wrote whole and nothing has written since: a pulled page after the snapshot excludes the
// households it touches, and the pass excludes those with a local edit (outbox, refused changes),
// which holds every write of the officer until the next push (a later cycle).

type Row = Record<string, unknown> & { id: string };

/** The tables the summaries and the pilotage facts read, besides the settings. */
const TABLES_RELAYEES: ReadonlySet<string> = new Set([
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

export class RelaisInstantane {
  /** By table, each row by its id. */
  private readonly lignes = new Map<string, Map<string, Row>>();
  /** By table, the rows of each household. */
  private readonly parMenage = new Map<string, Map<string, Row[]>>();
  private readonly exclus = new Set<string>();
  private nombre = 0;
  private abandonne = false;
  /** Set once the snapshot's last page is stored: before that, a household may lack rows. */
  complet = false;

  /** A row the snapshot wrote whole (not merged with a local edit), as its table's schema gave it. */
  retenir(table: SyncedTable, ligne: Row): void {
    if (this.abandonne || !TABLES_RELAYEES.has(table)) return;
    if (++this.nombre > LIGNES_MAX) return this.abandonner();
    const duTableau = this.lignes.get(table) ?? new Map<string, Row>();
    this.lignes.set(table, duTableau.set(ligne.id, ligne));
    const cle = SYNCED_TABLES[table].menageKey;
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

  /** Something changed that cannot be traced to households (a pooled record withdrawn): nothing is served from here. */
  abandonner(): void {
    this.abandonne = true;
    this.lignes.clear();
    this.parMenage.clear();
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
