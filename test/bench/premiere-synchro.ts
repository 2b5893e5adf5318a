import { build } from 'vite';
import type { Page } from 'playwright-core';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import type { Tablette } from '../browser/chromium.ts';
import { processeurDeLaTablette } from './processeur.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';
import { pagesDeLInstantane } from './pages-instantane.ts';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import type { Session } from '../../src/data/index.ts';
import type { Disposition } from './navigateur/mesures.ts';

// Issue 18's first sync: a new device, 5,000 households, from the snapshot (docs/sync.md,
// « Instantané »), in Chromium with encryption at rest on. `npm run bench premiere-synchro`
// runs this part alone. Each sync, and each floor, runs on a new device (a new Chromium profile),
// as does each layout of the floor's rows in household rows (`DISPOSITIONS`), measured by the
// browser's processor time.

type Synchro = {
  synchro: number;
  menages: number;
  resumes: number;
  champs: number;
  surLeReseau: number;
  decode: number;
  pages: number;
  tachesLongues: number[];
};
type Lignes = (readonly [string, unknown[]])[];
type Detail = Record<
  'telechargement' | 'analyseJson' | 'schemas' | 'scellement' | 'ecritures' | 'scellementSansSync' | 'ecrituresSansSync' | 'lignes',
  number
>;
type Relectures = { lectureMenages: number; rechercheOccupants: number };
/** A layout's measure: wall-clock times, and the browser's processor time (all its processes) for the writes and the reads. */
type Ecriture = Relectures & {
  scellement: number;
  lignes: number;
  ecritures: number;
  processeurEcritures: number;
  processeurRelectures: number;
};
type Mesures = {
  premiereSynchro: (s: Session) => Promise<Synchro>;
  lignesSynchronisees: () => Lignes;
  plancher: (s: Session, lignes: Lignes) => Promise<number>;
  decomposerPlancher: (s: Session, lignes: Lignes) => Promise<Detail>;
  preparerDisposition: (lignes: Lignes, nom: Disposition) => Promise<{ scellement: number; lignes: number }>;
  ecrireDisposition: () => Promise<number>;
  relireDisposition: () => Promise<Relectures>;
};
/** The bench page's window (test/bench/navigateur/mesures.ts). */
type Fenetre = { mesures: Mesures };
type Resultat = Synchro & { reference: number; detail: Detail | null };

/** What each layout of the floor's rows stands for (test/bench/navigateur/mesures.ts). */
const DISPOSITIONS: Record<Disposition, string> = {
  application: 'les lignes de l’application',
  occupantsDedans: 'les occupants dans la ligne de leur ménage, scellée entière, leurs identifiants indexés (étape 1)',
  occupantsDedansSansIndex: 'la même chose sans l’index',
  occupantsScellesAPart: 'chaque occupant scellé à part dans la ligne de son ménage, identifiants indexés',
  occupantsDedansCarte:
    'les occupants dans la ligne de leur ménage, scellée entière, sans index, leur ménage retrouvé par une carte en 64 lignes',
  unParMenage: 'une ligne par ménage, occupants et entretien dedans, sans index (étape 2)',
};

/** The browser's processor time spent by `travail`, with what it returns. */
async function auProcesseur<T>(tablette: Tablette, travail: () => Promise<T>): Promise<[number, T]> {
  const avant = processeurDeLaTablette(tablette);
  const r = await travail();
  return [processeurDeLaTablette(tablette) - avant, r];
}

/** The floor's rows laid out as `nom` says, sealed, written, then read back by their ids (test/bench/navigateur/mesures.ts). */
async function mesurerDisposition(page: Page, tablette: Tablette, lignes: Lignes, nom: Disposition): Promise<Ecriture> {
  const preparee = await page.evaluate(([l, n]) => (window as unknown as Fenetre).mesures.preparerDisposition(l, n), [
    lignes,
    nom,
  ] as const);
  const [processeurEcritures, ecritures] = await auProcesseur(tablette, () =>
    page.evaluate(() => (window as unknown as Fenetre).mesures.ecrireDisposition()),
  );
  const [processeurRelectures, relectures] = await auProcesseur(tablette, () =>
    page.evaluate(() => (window as unknown as Fenetre).mesures.relireDisposition()),
  );
  return { ...preparee, ecritures, processeurEcritures, ...relectures, processeurRelectures };
}

const MENAGES = 5000;
/** `BANC_ESSAIS_PREMIERE_SYNCHRO`: fewer runs while iterating (each takes about a minute). */
const ESSAIS = Number(process.env.BANC_ESSAIS_PREMIERE_SYNCHRO ?? 5);
const ms = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} ms`;
const mo = (octets: number) => `${(octets / 1024 / 1024).toFixed(2).replace('.', ',')} Mo`;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function bench(): Promise<Record<string, string>> {
  await build({ configFile: 'test/bench/vite.bench.config.ts' });
  const serveur = await demarrerServeur({ mesures: '.tmp/mesures' });
  try {
    const { db } = serveur.actuel();
    const compte = await createTestAccount(db, { organisation: 'Mesures', role: 'encadrant', name: 'Mesure' });
    await seedHouseholds(db, compte.profile, await createTestResidence(db, compte.profile), MENAGES);
    const session: Session = { token: compte.token, expiresAt: '2099-01-01T00:00:00.000Z', user: compte.profile };
    // A new device for each sync and each floor: a profile that has stored a caseload before also
    // compacts what the earlier writes left, and each later write in it was slower than the first.
    const surUneTabletteNeuve = async <T>(mesure: (page: Page, tablette: Tablette) => Promise<T>): Promise<T> => {
      const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
      try {
        tablette.page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
        await tablette.page.goto(`${serveur.url}mesures/index.html`);
        return await mesure(tablette.page, tablette);
      } finally {
        await fermerTablette(tablette);
      }
    };
    const essais: Resultat[] = [];
    let lignesDernierEssai: Lignes = [];
    for (let i = 0; i < ESSAIS; i++) {
      const [synchro, lignes] = await surUneTabletteNeuve(async (page) => {
        const s = await page.evaluate((s) => (window as unknown as Fenetre).mesures.premiereSynchro(s), session);
        return [s, await page.evaluate(() => (window as unknown as Fenetre).mesures.lignesSynchronisees())] as const;
      });
      const reference = await surUneTabletteNeuve((page) =>
        page.evaluate(([s, l]) => (window as unknown as Fenetre).mesures.plancher(s, l), [session, lignes] as const),
      );
      // The floor's parts are measured once.
      const detail =
        i === 0
          ? await surUneTabletteNeuve((page) =>
              page.evaluate(([s, l]) => (window as unknown as Fenetre).mesures.decomposerPlancher(s, l), [session, lignes] as const),
            )
          : null;
      essais.push({ ...synchro, reference, detail });
      lignesDernierEssai = lignes;
    }
    // Each layout on a new device, in a turning order: the runs of one are spread over the same minutes as the others'.
    const noms = Object.keys(DISPOSITIONS) as Disposition[];
    const ecritures = new Map<Disposition, Ecriture[]>(noms.map((n) => [n, []]));
    for (let i = 0; i < ESSAIS; i++)
      for (const nom of [...noms.slice(i % noms.length), ...noms.slice(0, i % noms.length)])
        ecritures
          .get(nom)
          ?.push(await surUneTabletteNeuve((page, tablette) => mesurerDisposition(page, tablette, lignesDernierEssai, nom)));
    const serveurSeul = [];
    for (let i = 0; i < ESSAIS; i++) serveurSeul.push(await pagesDeLInstantane(serveur.url, compte.token));
    const synchro = mediane(essais.map((e) => e.synchro));
    const plancher = mediane(essais.map((e) => e.reference));
    const ratios = essais.map((e) => e.synchro / e.reference);
    const [premier] = essais;
    if (!premier) throw new Error('aucun essai');
    const incomplet = essais.find((e) => e.resumes !== e.menages);
    if (incomplet) throw new Error(`${incomplet.resumes} résumés pour ${incomplet.menages} ménages à la fin de la synchronisation`);
    const d = premier.detail;
    return {
      [`Première synchronisation de ${premier.menages} ménages (occupants, un entretien ; ${premier.champs} champs), médiane de ${ESSAIS}`]: `${ms(synchro)} (objectif ≤ 2 200 ms) ; essais : ${essais.map((e) => ms(e.synchro)).join(', ')}`,
      'Plancher, sur une tablette neuve : les mêmes pages téléchargées, les mêmes lignes que l’application écrites en une transaction (chiffrées), médiane': `${ms(plancher)} ; essais : ${essais.map((e) => ms(e.reference)).join(', ')}`,
      'Plancher, ses parties mesurées seules au premier essai (pages, puis lignes relues de la base synchronisée), sur une tablette neuve':
        d
          ? `téléchargement ${ms(d.telechargement)}, analyse JSON ${ms(d.analyseJson)}, scellement (JSON + AES-GCM par ligne) ${ms(d.scellement)}, écritures IndexedDB des ${d.lignes} lignes scellées ${ms(d.ecritures)} ; vérification des schémas (faite par l’application, pas par le plancher) ${ms(d.schemas)}`
          : 'non mesuré',
      'Plancher : sans la copie _sync de chaque ligne, écrite à la suite sur la même tablette (majorant : elle paie le compactage de la première)':
        d ? `scellement ${ms(d.scellementSansSync)}, écritures ${ms(d.ecrituresSansSync)}` : 'non mesuré',
      ...Object.fromEntries(
        [...ecritures].map(([nom, e]) => [
          `Plancher, les mêmes enregistrements rangés autrement, chacun sur une tablette neuve : ${DISPOSITIONS[nom]} (${e[0]?.lignes} lignes), médiane`,
          `scellement ${ms(mediane(e.map((x) => x.scellement)))} ; écritures ${ms(mediane(e.map((x) => x.ecritures)))}, ${ms(mediane(e.map((x) => x.processeurEcritures)))} de processeur (essais : ${e.map((x) => ms(x.processeurEcritures)).join(', ')}) ; relus par identifiant, les ${MENAGES} ménages ${ms(mediane(e.map((x) => x.lectureMenages)))} et la place de chaque occupant ${Number.isNaN(e[0]?.rechercheOccupants) ? '(impossible sans index ni carte)' : ms(mediane(e.map((x) => x.rechercheOccupants)))}, ${ms(mediane(e.map((x) => x.processeurRelectures)))} de processeur`,
        ]),
      ),
      'Rapport à ce plancher, médiane des essais (objectif ≤ 1,3×)': `${mediane(ratios).toFixed(2).replace('.', ',')}× ; essais : ${ratios.map((r) => `${r.toFixed(2).replace('.', ',')}×`).join(', ')}`,
      'Première synchronisation : le fil principal bloqué d’une traite (tâches longues, PerformanceObserver), pire essai': (() => {
        const taches = essais.flatMap((e) => e.tachesLongues);
        return `${taches.length} tâches de plus de 50 ms en ${ESSAIS} essais, la plus longue ${ms(Math.max(0, ...taches))}, ${taches.filter((d) => d > 100).length} de plus de 100 ms (objectif : aucune)`;
      })(),
      'Le serveur seul : les pages de l’instantané demandées depuis Node comme la tablette les demande, de la requête au dernier octet, médiane': `${ms(mediane(serveurSeul.map((e) => e.ms)))} pour ${serveurSeul[0]?.pages} pages ; essais : ${serveurSeul.map((e) => ms(e.ms)).join(', ')}`,
      'Première synchronisation : octets sur le réseau (pages compressées, en-têtes compris)': `${mo(premier.surLeReseau)} en ${premier.pages} pages (objectif ≤ 1,5 Mo) ; ${mo(premier.decode)} une fois décompressées`,
    };
  } finally {
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
