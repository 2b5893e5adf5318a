import { build } from 'vite';
import type { Page } from 'playwright-core';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import type { Tablette } from '../browser/chromium.ts';
import { processeurDeLaTablette } from './processeur.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';
import { pagesDeLInstantane } from './pages-instantane.ts';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import type { Session } from '../../src/data/index.ts';

// Issue 18's first sync: a new device, 5,000 households, from the snapshot (docs/sync.md,
// « Instantané »), in Chromium with encryption at rest on. `npm run bench premiere-synchro`
// runs this part alone. Each sync, and each floor, runs on a new device (a new Chromium profile).
// The floor writes the rows the sync stored, read below the app's middlewares: it follows the
// app's layout of its stores, whatever it is.

type Synchro = { synchro: number; surLeReseau: number; decode: number; pages: number; tachesLongues: number[]; apresDernierePage: number };
/** The rows the sync added to each store, in clear, and the stores' keys and indexes (test/bench/navigateur/mesures.ts). */
type Stockage = { magasins: Record<string, string>; lignes: (readonly [string, unknown[]])[] };
type Stocke = { menages: number; resumes: number; champs: number; stockage: Stockage };
type Detail = Record<
  | 'telechargement'
  | 'analyseJson'
  | 'enregistrements'
  | 'schemas'
  | 'scellement'
  | 'ecritures'
  | 'scellementSansSync'
  | 'ecrituresSansSync'
  | 'enregistrementsRecus',
  number
>;
type Mesures = {
  premiereSynchro: (s: Session) => Promise<Synchro>;
  stockageSynchronise: () => Promise<Stocke>;
  plancher: (s: Session, stockage: Stockage) => Promise<number>;
  decomposerPlancher: (s: Session, stockage: Stockage) => Promise<Detail>;
};
/** The bench page's window (test/bench/navigateur/mesures.ts). */
type Fenetre = { mesures: Mesures };
/** Processor time: the browser's (all its processes), and the bench's Node process (the server, PGlite included). */
type Processeur = { navigateur: number; serveur: number };
type Resultat = Synchro &
  Omit<Stocke, 'stockage'> & { reference: number; processeur: Processeur; processeurPlancher: Processeur; detail: Detail | null };

/** The processor time spent by `travail` (see `Processeur`), with what it returns. */
async function auProcesseur<T>(tablette: Tablette, travail: () => Promise<T>): Promise<[Processeur, T]> {
  const navigateur = processeurDeLaTablette(tablette);
  const serveur = process.cpuUsage();
  const r = await travail();
  const { user, system } = process.cpuUsage(serveur);
  return [{ navigateur: processeurDeLaTablette(tablette) - navigateur, serveur: (user + system) / 1000 }, r];
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
    const mesures = (page: Page) => page.evaluateHandle(() => (window as unknown as Fenetre).mesures);
    // The rows are handed to the page before a floor is measured: their transfer is no part of it.
    const dansLaPage = (page: Page, stockage: Stockage) => Promise.all([mesures(page), page.evaluateHandle((s) => s, stockage)]);
    // The server's first walk of the snapshot pays its caches and its code's compilation (twice the
    // time of the next ones): done once before, so that no sync is measured against a warmer floor.
    await pagesDeLInstantane(serveur.url, compte.token);
    const essais: Resultat[] = [];
    let stockagePremier: Stockage | null = null;
    for (let i = 0; i < ESSAIS; i++) {
      const [synchro, processeur, { stockage, ...stocke }] = await surUneTabletteNeuve(async (page, tablette) => {
        const m = await mesures(page);
        const [p, s] = await auProcesseur(tablette, () => m.evaluate((m, s) => m.premiereSynchro(s), session));
        return [s, p, await m.evaluate((m) => m.stockageSynchronise())] as const;
      });
      stockagePremier ??= stockage;
      const [processeurPlancher, reference] = await surUneTabletteNeuve(async (page, tablette) => {
        const [m, st] = await dansLaPage(page, stockage);
        return auProcesseur(tablette, () => m.evaluate((m, [s, st]) => m.plancher(s, st), [session, st] as const));
      });
      // The floor's parts are measured once.
      const detail =
        i === 0
          ? await surUneTabletteNeuve(async (page) => {
              const [m, st] = await dansLaPage(page, stockage);
              return m.evaluate((m, [s, st]) => m.decomposerPlancher(s, st), [session, st] as const);
            })
          : null;
      essais.push({ ...synchro, ...stocke, reference, processeur, processeurPlancher, detail });
    }
    const serveurSeul = [];
    for (let i = 0; i < ESSAIS; i++) serveurSeul.push(await pagesDeLInstantane(serveur.url, compte.token));
    const synchro = mediane(essais.map((e) => e.synchro));
    const plancher = mediane(essais.map((e) => e.reference));
    const ratios = essais.map((e) => e.synchro / e.reference);
    const [premier] = essais;
    if (!premier || !stockagePremier) throw new Error('aucun essai');
    const incomplet = essais.find((e) => e.resumes !== e.menages);
    if (incomplet) throw new Error(`${incomplet.resumes} résumés pour ${incomplet.menages} ménages à la fin de la synchronisation`);
    const d = premier.detail;
    const lignes = stockagePremier.lignes;
    const processeur = (p: (e: Resultat) => Processeur) =>
      `navigateur ${ms(mediane(essais.map((e) => p(e).navigateur)))}, serveur ${ms(mediane(essais.map((e) => p(e).serveur)))} (essais : ${essais.map((e) => `${ms(p(e).navigateur)} + ${ms(p(e).serveur)}`).join(', ')})`;
    return {
      [`Première synchronisation de ${premier.menages} ménages (occupants, un entretien ; ${premier.champs} champs), médiane de ${ESSAIS}`]: `${ms(synchro)} (objectif ≤ 2 200 ms) ; essais : ${essais.map((e) => ms(e.synchro)).join(', ')}`,
      'Plancher, sur une tablette neuve : les mêmes pages téléchargées, puis les lignes que la synchronisation a rangées, lues sous les middlewares de l’application, écrites en une transaction et scellées en chemin par son middleware de chiffrement, médiane': `${ms(plancher)} ; essais : ${essais.map((e) => ms(e.reference)).join(', ')}`,
      'Plancher : les lignes qu’il écrit (celles que la synchronisation a ajoutées), par magasin': `${lignes.reduce((n, [, l]) => n + l.length, 0).toLocaleString('fr-FR')} lignes : ${lignes.map(([t, l]) => `${t} ${l.length.toLocaleString('fr-FR')}`).join(', ')}`,
      'Plancher, ses parties mesurées seules au premier essai (pages, puis lignes de la synchronisation), sur une tablette neuve': d
        ? `téléchargement ${ms(d.telechargement)}, analyse JSON ${ms(d.analyseJson)}, scellement (JSON + AES-GCM par ligne) ${ms(d.scellement)}, écritures IndexedDB des lignes scellées ${ms(d.ecritures)} ; faits par l’application et pas par le plancher : les ${d.enregistrementsRecus.toLocaleString('fr-FR')} enregistrements construits des champs des pages ${ms(d.enregistrements)}, leurs schémas vérifiés ${ms(d.schemas)}`
        : 'non mesuré',
      'Plancher : sans le _sync de chaque enregistrement, écrit à la suite sur la même tablette (majorant : il paie le compactage du premier)':
        d ? `scellement ${ms(d.scellementSansSync)}, écritures ${ms(d.ecrituresSansSync)}` : 'non mesuré',
      'Rapport à ce plancher, médiane des essais (objectif ≤ 1,3×)': `${mediane(ratios).toFixed(2).replace('.', ',')}× ; essais : ${ratios.map((r) => `${r.toFixed(2).replace('.', ',')}×`).join(', ')}`,
      'Rapport à ce plancher en temps de processeur du navigateur et du serveur (ce que la charge de la machine brouille le moins), médiane des essais':
        (() => {
          const total = (p: Processeur) => p.navigateur + p.serveur;
          const r = essais.map((e) => total(e.processeur) / total(e.processeurPlancher));
          return `${mediane(r).toFixed(2).replace('.', ',')}× ; essais : ${r.map((x) => `${x.toFixed(2).replace('.', ',')}×`).join(', ')}`;
        })(),
      'Temps de processeur, médianes : le navigateur (tous ses processus) et le serveur (le processus du banc, PGlite compris), pendant la première synchronisation':
        processeur((e) => e.processeur),
      'Les mêmes pendant le plancher': processeur((e) => e.processeurPlancher),
      'Première synchronisation : le fil principal bloqué d’une traite (tâches longues, PerformanceObserver), pire essai': (() => {
        const taches = essais.flatMap((e) => e.tachesLongues);
        return `${taches.length} tâches de plus de 50 ms en ${ESSAIS} essais, la plus longue ${ms(Math.max(0, ...taches))}, ${taches.filter((d) => d > 100).length} de plus de 100 ms (objectif : aucune)`;
      })(),
      'Première synchronisation : du dernier octet de la dernière page de l’instantané à la fin (rangement de cette page, réception qui suit, lignes des résumés et des faits, rapport), médiane': `${ms(mediane(essais.map((e) => e.apresDernierePage)))} ; essais : ${essais.map((e) => ms(e.apresDernierePage)).join(', ')}`,
      'Le serveur seul : les pages de l’instantané demandées depuis Node comme la tablette les demande, de la requête au dernier octet, médiane': `${ms(mediane(serveurSeul.map((e) => e.ms)))} pour ${serveurSeul[0]?.pages} pages ; essais : ${serveurSeul.map((e) => ms(e.ms)).join(', ')}`,
      'Première synchronisation : octets sur le réseau (pages compressées, en-têtes compris)': `${mo(premier.surLeReseau)} en ${premier.pages} pages (objectif ≤ 1,5 Mo) ; ${mo(premier.decode)} une fois décompressées`,
    };
  } finally {
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
