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
import { PROTOCOL_VERSION, SYNCED_TABLES } from '../../../src/sync/index.ts';
import type { SyncedTable } from '../../../src/sync/index.ts';
import { scellerAvecTexte } from '../../../src/data/chiffrement.ts';
import { TABLES_ECRITURE, ecrire, rafraichirResumes } from '../../../src/data/ecriture.ts';
import { uuidv7 } from '../../../src/data/ids.ts';
import { construireFaits, lireFaits } from '../../../src/data/faits-pilotage.ts';
import { lireOffresPilotage } from '../../../src/data/offres-pilotage.ts';
import { TABLES_RESUMES, ecrireResumes, paquetDe } from '../../../src/data/paquets-resumes.ts';

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

/** The rows the last first sync stored, in clear: the floor writes them in a profile of its own. */
let lignesSynchronisees: (readonly [string, unknown[]])[] = [];

/**
 * A new device's first sync (engine start → `synchroniser()` resolved, summaries made); the rows it
 * stored are kept for the floor (`plancher`), which the bench runs on a new device.
 */
async function premiereSynchro(session: Session) {
  const db = await baseOuverte(`premiere-synchro-${Date.now()}`);
  await enregistrerSession(db, session);
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
  const menages = await db.menages.count();
  // Every household summarised: the sync is over only once the caseload shows them all.
  const resumes = (await db.paquetsResumes.toArray()).reduce((n, p) => n + p.resumes.length, 0);
  const tables = db.tables.filter((t) => t.name in SYNCED_TABLES);
  lignesSynchronisees = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
  const champs = lignesSynchronisees.reduce(
    (n, [, l]) => n + l.reduce<number>((m, r) => m + Object.keys((r as { _sync?: object })._sync ?? {}).length, 0),
    0,
  );
  db.close();
  return { synchro, menages, resumes, champs, surLeReseau, decode, pages: pages.length, tachesLongues };
}

/** A snapshot page as the app asks for it (its page size), left unread. */
const pageDeLInstantane = (session: Session, apres: number): Promise<Response> =>
  fetch(`/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}&limit=${ENREGISTREMENTS_PAR_PAGE}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });

/** The floor of a first sync: the same pages downloaded, then the rows the app stored written in one transaction, sealed. */
async function plancher(session: Session, lignes: (readonly [string, unknown[]])[]) {
  const base = await baseOuverte(`plancher-${Date.now()}`);
  const debut = performance.now();
  for (let apres: number | null = 0; apres !== null;) {
    const reponse = await pageDeLInstantane(session, apres);
    apres = ((await reponse.json()) as { next: number | null }).next;
  }
  await base.transaction(
    'rw',
    lignes.map(([t]) => base.table(t)),
    async () => {
      for (const [nom, l] of lignes) await base.table(nom).bulkPut(l);
    },
  );
  const reference = performance.now() - debut;
  base.close();
  return reference;
}

type Lignes = (readonly [string, Record<string, unknown>[]])[];

/** The same rows with each household's records of `dedans` inside its row, as a household-row layout would store them. */
function parMenage(lignes: Lignes, dedans: readonly string[]): Lignes {
  const menages = new Map(
    (lignes.find(([t]) => t === 'menages')?.[1] ?? []).map((m) => [
      m.id,
      { ...m, ...Object.fromEntries(dedans.map((t) => [t, [] as unknown[]])) },
    ]),
  );
  for (const table of dedans)
    for (const r of lignes.find(([t]) => t === table)?.[1] ?? []) (menages.get(r.menageId)?.[table] as unknown[] | undefined)?.push(r);
  return [['menages', [...menages.values()]], ...lignes.filter(([t]) => t !== 'menages' && !dedans.includes(t))];
}

/** The household rows with their occupants' ids (`occupantIds`), the index an occupant's change would find its household by. */
function avecOccupantIds(lignes: Lignes): Lignes {
  const ids = new Map<unknown, string[]>();
  for (const p of lignes.find(([t]) => t === 'personnes')?.[1] ?? []) ids.set(p.menageId, [...(ids.get(p.menageId) ?? []), String(p.id)]);
  return lignes.map(([t, l]) => [t, t === 'menages' ? l.map((m) => ({ ...m, occupantIds: ids.get(m.id) ?? [] })) : l] as const);
}

const chrono = async <T>(travail: () => Promise<T>): Promise<[number, T]> => {
  const debut = performance.now();
  const r = await travail();
  return [performance.now() - debut, r];
};

/** Seals each row as the app's middleware does (JSON and AES-GCM, its key and indexed fields in clear), by slices of 250. */
const sceller = (cle: CryptoKey, base: RelogementDb, source: Lignes) =>
  chrono(async () => {
    const scellees: Lignes = [];
    for (const [t, l] of source) {
      const cles = [
        'id',
        ...base.table(t).schema.indexes.flatMap((i) => (typeof i.keyPath === 'string' ? [i.keyPath] : (i.keyPath ?? []))),
      ];
      const table: Record<string, unknown>[] = [];
      for (let i = 0; i < l.length; i += 250)
        table.push(
          ...(await Promise.all(
            l.slice(i, i + 250).map(async (r) => {
              const stockee: Record<string, unknown> = Object.fromEntries(cles.filter((c) => r[c] !== undefined).map((c) => [c, r[c]]));
              stockee.__chiffre = await scellerAvecTexte(cle, r, `${t}|${JSON.stringify(cles.map((c) => r[c] ?? null))}`);
              return stockee;
            }),
          )),
        );
      scellees.push([t, table]);
    }
    return scellees;
  });

/** Puts the rows in one transaction. */
const ecrireLignes = (base: RelogementDb, scellees: Lignes) =>
  chrono(() =>
    base.transaction(
      'rw',
      scellees.map(([t]) => base.table(t)),
      async () => {
        for (const [t, l] of scellees) await base.table(t).bulkPut(l);
      },
    ),
  );

/**
 * The ways the floor's records can be laid out in rows. Issue 18's stage 1 puts each household's
 * occupants inside its row, their ids indexed by a multiEntry index on `menages`: the household row
 * sealed whole (`occupantsDedans`; without the index, `occupantsDedansSansIndex`), or each occupant
 * sealed apart (`occupantsScellesAPart`: the app's seals, the sealed occupants put inside their
 * household's row, as an upgrade could move them without the key). `occupantsDedansCarte`: no
 * index, each occupant's household found in a map of 64 rows (occupant's id → household's id, in
 * clear: random ids). Stage 2, `unParMenage`: the occupants and the interviews inside, no index.
 */
export type Disposition =
  'application' | 'occupantsDedans' | 'occupantsDedansSansIndex' | 'occupantsScellesAPart' | 'occupantsDedansCarte' | 'unParMenage';

/** A database of this profile with the app's stores, `menages` indexed by its occupants' ids too, and a store for the map of occupants to households. */
function baseParOccupants(app: RelogementDb): RelogementDb {
  const stores = Object.fromEntries(
    app.tables.map((t) => [
      t.name,
      [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src), ...(t.name === 'menages' ? ['*occupantIds'] : [])].join(', '),
    ]),
  );
  return new RelogementDb(`disposition-occupants-${Date.now()}`, [{ numero: 1, stores: { ...stores, carteOccupants: 'id' } }]);
}

/** Each occupant's household, in 64 rows by the occupant's id. */
function carteOccupants(lignes: Lignes): Record<string, unknown>[] {
  const cartes = new Map<number, Record<string, string>>();
  for (const p of lignes.find(([t]) => t === 'personnes')?.[1] ?? []) {
    const n = paquetDe(String(p.id));
    const carte = cartes.get(n) ?? {};
    carte[String(p.id)] = String(p.menageId);
    cartes.set(n, carte);
  }
  return [...cartes].map(([id, menages]) => ({ id, menages }));
}

/** A layout under measure, between its three steps (the bench reads the browser's processor time around each). */
let disposee: { nom: Disposition; base: RelogementDb; rangees: Lignes; ids: (table: string) => string[] } | null = null;

/**
 * The first step of a layout's measure, in a new database (the bench runs each layout on a new
 * device: a database written after others also pays for their compaction): the rows the app
 * stored, laid out as `nom` says, sealed.
 */
async function preparerDisposition(lignesApp: (readonly [string, unknown[]])[], nom: Disposition) {
  const lignes = lignesApp as Lignes;
  const cle = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const app = new RelogementDb(`disposition-${Date.now()}`, VERSIONS);
  const base = nom === 'occupantsDedans' || nom === 'occupantsScellesAPart' || nom === 'occupantsDedansCarte' ? baseParOccupants(app) : app;
  const source = {
    application: lignes,
    occupantsDedans: parMenage(avecOccupantIds(lignes), ['personnes']),
    occupantsDedansSansIndex: parMenage(lignes, ['personnes']),
    occupantsScellesAPart: avecOccupantIds(lignes),
    occupantsDedansCarte: parMenage(lignes, ['personnes']),
    unParMenage: parMenage(lignes, ['personnes', 'entretiens']),
  }[nom];
  const [scellement, scellees] = await sceller(cle, base, source);
  const rangees =
    nom === 'occupantsScellesAPart'
      ? parMenage(scellees, ['personnes'])
      : nom === 'occupantsDedansCarte'
        ? [...scellees, ['carteOccupants', carteOccupants(lignes)] as const]
        : scellees;
  disposee = { nom, base, rangees, ids: (table) => (lignes.find(([t]) => t === table)?.[1] ?? []).map((r) => String(r.id)) };
  return { scellement, lignes: rangees.reduce((n, [, l]) => n + l.length, 0) };
}

/** Its second step: the sealed rows put in one transaction. */
async function ecrireDisposition() {
  if (!disposee) throw new Error('aucune disposition préparée');
  return (await ecrireLignes(disposee.base, disposee.rangees))[0];
}

/**
 * Its last step: what a write of a later sync reads first, the households' rows by their ids, and
 * where each occupant is by its id (its own row, or its household's through the index or the
 * map; no way without either).
 */
async function relireDisposition() {
  if (!disposee) throw new Error('aucune disposition préparée');
  const { nom, base, ids } = disposee;
  const [lectureMenages] = await chrono(() => base.transaction('r', base.menages, () => base.menages.bulkGet(ids('menages'))));
  const occupants = ids('personnes');
  const [rechercheOccupants] =
    nom === 'application'
      ? await chrono(() => base.transaction('r', base.personnes, () => base.personnes.bulkGet(occupants)))
      : nom === 'occupantsDedans' || nom === 'occupantsScellesAPart'
        ? await chrono(() =>
            base.transaction('r', base.menages, () =>
              Promise.all(occupants.map((id) => base.menages.where('occupantIds').equals(id).primaryKeys())),
            ),
          )
        : nom === 'occupantsDedansCarte'
          ? await chrono(async () => {
              const cartes = (await base.table('carteOccupants').toArray()) as { menages: Record<string, string> }[];
              const menages = Object.assign({}, ...cartes.map((c) => c.menages)) as Record<string, string>;
              return occupants.map((id) => menages[id]);
            })
          : [NaN];
  base.close();
  disposee = null;
  return { lectureMenages, rechercheOccupants };
}

/**
 * What the floor is made of, each part measured alone on the same pages and rows: download, JSON
 * parsing, the schema checks the app makes (the floor makes none), sealing (JSON and AES-GCM per
 * row, by slices of 250 as the app does), and IndexedDB puts of the sealed rows in one
 * transaction; the last two again without each row's `_sync` copy (written after the first: it
 * also pays for the compaction of the first, an upper bound).
 */
async function decomposerPlancher(session: Session, lignesApp: (readonly [string, unknown[]])[]) {
  const lignes = lignesApp as Lignes;
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
  const [analyseJson] = await chrono(async () => textes.forEach((t) => JSON.parse(t)));
  const sansSync: Lignes = lignes.map(
    ([t, l]) => [t, l.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== '_sync')))] as const,
  );
  const [schemas] = await chrono(async () => {
    for (const [t, l] of sansSync) for (const r of l) SYNCED_TABLES[t as SyncedTable].schema.safeParse(r);
  });
  const cle = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const clair = new RelogementDb(`decomposition-${Date.now()}`, VERSIONS);
  const [scellement, scellees] = await sceller(cle, clair, lignes);
  const [ecritures] = await ecrireLignes(clair, scellees);
  await Promise.all(clair.tables.map((t) => t.clear()));
  const [scellementSansSync, scelleesSansSync] = await sceller(cle, clair, sansSync);
  const [ecrituresSansSync] = await ecrireLignes(clair, scelleesSansSync);
  clair.close();
  return {
    telechargement,
    analyseJson,
    schemas,
    scellement,
    ecritures,
    scellementSansSync,
    ecrituresSansSync,
    lignes: lignes.reduce((n, [, l]) => n + l.length, 0),
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
    lignesSynchronisees: () => lignesSynchronisees,
    plancher,
    decomposerPlancher,
    preparerDisposition,
    ecrireDisposition,
    relireDisposition,
    remplirPilotage,
    decomposerPilotage,
    garderPilotage,
  },
});
