import {
  SYNCED_TABLES,
  isRealHlc,
  isSyncedTable,
  mergePulledField,
  receive,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
} from '../sync/index.ts';
import { jourIso } from '../domain/index.ts';
import type { Change, Conflict, DeviceReport, Profile, PullResponse, SyncedTable } from '../sync/index.ts';
import { dansLaTransaction } from './db.ts';
import type { RelogementDb } from './db.ts';
import { lireSession } from './session.ts';
import { TABLES_ECRITURE, horloge, rafraichirResumes } from './ecriture.ts';
import { pause, resumeChange } from './resume-calcul.ts';
import { avecMeta, separer } from './meta-champs.ts';
import { enregistrerSiChangee } from './meta-valeur.ts';
import { TABLES_ABANDON, TABLES_OUBLI, abandonnerModifications, oublierMenages } from './oubli.ts';
import { departReparation, forceParReparation, noterVu } from './reparation-page.ts';
import { menagesDesLignes } from './instantane-relais.ts';
import { lireParametres } from './parametres.ts';
import { ecrireFaits } from './faits-pilotage.ts';
import { ecrireResumes, lireResumes, paquetDe } from './paquets-resumes.ts';
import type { ResumeMenage } from './resume.ts';
import type { RelaisInstantane } from './instantane-relais.ts';
import { champsRecus, selonLeSchema } from './instantane-page.ts';
import type { PageInstantane } from './instantane-page.ts';
import { avecEnfants } from './ligne-menage-disposition.ts';
import type { Reparation } from './reparation-page.ts';

// The device's side of the sync (docs/sync.md): what waits in the outbox, and how a pulled page
// is applied under the pending local edits, with its checkpoint, in one transaction.

type Row = Record<string, unknown> & { id: string };

const CLE_CHECKPOINT = 'checkpoint';

/** The organisation's users, as the server listed them at the last sync (référent and binôme choices). */
export type MembreOrganisation = { id: string; name: string; role: Profile['role'] };

const CLE_EQUIPE = 'equipe';

/** The users of the organisation, null before the first sync that listed them. */
export async function lireEquipe(db: RelogementDb): Promise<MembreOrganisation[] | null> {
  return ((await db.meta.get(CLE_EQUIPE))?.value as MembreOrganisation[] | undefined) ?? null;
}
export const enregistrerEquipe = (db: RelogementDb, membres: readonly MembreOrganisation[]) =>
  enregistrerSiChangee(db, CLE_EQUIPE, membres.map(({ id, name, role }) => ({ id, name, role })));

export async function lireCheckpoint(db: RelogementDb): Promise<number> {
  return ((await db.meta.get(CLE_CHECKPOINT))?.value as number | undefined) ?? 0;
}

/** Conflicts acknowledged on this device that the server has not been told of. */
const acquittesIci = (db: RelogementDb) => db.conflits.filter((c) => c.aEnvoyer === true);

/** What still has to reach the server; refused changes are counted apart (`nombreRefusees`). */
export const nombreEnAttente = async (db: RelogementDb): Promise<number> => (await db.outbox.count()) + (await acquittesIci(db).count());

/**
 * The identifier this device signs its changes with (the node of its clock), kept from the first
 * time it is asked: the server knows the device by it (its erasure, the access log).
 */
export async function identifiantAppareil(db: RelogementDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const clock = await horloge(db);
    if (!(await db.meta.get('clock'))) await db.meta.put({ key: 'clock', value: clock });
    return clock.node;
  });
}

/** The oldest pending changes, as many as one push may carry (count and bytes). */
export async function lotAEnvoyer(db: RelogementDb, maximum = MAX_PUSH_CHANGES): Promise<Change[]> {
  const rows = await db.outbox.orderBy('seq').limit(maximum).toArray();
  const lot: Change[] = [];
  let octets = 1024;
  for (const { seq: _seq, ...change } of rows) {
    octets += JSON.stringify(change).length + 1;
    if (octets > MAX_PUSH_BYTES && lot.length > 0) break;
    lot.push(change);
  }
  return lot;
}

/** Drops acknowledged changes; a newer edit of the same field has its own changeId and stays. */
export async function acquitter(db: RelogementDb, changeIds: readonly string[]): Promise<void> {
  await db.outbox.where('changeId').anyOf([...changeIds]).delete();
}

const menageDe = (table: SyncedTable, record: Row | undefined): string | null => {
  const cle = SYNCED_TABLES[table].menageKey;
  return cle && record ? String(record[cle]) : null;
};

/** Keeps the server's conflicts; one acknowledged here and not yet sent stays acknowledged. */
export async function enregistrerConflits(db: RelogementDb, conflits: readonly Conflict[]): Promise<void> {
  if (conflits.length === 0) return;
  const locaux = await db.conflits.bulkGet(conflits.map((c) => c.id));
  await db.conflits.bulkPut(conflits.map((c, i) => {
    const local = locaux[i];
    return local?.aEnvoyer && !c.acknowledged ? { ...c, acknowledged: local.acknowledged, aEnvoyer: true } : { ...c };
  }));
}

/**
 * Applies one pulled page: forgets the pooled records the server withdrew; applies each field only
 * if its clock beats the local one, so pending local edits stay on top; remembers each field's
 * server seq; forgets the households no longer followed or
 * erased on the server (with their unsent changes, for the erased ones);
 * advances the clock and the checkpoint with it. During a repair, the server's copy of each field
 * wins whatever its clock, except where a change waits or was refused (`reparation.ts`).
 */
export async function appliquerPage(
  db: RelogementDb,
  page: PullResponse,
  reparation: Reparation | null = null,
  relais: RelaisInstantane | null = null,
): Promise<{ appliques: number }> {
  const recus = page.records.filter((r) => isSyncedTable(r.table));
  const tables = [...new Set(recus.map((r) => r.table as SyncedTable))];
  const effaces = page.erased ?? [];
  const oubli = page.removed.length > 0 || effaces.length > 0 ? [...TABLES_OUBLI, ...(effaces.length > 0 ? TABLES_ABANDON : [])] : [];
  const retires = (page.withdrawn ?? []).filter((w) => isSyncedTable(w.table));
  // The summaries are made after the pull (`rafraichirResumesRecus`): the page locks only what it writes.
  const touchees = new Set<string>([...tables, ...oubli, ...retires.map((w) => w.table), 'meta', 'conflits']);
  return db.transaction('rw', [...touchees].map((t) => db.table(t)), async () => {
    let appliques = 0;
    let derniere = '';
    const menages = new Set<string>();
    // Forgotten first: what the page brings again of them is then all that the user may still see.
    for (const { table, recordId } of retires) await db.table(table).delete(recordId);
    for (const table of tables) {
      const duTableau = recus.filter((r) => r.table === table);
      const ids = [...new Set(duTableau.map((r) => r.recordId))];
      const lus = (await db.table(table).bulkGet(ids)) as (Row | undefined)[];
      const lignes = new Map(ids.map((id, i) => [id, separer(lus[i])] as const));
      for (const { recordId, fields } of duTableau) {
        const lue = lignes.get(recordId) ?? separer(undefined);
        const ligne = reparation && noterVu(reparation, table, recordId) ? departReparation(table, lue, reparation) : lue;
        let record: Record<string, unknown> | undefined = ligne.record;
        const meta = { ...ligne.meta };
        for (const [field, [value, hlc, seq]] of Object.entries(fields)) {
          const local = reparation && forceParReparation(reparation, table, recordId, field) ? undefined : meta[field];
          const fusion = mergePulledField(record, local, { recordId, field, value, hlc, seq });
          meta[field] = fusion.meta;
          if (hlc > derniere && isRealHlc(hlc)) derniere = hlc;
          if (!fusion.applied) continue;
          appliques++;
          record = fusion.record;
        }
        lignes.set(recordId, { record: record as Row | undefined, meta });
        relais?.exclure(table, recordId, menageDe(table, record as Row | undefined));
      }
      const ecrits: Row[] = [];
      for (const [id, { record, meta }] of lignes) {
        // A record can arrive over several pages: defaults fill what has not arrived yet.
        ecrits.push(avecMeta(selonLeSchema(table, (record ?? { id }) as Row).ligne, meta));
        const menageId = menageDe(table, record);
        if (menageId) menages.add(menageId);
      }
      await db.table(table).bulkPut(ecrits);
    }
    await enregistrerConflits(db, page.conflicts);
    // The page's greatest real clock is enough: later local events then sort after every field received.
    const clock = await horloge(db);
    await db.meta.put({ key: 'clock', value: derniere ? receive(clock, derniere, Date.now()) : clock });
    await db.meta.put({ key: CLE_CHECKPOINT, value: page.checkpoint });
    await differerResumes(db, menages, tables);
    await abandonnerModifications(db, effaces);
    await oublierMenages(db, [...page.removed, ...effaces]);
    for (const menageId of [...page.removed, ...effaces]) relais?.exclure('menages', menageId, menageId);
    if (retires.length > 0) relais?.abandonner();
    return { appliques };
  });
}

// A new device's snapshot (docs/sync.md, « Instantané »): one transaction per page writes its
// records whole, each with its fields' sync state, without reading first the rows that cannot be
// on the device. The only ones that can are those with edits made here and not yet taken by the
// server (outbox, refused changes): those are merged field by field, as a pull would. Every other
// row the device may hold (an interrupted snapshot resumed after a push) holds nothing newer than
// the server's current values. Until the last page is stored, the cursor waits in `meta`; then the
// checkpoint becomes the first page's `upto`, and pulls go on from there.

const CLE_INSTANTANE = 'instantane';
/** A snapshot under way: where the pulls go on from once it is complete, and the next page's cursor. */
export type CurseurInstantane = { upto: number; next: number };

export async function lireInstantane(db: RelogementDb): Promise<CurseurInstantane | null> {
  return ((await db.meta.get(CLE_INSTANTANE))?.value as CurseurInstantane | undefined) ?? null;
}

/** Records of `table` with edits made here that the server has not taken in (pending or refused). */
async function editesIci(db: RelogementDb): Promise<Set<string>> {
  const attente = (await db.outbox.orderBy('[table+recordId]').uniqueKeys()) as unknown as [string, string][];
  const refusees = await db.refusees.toArray();
  return new Set([...attente.map(([t, id]) => `${t}|${id}`), ...refusees.map((c) => `${c.table}|${c.recordId}`)]);
}

/** Rows sealed and stored per request of a snapshot page. */
const LIGNES_PAR_ECRITURE = 250;

/**
 * Stores one snapshot page, read by `preparerInstantane`; `debut`: the `upto` of the snapshot's
 * first page (this one's, for the first). `relais`, from the first page of a snapshot on: keeps
 * the rows written whole, for the summaries.
 */
export async function appliquerInstantane(
  db: RelogementDb,
  { page, parTable: recus, champs, derniere }: PageInstantane,
  debut: number,
  relais: RelaisInstantane | null = null,
): Promise<{ champs: number }> {
  const tables = [...recus.keys()];
  const touchees = new Set<string>([...tables, 'meta', 'conflits', 'outbox', 'refusees']);
  return db.transaction('rw', [...touchees].map((t) => db.table(t)), async () => {
    const edites = await editesIci(db);
    const menages = new Set<string>();
    const parTable = new Map<SyncedTable, Row[]>();
    for (const [table, duTableau] of recus) {
      // A new device has no edit of its own: its pages are written without a look at each record.
      const aFusionner = edites.size === 0 ? [] : duTableau.filter(({ recu }) => edites.has(`${table}|${recu.recordId}`)).map(({ recu }) => recu.recordId);
      const lus = aFusionner.length === 0 ? [] : ((await db.table(table).bulkGet(aFusionner)) as (Row | undefined)[]);
      const locales = new Map(aFusionner.map((id, i) => [id, separer(lus[i])] as const));
      const ecrits: Row[] = [];
      for (const pret of duTableau) {
        const { recordId } = pret.recu;
        const locale = locales.get(recordId);
        let { ligne, valide, meta } = pret;
        if (locale) {
          let fusionne: Record<string, unknown> | undefined = locale.record;
          meta = { ...locale.meta };
          for (const [field, value, clock] of champsRecus(table, pret.recu)) {
            const fusion = mergePulledField(fusionne, meta[field], { recordId, field, value, hlc: clock, seq: page.upto });
            meta[field] = fusion.meta;
            if (fusion.applied) fusionne = fusion.record;
          }
          ({ ligne, valide } = selonLeSchema(table, (fusionne ?? { id: recordId }) as Row));
        }
        ecrits.push(avecMeta(ligne, meta));
        // A record its schema refuses is summarised from storage, where it is parsed again and left out.
        if (locale || !valide) relais?.exclure(table, recordId, menageDe(table, ligne));
        else relais?.retenir(table, ligne);
        const menageId = menageDe(table, ligne);
        if (menageId) menages.add(menageId);
      }
      parTable.set(table, ecrits);
    }
    for (const [table, ecrits] of avecEnfants(db, parTable)) {
      // By slices: sealing and storing a page's thousand rows at once would hold the main thread for over 100 ms.
      for (let i = 0; i < ecrits.length; i += LIGNES_PAR_ECRITURE) await db.table(table).bulkPut(ecrits.slice(i, i + LIGNES_PAR_ECRITURE));
    }
    await enregistrerConflits(db, page.conflicts);
    const clock = await horloge(db);
    await db.meta.put({ key: 'clock', value: derniere ? receive(clock, derniere, Date.now()) : clock });
    if (page.next === null) {
      await db.meta.delete(CLE_INSTANTANE);
      await db.meta.put({ key: CLE_CHECKPOINT, value: debut });
      if (relais) relais.complet = true;
    } else await db.meta.put({ key: CLE_INSTANTANE, value: { upto: debut, next: page.next } satisfies CurseurInstantane });
    await differerResumes(db, menages, tables, { parPaquets: true });
    relais?.noterStockes(menages);
    return { champs };
  });
}

// The caseload summaries of pulled households are brought up to date once the pull is over, in
// one pass, not page by page: a first sync touches every household, and one pass reads each
// table once instead of each household's records once per page. The list waits in `meta`,
// written with each page, so an interrupted pull loses none of it.

const CLE_RESUMES_EN_ATTENTE = 'resumesEnAttente';
/**
 * The households whose summaries wait: `menages` one by one (a pull's), and every household whose
 * row of summaries is in `paquets` (a snapshot's: a few numbers written at its first page, where a
 * list of ids grew to thousands rewritten at every page).
 */
type ResumesEnAttente = { menages: string[]; tables: SyncedTable[]; paquets?: number[] };

/** Two sorted lists as one, each id once: a first sync adds a page's households to thousands listed, at every page. */
function fusionTriee(a: readonly string[], b: readonly string[]): string[] {
  const fusion: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    const suivant = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (fusion[fusion.length - 1] !== suivant) fusion.push(suivant);
  }
  return fusion;
}

// A Dexie promise, not an async step: awaited inside a transaction, it keeps it (`dansLaTransaction`).
const lireAttente = (db: RelogementDb) => db.meta.get(CLE_RESUMES_EN_ATTENTE).then((r) => r?.value as ResumesEnAttente | undefined);

/**
 * Inside a transaction over `meta`: lists households whose summaries are to be made once the pull
 * is over. `parPaquets` (a snapshot page): by their rows of summaries, nothing written once every
 * row is listed.
 */
export async function differerResumes(
  db: RelogementDb,
  menages: ReadonlySet<string>,
  tables: readonly SyncedTable[],
  { parPaquets = false }: { parPaquets?: boolean } = {},
): Promise<void> {
  if (menages.size === 0 && !tables.includes('parametres')) return;
  const deja = await lireAttente(db);
  const paquets = new Set(deja?.paquets ?? []);
  const nouveauxPaquets = parPaquets ? [...menages].map(paquetDe).filter((n) => !paquets.has(n)) : [];
  const nouvellesTables = tables.filter((t) => !deja?.tables.includes(t));
  // In the order of their ids: a slice of a whole caseload then reads each table in one index range (`plageDesMenages`).
  const listes = parPaquets ? (deja?.menages ?? []) : fusionTriee(deja?.menages ?? [], [...menages].sort());
  if (deja && nouveauxPaquets.length === 0 && nouvellesTables.length === 0 && listes.length === deja.menages.length) return;
  const suivant: ResumesEnAttente = { menages: listes, tables: [...(deja?.tables ?? []), ...nouvellesTables] };
  if (paquets.size + nouveauxPaquets.length > 0) suivant.paquets = [...new Set([...paquets, ...nouveauxPaquets])].sort((a, b) => a - b);
  await db.meta.put({ key: CLE_RESUMES_EN_ATTENTE, value: suivant });
}

/** The households whose summaries and pilotage facts wait for the end of a pull: their facts are not current yet. */
export type MenagesEnAttente = { has: (menageId: string) => boolean; aucun: boolean };

export async function menagesEnAttente(db: RelogementDb): Promise<MenagesEnAttente> {
  const attente = await lireAttente(db);
  const menages = new Set(attente?.menages ?? []);
  const paquets = new Set(attente?.paquets ?? []);
  return { has: (id) => menages.has(id) || (paquets.size > 0 && paquets.has(paquetDe(id))), aucun: menages.size === 0 && paquets.size === 0 };
}

/** The households stored whose summaries are in these rows (their ids, read without opening a row). */
const menagesDesPaquets = async (db: RelogementDb, paquets: ReadonlySet<number>): Promise<string[]> =>
  ((await db.menages.toCollection().primaryKeys()) as string[]).filter((id) => paquets.has(paquetDe(id)));

/** Inside a transaction over `meta` and `menages`: the households of the rows listed, now listed one by one. */
async function listerPaquets(db: RelogementDb, attente: ResumesEnAttente): Promise<ResumesEnAttente> {
  if (!attente.paquets?.length) return attente;
  const ids = await menagesDesPaquets(db, new Set(attente.paquets));
  return { menages: fusionTriee(attente.menages, ids.sort()), tables: attente.tables };
}

/**
 * Households summarised per transaction: enough for each table to be read in a few requests, and
 * each row of summaries sealed a few times over a first sync; few enough for the officer's writes
 * to go in between. Within a transaction the work is done by stretches (`recalculerResumes`).
 */
const RESUMES_PAR_LOT = 1250;

/**
 * The summaries of the households the pulled pages touched (the sync engine calls it after each
 * pull), a slice at a time; the list left to do stays in storage between slices. After a snapshot
 * stored in this sync, the households `relais` holds whole come first, from its rows.
 */
export async function rafraichirResumesRecus(db: RelogementDb, relais: RelaisInstantane | null = null): Promise<void> {
  if (relais) await resumesDuRelais(db, relais);
  for (;;) {
    const fini = await db.transaction('rw', [...TABLES_ECRITURE].map((t) => db.table(t)), async () => {
      const lue = await lireAttente(db);
      if (!lue) return true;
      const attente = await dansLaTransaction(listerPaquets(db, lue));
      const reste = attente.menages.slice(RESUMES_PAR_LOT);
      await rafraichirResumes(db, attente.menages.slice(0, RESUMES_PAR_LOT), attente.tables);
      if (reste.length === 0) {
        await db.meta.delete(CLE_RESUMES_EN_ATTENTE);
        return true;
      }
      // New settings have every summary redone once (`rafraichirResumes`): not again at each slice.
      const suite: ResumesEnAttente = { menages: reste, tables: attente.tables.filter((t) => t !== 'parametres') };
      await db.meta.put({ key: CLE_RESUMES_EN_ATTENTE, value: suite });
      return false;
    });
    if (fini) return;
    await pause();
  }
}

/**
 * Rows of summaries (and of facts, the same numbers) written per transaction from a snapshot's
 * summaries made ahead: each row is sealed and written once, and a transaction seals no more than
 * the main thread should hold at once.
 */
const PAQUETS_PAR_LOT = 32;

/**
 * The summaries and facts of the households a snapshot just stored whole, made ahead from its rows
 * in clear (`RelaisInstantane`), a few rows of summaries per transaction. Households with an edit
 * made here (or moved by one) are left to the pass from storage, as are those the relay does not
 * hold; one it holds but could not make ahead (an occupant leaving, settings changed) is made here from its rows.
 */
async function resumesDuRelais(db: RelogementDb, relais: RelaisInstantane): Promise<void> {
  await relais.terminer();
  const jour = jourIso(new Date());
  let tenus: string[] | null = null;
  for (;;) {
    const fini = await db.transaction('rw', [...TABLES_ECRITURE, 'refusees'].map((t) => db.table(t)), async () => {
      const attente = await lireAttente(db);
      if (!attente) return true;
      const edites = [...(await editesIci(db))].map((cle) => cle.split('|') as [string, string]);
      for (const [table, id, menageId] of await menagesDesLignes(db, edites)) relais.exclure(table, id, menageId);
      const marques = new Set(attente.paquets ?? []);
      // The relay saw every page of the snapshot: it names the households stored, without a read of every key (tens of
      // milliseconds for 5,000). Read from storage, once for the pass, they are a superset of those listed after: a
      // household stored since is one the write path summarised.
      tenus ??= marques.size > 0 ? (relais.menagesStockes() ?? (await dansLaTransaction(menagesDesPaquets(db, marques)))) : null;
      const desPaquets = (tenus ?? []).filter((id) => marques.has(paquetDe(id)));
      const parPaquet = new Map<number, string[]>();
      for (const id of relais.servis([...new Set([...attente.menages, ...desPaquets])])) {
        const n = paquetDe(id);
        const ids = parPaquet.get(n);
        if (ids) ids.push(id);
        else parPaquet.set(n, [id]);
      }
      const choisis = new Set([...parPaquet.keys()].sort((a, b) => a - b).slice(0, PAQUETS_PAR_LOT));
      if (choisis.size === 0) return true;
      const lot = [...choisis].flatMap((n) => parPaquet.get(n) ?? []);
      const prets = relais.dejaFaits(lot, await lireParametres(db), jour);
      await dansLaTransaction(rafraichirResumes(db, lot.filter((id) => !prets.has(id)), attente.tables, relais));
      const ids = [...prets.keys()];
      const existants = await dansLaTransaction(lireResumes(db, ids));
      const resumes = ids.flatMap((id, i) => {
        const e = existants[i];
        const suivant = { ...e, ...prets.get(id)?.resume } as ResumeMenage;
        return resumeChange(e, suivant) ? [suivant] : [];
      });
      await dansLaTransaction(ecrireResumes(db, resumes));
      await dansLaTransaction(ecrireFaits(db, [...prets.values()].map((p) => p.faits)));
      // The households of these rows the relay does not serve stay listed, one by one, for the pass from storage.
      const faits = new Set(lot);
      const menages = fusionTriee(
        attente.menages.filter((id) => !faits.has(id)),
        desPaquets.filter((id) => choisis.has(paquetDe(id)) && !faits.has(id)).sort(),
      );
      const paquets = attente.paquets?.filter((n) => !choisis.has(n)) ?? [];
      if (menages.length === 0 && paquets.length === 0) await db.meta.delete(CLE_RESUMES_EN_ATTENTE);
      else {
        const suite: ResumesEnAttente = { menages, tables: attente.tables.filter((t) => t !== 'parametres') };
        if (paquets.length > 0) suite.paquets = paquets;
        await db.meta.put({ key: CLE_RESUMES_EN_ATTENTE, value: suite });
      }
      return false;
    });
    if (fini) return;
    await pause();
  }
}

export async function conflitsDuMenage(db: RelogementDb, menageId: string) {
  const tous = await db.conflits.where('menageId').equals(menageId).toArray();
  return tous.filter((c) => !c.acknowledged).sort((a, b) => b.seq - a.seq);
}

/** Acknowledged at once on the device, offline too; the sync engine tells the server. */
export async function marquerConflitVu(db: RelogementDb, id: string): Promise<void> {
  const session = await lireSession(db);
  await db.conflits.update(id, { acknowledged: { by: session?.user.name ?? 'moi', at: new Date().toISOString() }, aEnvoyer: true });
}

export const acquittementsAEnvoyer = async (db: RelogementDb): Promise<string[]> => (await acquittesIci(db).primaryKeys()) as string[];

export const acquittementEnvoye = (db: RelogementDb, id: string) => db.conflits.update(id, { aEnvoyer: false });

// What the device remembers of its failed syncs until one succeeds and reports them (docs/sync.md, « Suivi des tablettes »).

const CLE_ECHECS = 'echecsSynchro';
export type EchecsSynchro = { nombre: number; dernier: DeviceReport['lastError'] };

export async function lireEchecs(db: RelogementDb): Promise<EchecsSynchro> {
  return ((await db.meta.get(CLE_ECHECS))?.value as EchecsSynchro | undefined) ?? { nombre: 0, dernier: null };
}

export async function noterEchec(db: RelogementDb, genre: NonNullable<DeviceReport['lastError']>): Promise<void> {
  const { nombre } = await lireEchecs(db);
  await db.meta.put({ key: CLE_ECHECS, value: { nombre: nombre + 1, dernier: genre } });
}

export const effacerEchecs = (db: RelogementDb) => db.meta.delete(CLE_ECHECS);
