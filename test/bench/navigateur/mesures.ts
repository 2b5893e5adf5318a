import Dexie from 'dexie';
import {
  calculerPilotage,
  genererDemo,
  jourIso,
  periodeContenant,
  surLaPeriode,
  type EnregistrementsPilotage,
  type Proposition,
} from '../../../src/domain/index.ts';
import {
  RelogementDb,
  VERSIONS,
  choisirCode,
  codeChoisi,
  deverrouiller,
  enregistrerReponse,
  enregistrerSession,
  lireSourcePilotage,
  ouvrirEntretien,
  rechercherMenages,
} from '../../../src/data/index.ts';
import type { Session } from '../../../src/data/index.ts';
import { MoteurSync } from '../../../src/sync-client/index.ts';
import { ENREGISTREMENTS_PAR_PAGE } from '../../../src/sync-client/api.ts';
import { PROTOCOL_VERSION, SYNCED_TABLES, isSyncedTable, recordFromFields } from '../../../src/sync/index.ts';
import type { SnapshotResponse } from '../../../src/sync/index.ts';
import { scellerAvecTexte } from '../../../src/data/chiffrement.ts';
import { Coffre, estTableChiffree, middlewareChiffrement } from '../../../src/data/coffre.ts';
import { TABLES_ECRITURE, ecrire, rafraichirResumes } from '../../../src/data/ecriture.ts';
import { uuidv7 } from '../../../src/data/ids.ts';
import { construireFaits, lireFaits } from '../../../src/data/faits-pilotage.ts';
import { lireOffresPilotage } from '../../../src/data/offres-pilotage.ts';
import { TABLES_RESUMES, ecrireResumes } from '../../../src/data/paquets-resumes.ts';

// Runs in Chromium on the app's origin: the same database, the same code paths as the screens,
// encryption included (docs/chiffrement.md): the officer's database is opened with her code.

/** The code the bench's tablet is locked with; the cold start types it on the lock screen (navigateur.ts). */
const CODE_MESURES = '135790';

async function baseOuverte(nom = 'relogement'): Promise<RelogementDb> {
  const db = new RelogementDb(nom, VERSIONS, { chiffree: true });
  if (!(await codeChoisi(db))) await choisirCode(db, CODE_MESURES, 'chiffres');
  else if (!(await deverrouiller(db, CODE_MESURES)).ouvert) throw new Error('Code refusé.');
  return db;
}

const AUJOURDHUI = '2026-11-23';
const LOT = 250;

const percentile = (valeurs: number[], p: number) => {
  const tries = [...valeurs].sort((a, b) => a - b);
  return tries[Math.min(tries.length - 1, Math.ceil((p / 100) * tries.length) - 1)] ?? NaN;
};

async function chronometrer(n: number, travail: (i: number) => Promise<unknown>): Promise<number[]> {
  const durees: number[] = [];
  for (let i = 0; i < n; i++) {
    const debut = performance.now();
    await travail(i);
    durees.push(performance.now() - debut);
  }
  return durees;
}

/** `jour`: the day the households and their summaries are made for (the cold start bench: the tablet's today). */
async function remplir(nombre: number, jour = AUJOURDHUI): Promise<number> {
  const db = await baseOuverte();
  const debut = performance.now();
  for (let fait = 0; fait < nombre; fait += LOT) {
    const demo = genererDemo({
      nombre: Math.min(LOT, nombre - fait),
      graine: 1000 + fait,
      aujourdhui: jour,
      nouvelId: () => uuidv7(),
      suffixe: ` ${fait / LOT + 1}`,
    });
    // Stored as a first sync would leave them: records without pending changes.
    await db.transaction('rw', [db.operations, db.residences, ...TABLES_ECRITURE.map((t) => db.table(t))], async () => {
      await db.operations.put(demo.operation);
      await db.residences.put(demo.residence);
      await db.menages.bulkPut(demo.menages);
      await db.personnes.bulkPut(demo.personnes);
      await db.entretiens.bulkPut(demo.entretiens);
      await rafraichirResumes(
        db,
        demo.menages.map((m) => m.id),
        ['menages', 'personnes', 'entretiens'],
      );
    });
  }
  db.close();
  return performance.now() - debut;
}

/**
 * The summaries as the day before left them (each dated `veille`): the next start is the first of
 * its day, and the caseload has them computed again in the background (resume-calcul.ts).
 */
async function vieillir(veille: string): Promise<void> {
  const db = await baseOuverte();
  await db.transaction(
    'rw',
    TABLES_RESUMES.map((t) => db.table(t)),
    async () => {
      const resumes = (await db.paquetsResumes.toArray()).flatMap((p) => p.resumes);
      await ecrireResumes(
        db,
        resumes.map((r) => ({ ...r, calculeLe: veille })),
      );
    },
  );
  db.close();
}

const RECHERCHES = [
  'martin',
  'famille diallo',
  'til-00',
  'rue imaginaire 3',
  'aïcha',
  'nguyen',
  'kar',
  'bat. b',
  'zzz introuvable',
  'leroy',
];

async function mesurer() {
  const db = await baseOuverte();
  const total = (await db.paquetsResumes.toArray()).reduce((n, p) => n + p.resumes.length, 0);
  const filtre = (texte: string) => ({ texte, residenceId: null, statut: null, alerte: null });
  await rechercherMenages(db, filtre('échauffement'), AUJOURDHUI);
  const recherche = await chronometrer(60, (i) => rechercherMenages(db, filtre(RECHERCHES[i % RECHERCHES.length] ?? ''), AUJOURDHUI));
  const brute = await chronometrer(60, (i) => {
    const q = RECHERCHES[i % RECHERCHES.length] ?? '';
    return db.menages.filter((m) => m.nom.toLowerCase().includes(q) || m.adresse.toLowerCase().includes(q)).toArray();
  });

  const menage = await db.menages.orderBy('id').first();
  if (!menage) throw new Error('base vide');
  const entretien = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
  const saisie = await chronometrer(200, (i) =>
    enregistrerReponse(db, entretien.id, 'consentement.observations', { valeur: `Observation ${i}` }),
  );
  const apresModification: number[] = [];
  for (let i = 0; i < 5; i++) {
    await enregistrerReponse(db, entretien.id, 'consentement.paroleMenage', { valeur: `Parole ${i}` });
    apresModification.push(...(await chronometrer(1, () => rechercherMenages(db, filtre('martin'), AUJOURDHUI))));
  }
  const enregistre = await db.entretiens.get(entretien.id);
  const putBrut = await chronometrer(200, (i) =>
    db.entretiens.put({ ...enregistre!, reponses: { ...enregistre!.reponses, 'consentement.observations': { valeur: `Brut ${i}` } } }),
  );
  db.close();
  return {
    total,
    rechercheP95: percentile(recherche, 95),
    rechercheBruteP95: percentile(brute, 95),
    saisieP95: percentile(saisie, 95),
    putBrutP95: percentile(putBrut, 95),
    rechercheApresModification: percentile(apresModification, 50),
  };
}

/** Rows of each store, by the store's name. */
type Lignes = (readonly [string, Record<string, unknown>[]])[];

/**
 * What a first sync left on its device, for the floor to write on another: the stores' keys and
 * indexes as Dexie declares them, and the rows the sync added to each store, in clear, as they lie
 * below the app's middlewares (whatever the layout: households holding their occupants, the map of
 * occupants, the summaries and facts).
 */
type Stockage = { magasins: Record<string, string>; lignes: Lignes };

/** Each store's primary key and indexes, in Dexie's notation. */
const magasinsDe = (db: Dexie): Record<string, string> =>
  Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));

/**
 * The database `nom` as stored, through the app's encryption middleware only (its rows opened with
 * `coffre`'s key, none of the app's layouts above it); opened with the stores it has.
 */
async function baseBrute(nom: string, coffre: Coffre | null): Promise<Dexie> {
  const base = new Dexie(nom);
  if (coffre) base.use(middlewareChiffrement(coffre));
  return base.open();
}

/** The primary keys each store holds, as text: a sync's rows are the others. */
async function clesStockees(base: Dexie): Promise<Map<string, Set<string>>> {
  return new Map(
    await Promise.all(
      base.tables.map(async (t) => [t.name, new Set((await t.toCollection().primaryKeys()).map((c) => JSON.stringify(c)))] as const),
    ),
  );
}

/** The rows of each store whose key is not among `avant`, in clear (stores left without any such row are left out). */
async function lignesAjoutees(base: Dexie, avant: Map<string, Set<string>>): Promise<Lignes> {
  const lignes = await Promise.all(
    base.tables.map(async (t) => {
      const [cles, valeurs] = await Promise.all([t.toCollection().primaryKeys(), t.toArray()]);
      const deja = avant.get(t.name);
      return [t.name, valeurs.filter((_, i) => !deja?.has(JSON.stringify(cles[i])))] as const;
    }),
  );
  return lignes.filter(([, l]) => l.length > 0);
}

/** The fields a value holds with their clocks: its `_sync`'s, and those of the records it holds inside (a household's occupants). */
const champsDe = (v: unknown): number =>
  typeof v !== 'object' || v === null
    ? 0
    : Object.entries(v).reduce<number>((n, [k, x]) => n + (k === '_sync' && x ? Object.keys(x).length : champsDe(x)), 0);

/** The last first sync's database, open, and the keys its stores held before the sync: `stockageSynchronise` reads it. */
let synchronisee: { db: RelogementDb; brute: Dexie; avant: Map<string, Set<string>> } | null = null;

/**
 * A new device's first sync (engine start → `synchroniser()` resolved, summaries made); its
 * database stays open for `stockageSynchronise`, which the bench calls apart so that a profile or
 * the processor time of this call covers the sync alone.
 */
async function premiereSynchro(session: Session) {
  const db = await baseOuverte(`premiere-synchro-${Date.now()}`);
  await enregistrerSession(db, session);
  const brute = await baseBrute(db.name, db.coffre);
  synchronisee = { db, brute, avant: await clesStockees(brute) };
  const moteur = new MoteurSync(db);
  performance.setResourceTimingBufferSize(10_000);
  performance.clearResourceTimings();
  // Every stretch the main thread was blocked for over 50 ms (the browser's long tasks) while the sync ran.
  const tachesLongues: number[] = [];
  const observateur = new PerformanceObserver((liste) => liste.getEntries().forEach((e) => tachesLongues.push(e.duration)));
  observateur.observe({ type: 'longtask' });
  const debut = performance.now();
  await moteur.synchroniser();
  const synchro = performance.now() - debut;
  observateur.takeRecords().forEach((e) => tachesLongues.push(e.duration));
  observateur.disconnect();
  // What the pages weighed on the wire (compressed, headers included) and once decoded.
  const pages = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (e) => e.name.includes('/api/v1/sync/pull') || e.name.includes('/api/v1/sync/snapshot'),
  );
  const surLeReseau = pages.reduce((n, e) => n + e.transferSize, 0);
  const decode = pages.reduce((n, e) => n + e.decodedBodySize, 0);
  // From the last snapshot page's last byte to the end: what no download hides (its storing, the pull, the summaries' rows, the report).
  const derniere = Math.max(...pages.filter((e) => e.name.includes('/sync/snapshot')).map((e) => e.responseEnd));
  return { synchro, surLeReseau, decode, pages: pages.length, tachesLongues, apresDernierePage: debut + synchro - derniere };
}

/** What the last first sync stored: its households and their summaries counted, its fields, and its rows for the floor. */
async function stockageSynchronise() {
  if (!synchronisee) throw new Error('aucune synchronisation');
  const { db, brute, avant } = synchronisee;
  synchronisee = null;
  const menages = await db.menages.count();
  // Every household summarised: the sync is over only once the caseload shows them all.
  const resumes = (await db.paquetsResumes.toArray()).reduce((n, p) => n + p.resumes.length, 0);
  const stockage: Stockage = { magasins: magasinsDe(db), lignes: await lignesAjoutees(brute, avant) };
  brute.close();
  db.close();
  return { menages, resumes, champs: champsDe(stockage.lignes), stockage };
}

/** A snapshot page as the app asks for it (its page size), left unread. */
const pageDeLInstantane = (session: Session, apres: number): Promise<Response> =>
  fetch(`/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}&limit=${ENREGISTREMENTS_PAR_PAGE}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });

/** A new database of this device with `magasins`; its rows sealed by the app's encryption middleware with `coffre`'s key, if any. */
function baseNeuve(nom: string, magasins: Record<string, string>, coffre: Coffre | null): Dexie {
  const base = new Dexie(`${nom}-${Date.now()}`);
  if (coffre) base.use(middlewareChiffrement(coffre));
  base.version(1).stores(magasins);
  return base;
}

/** A vault unlocked with a new key, as the officer's after she typed her code. */
async function coffreOuvert(): Promise<Coffre> {
  const coffre = new Coffre();
  coffre.ouvrir(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  return coffre;
}

const chrono = async <T>(travail: () => Promise<T>): Promise<[number, T]> => {
  const debut = performance.now();
  const r = await travail();
  return [performance.now() - debut, r];
};

/** Puts the rows in one transaction, a request per store. */
const ecrireLignes = (base: Dexie, lignes: Lignes) =>
  chrono(() =>
    base.transaction(
      'rw',
      lignes.map(([t]) => t),
      async () => {
        for (const [t, l] of lignes) await base.table(t).bulkPut(l);
      },
    ),
  );

/**
 * The floor of a first sync, on a new device: the same pages downloaded, then the rows the sync
 * stored put in one transaction, sealed on the way by the app's encryption middleware.
 */
async function plancher(session: Session, { magasins, lignes }: Stockage) {
  const base = baseNeuve('plancher', magasins, await coffreOuvert());
  await base.open();
  const debut = performance.now();
  for (let apres: number | null = 0; apres !== null;) {
    const reponse = await pageDeLInstantane(session, apres);
    apres = ((await reponse.json()) as { next: number | null }).next;
  }
  await ecrireLignes(base, lignes);
  const reference = performance.now() - debut;
  base.close();
  return reference;
}

/**
 * Seals each row of the stores the app seals, as its middleware does (JSON and AES-GCM, the key
 * and indexed fields in clear), by slices of 250; the rows of the other stores pass as they are.
 */
const sceller = (cle: CryptoKey, base: Dexie, source: Lignes) =>
  chrono(async () => {
    const scellees: Lignes = [];
    for (const [t, l] of source) {
      if (!estTableChiffree(t)) {
        scellees.push([t, l]);
        continue;
      }
      const { primKey, indexes } = base.table(t).schema;
      const cles = [primKey, ...indexes].flatMap((i) => (typeof i.keyPath === 'string' ? [i.keyPath] : (i.keyPath ?? [])));
      const table: Record<string, unknown>[] = [];
      for (let i = 0; i < l.length; i += 250)
        table.push(
          ...(await Promise.all(
            l.slice(i, i + 250).map(async (r) => {
              const stockee: Record<string, unknown> = Object.fromEntries(cles.filter((c) => r[c] !== undefined).map((c) => [c, r[c]]));
              stockee.__chiffre = (await scellerAvecTexte(cle, r, `${t}|${JSON.stringify(cles.map((c) => r[c] ?? null))}`)).scelle;
              return stockee;
            }),
          )),
        );
      scellees.push([t, table]);
    }
    return scellees;
  });

/** A value without the `_sync` of its records, at any depth (a household's occupants have theirs). */
const sansSync = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sansSync)
    : typeof v === 'object' && v !== null && !(v instanceof Blob)
      ? Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (k === '_sync' ? [] : [[k, sansSync(x)]])))
      : v;

/**
 * What the floor is made of, each part measured alone on the same pages and rows: download, JSON
 * parsing, the records built from the pages' fields and their schema checks (the app's work, not
 * the floor's), sealing (JSON and AES-GCM per row, by slices of 250 as the app does), and
 * IndexedDB puts of the sealed rows in one transaction; the last two again without the records'
 * `_sync` (written after the first: it also pays for the compaction of the first, an upper bound).
 */
async function decomposerPlancher(session: Session, { magasins, lignes }: Stockage) {
  const [telechargement, textes] = await chrono(async () => {
    const recus: string[] = [];
    for (let apres: number | null = 0; apres !== null;) {
      const reponse = await pageDeLInstantane(session, apres);
      const texte: string = await reponse.text();
      recus.push(texte);
      apres = (JSON.parse(texte) as { next: number | null }).next;
    }
    return recus;
  });
  const [analyseJson, pages] = await chrono(async () => textes.map((t) => JSON.parse(t) as SnapshotResponse));
  const [enregistrements, recus] = await chrono(async () =>
    pages.flatMap((p) =>
      p.records.flatMap((r) =>
        isSyncedTable(r.table)
          ? [
              [
                r.table,
                recordFromFields(
                  r.recordId,
                  Object.entries(r.fields).map(([f, [valeur]]) => [f, valeur] as const),
                ),
              ] as const,
            ]
          : [],
      ),
    ),
  );
  const [schemas] = await chrono(async () => {
    for (const [t, r] of recus) SYNCED_TABLES[t].schema.safeParse(r);
  });
  const cle = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const base = baseNeuve('decomposition', magasins, null);
  await base.open();
  const [scellement, scellees] = await sceller(cle, base, lignes);
  const [ecritures] = await ecrireLignes(base, scellees);
  await Promise.all(base.tables.map((t) => t.clear()));
  const [scellementSansSync, scelleesSansSync] = await sceller(cle, base, sansSync(lignes) as Lignes);
  const [ecrituresSansSync] = await ecrireLignes(base, scelleesSansSync);
  base.close();
  return {
    telechargement,
    analyseJson,
    enregistrements,
    schemas,
    scellement,
    ecritures,
    scellementSansSync,
    ecrituresSansSync,
    enregistrementsRecus: recus.length,
  };
}

/**
 * Stores a steering data set (test/bench/pilotage.ts) as a chargée's first sync would leave it,
 * with her session, for the officer's report in Chromium (test/bench/pilotage-navigateur.ts).
 */
async function remplirPilotage(d: EnregistrementsPilotage, session: Session): Promise<number> {
  const db = await baseOuverte();
  const debut = performance.now();
  await enregistrerSession(db, session);
  await db.transaction('rw', [db.operations, db.residences, db.offres, db.offresPilotage], async () => {
    await db.operations.bulkPut([...d.operations]);
    await db.residences.bulkPut([...d.residences]);
    await db.offres.bulkPut([...d.offres]);
  });
  for (let fait = 0; fait < d.menages.length; fait += LOT) {
    const menages = d.menages.slice(fait, fait + LOT);
    const ids = new Set(menages.map((m) => m.id));
    await db.transaction(
      'rw',
      TABLES_ECRITURE.map((t) => db.table(t)),
      async () => {
        await db.menages.bulkPut(menages);
        await db.propositions.bulkPut(d.propositions.filter((p) => ids.has(p.menageId)));
        await rafraichirResumes(db, [...ids], ['menages', 'propositions']);
      },
    );
  }
  db.close();
  return performance.now() - debut;
}

/**
 * The officer's report in parts, in a page slowed as the bench's (CPU time of the main thread):
 * reading its source (the 64 rows of facts opened and decoded, the reference data), then the
 * domain's computation, each first run as the screen's; then the facts rebuilt from the records
 * as a device upgraded from version 18 does in the background. Sizes of the facts in clear.
 */
/**
 * The source's two large reads, each in its own read transaction as the source's is, taken in turn
 * several times in the same page (medians): the facts, the offers as « Pilotage » reads them (their
 * rows), and the offers whole, as it read them before.
 */
async function lecturesAlternees(db: RelogementDb): Promise<Record<string, number>> {
  const lectures: Record<string, () => Promise<unknown>> = {
    faits: () => lireFaits(db, new Set()),
    offresPilotage: () => lireOffresPilotage(db),
    offresEntieres: () => db.offres.toArray(),
  };
  const durees: Record<string, number[]> = {};
  for (let tour = 0; tour < 7; tour++)
    for (const [nom, lire] of Object.entries(lectures)) {
      const debut = performance.now();
      await db.transaction('r', db.tables, lire);
      (durees[nom] ??= []).push(performance.now() - debut);
    }
  return Object.fromEntries(Object.entries(durees).map(([nom, d]) => [nom, [...d].sort((a, b) => a - b)[3] ?? NaN]));
}

async function decomposerPilotage(): Promise<Record<string, number>> {
  const db = await baseOuverte();
  const t0 = performance.now();
  const source = await lireSourcePilotage(db);
  const t1 = performance.now();
  const filtres = surLaPeriode(periodeContenant('trimestre', jourIso(new Date())));
  calculerPilotage(source.donnees, filtres, { offresProposeesSeulement: source.portefeuille }, source.reglages);
  const t2 = performance.now();
  calculerPilotage(source.donnees, filtres, { offresProposeesSeulement: source.portefeuille }, source.reglages);
  const t3 = performance.now();
  const lectures = await lecturesAlternees(db);
  const octets = JSON.stringify(await db.paquetsFaits.toArray()).length;
  await db.paquetsFaits.clear();
  const t4 = performance.now();
  await construireFaits(db);
  const t5 = performance.now();
  db.close();
  return {
    lecture: t1 - t0,
    domaine: t2 - t1,
    domaineChaud: t3 - t2,
    reconstruction: t5 - t4,
    ...lectures,
    octets,
    propositions: source.donnees.propositions.length,
    menages: source.donnees.menages.length,
  };
}

/** What a preparation at idle keeps: the source and the opening report, held here so the bench weighs them on the heap. */
const gardes: unknown[] = [];
async function garderPilotage(): Promise<void> {
  const source = await lireSourcePilotage(await baseOuverte());
  const filtres = surLaPeriode(periodeContenant('trimestre', jourIso(new Date())));
  gardes.push(source, calculerPilotage(source.donnees, filtres, { offresProposeesSeulement: source.portefeuille }, source.reglages));
}

/**
 * A lease signed today on one of the bench's proposals refused, through the write path: the change the
 * officer's next opening of « Pilotage », in another tab, has to show (pilotage-navigateur.ts).
 */
async function signerUnBail(): Promise<void> {
  const db = await baseOuverte();
  const refusee = await db.propositions.filter((p) => !p.bailSigneLe).first();
  if (!refusee) throw new Error('Aucune proposition sans bail.');
  const jour = jourIso(new Date());
  await ecrire<Proposition>(db, 'propositions', refusee.id, (p) => ({
    ...p!,
    reponse: { date: jour, decision: 'acceptation', motif: null, commentaire: '' },
    bailSigneLe: jour,
  }));
  db.close();
}

/**
 * What a sync cycle that brings nothing writes to `meta`: the clock and the checkpoint (written again
 * as they are: a write all the same) and its failures cleared; from another tab (pilotage-navigateur.ts).
 */
async function ecrireUnCycleSansNouveaute(): Promise<void> {
  const db = await baseOuverte();
  const lignes = await db.meta.bulkGet(['clock', 'checkpoint']);
  await db.meta.bulkPut([
    { key: 'clock', value: lignes[0]?.value ?? null },
    { key: 'checkpoint', value: lignes[1]?.value ?? 0 },
  ]);
  await db.meta.delete('echecsSynchro');
  db.close();
}

Object.assign(window, {
  mesures: {
    signerUnBail,
    ecrireUnCycleSansNouveaute,
    remplir,
    vieillir,
    mesurer,
    premiereSynchro,
    stockageSynchronise,
    plancher,
    decomposerPlancher,
    remplirPilotage,
    decomposerPilotage,
    garderPilotage,
  },
});
