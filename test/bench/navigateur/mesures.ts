import { genererDemo, type DonneesPilotage } from '../../../src/domain/index.ts';
import {
  RelogementDb,
  VERSIONS,
  choisirCode,
  codeChoisi,
  deverrouiller,
  enregistrerReponse,
  enregistrerSession,
  ouvrirEntretien,
  rechercherMenages,
} from '../../../src/data/index.ts';
import type { Session } from '../../../src/data/index.ts';
import { MoteurSync } from '../../../src/sync-client/index.ts';
import { PROTOCOL_VERSION, SYNCED_TABLES } from '../../../src/sync/index.ts';
import { rafraichirResumes } from '../../../src/data/ecriture.ts';
import { uuidv7 } from '../../../src/data/ids.ts';
import { TABLES_LUES_PAR_LES_RESUMES } from '../../../src/data/resume-calcul.ts';
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
    await db.transaction(
      'rw',
      [db.operations, db.residences, db.meta, ...[...TABLES_RESUMES, ...TABLES_LUES_PAR_LES_RESUMES].map((t) => db.table(t))],
      async () => {
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
      },
    );
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

/**
 * A new device's first sync (engine start → `synchroniser()` resolved, summaries made), then its
 * floor: downloading the same snapshot pages and writing the same rows, read back from the synced
 * database, in one transaction of an encrypted database.
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
  const tables = db.tables.filter((t) => t.name in SYNCED_TABLES);
  const lignes = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
  const champs = lignes.reduce((n, [, l]) => n + l.reduce((m, r) => m + Object.keys((r as { _sync?: object })._sync ?? {}).length, 0), 0);
  db.close();

  const plancher = await baseOuverte(`plancher-${Date.now()}`);
  const debutPlancher = performance.now();
  let apres = 0;
  for (;;) {
    const reponse = await fetch(`/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    const page = (await reponse.json()) as { next: number | null };
    if (page.next === null) break;
    apres = page.next;
  }
  await plancher.transaction(
    'rw',
    tables.map((t) => plancher.table(t.name)),
    async () => {
      for (const [nom, l] of lignes) await plancher.table(nom).bulkPut(l);
    },
  );
  const reference = performance.now() - debutPlancher;
  plancher.close();
  return { synchro, reference, menages, champs, surLeReseau, decode, pages: pages.length, tachesLongues };
}

/**
 * Stores a steering data set (test/bench/pilotage.ts) as a chargée's first sync would leave it,
 * with her session, for the officer's report in Chromium (test/bench/pilotage-navigateur.ts).
 */
async function remplirPilotage(d: DonneesPilotage, session: Session): Promise<number> {
  const db = await baseOuverte();
  const debut = performance.now();
  await enregistrerSession(db, session);
  await db.transaction('rw', [db.operations, db.residences, db.offres], async () => {
    await db.operations.bulkPut([...d.operations]);
    await db.residences.bulkPut([...d.residences]);
    await db.offres.bulkPut([...d.offres]);
  });
  for (let fait = 0; fait < d.menages.length; fait += LOT) {
    const menages = d.menages.slice(fait, fait + LOT);
    const ids = new Set(menages.map((m) => m.id));
    await db.transaction('rw', [db.meta, ...[...TABLES_RESUMES, ...TABLES_LUES_PAR_LES_RESUMES].map((t) => db.table(t))], async () => {
      await db.menages.bulkPut(menages);
      await db.propositions.bulkPut(d.propositions.filter((p) => ids.has(p.menageId)));
      await rafraichirResumes(db, [...ids], ['menages', 'propositions']);
    });
  }
  db.close();
  return performance.now() - debut;
}

Object.assign(window, { mesures: { remplir, vieillir, mesurer, premiereSynchro, remplirPilotage } });
