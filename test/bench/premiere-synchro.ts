import { build } from 'vite';
import type { Page } from 'playwright-core';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';
import { pagesDeLInstantane } from './pages-instantane.ts';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import type { Session } from '../../src/data/index.ts';

// Issue 18's first sync: a new device, 5,000 households, from the snapshot (docs/sync.md,
// « Instantané »), in Chromium with encryption at rest on. `npm run bench premiere-synchro`
// runs this part alone. Each sync, and each floor, runs on a new device (a new Chromium profile).

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
  | 'telechargement'
  | 'analyseJson'
  | 'schemas'
  | 'scellement'
  | 'ecritures'
  | 'scellementSansSync'
  | 'ecrituresSansSync'
  | 'scellementParMenage'
  | 'ecrituresParMenage'
  | 'lignes'
  | 'lignesParMenage',
  number
>;
type Mesures = {
  premiereSynchro: (s: Session) => Promise<Synchro>;
  lignesSynchronisees: () => Lignes;
  plancher: (s: Session, lignes: Lignes) => Promise<number>;
  decomposerPlancher: (s: Session, lignes: Lignes) => Promise<Detail>;
};
/** The bench page's window (test/bench/navigateur/mesures.ts). */
type Fenetre = { mesures: Mesures };
type Resultat = Synchro & { reference: number; detail: Detail | null };

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
    const surUneTabletteNeuve = async <T>(mesure: (page: Page) => Promise<T>): Promise<T> => {
      const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
      try {
        tablette.page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
        await tablette.page.goto(`${serveur.url}mesures/index.html`);
        return await mesure(tablette.page);
      } finally {
        await fermerTablette(tablette);
      }
    };
    const essais: Resultat[] = [];
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
    }
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
      'Plancher : les mêmes parties écrites autrement, à la suite sur la même tablette (majorants : chacune paie le compactage des précédentes)':
        d
          ? `sans la copie _sync de chaque ligne : scellement ${ms(d.scellementSansSync)}, écritures ${ms(d.ecrituresSansSync)} ; une ligne par ménage (ses occupants et son entretien dedans, ${d.lignesParMenage} lignes) : scellement ${ms(d.scellementParMenage)}, écritures ${ms(d.ecrituresParMenage)}`
          : 'non mesuré',
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
