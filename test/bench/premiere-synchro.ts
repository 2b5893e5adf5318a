import { build } from 'vite';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';
import { pagesDeLInstantane } from './pages-instantane.ts';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import type { Session } from '../../src/data/index.ts';

// Issue 18's first sync: a new device, 5,000 households, from the snapshot (docs/sync.md,
// « Instantané »), in Chromium with encryption at rest on. `npm run bench premiere-synchro`
// runs this part alone.

type Resultat = {
  synchro: number;
  reference: number;
  menages: number;
  resumes: number;
  champs: number;
  surLeReseau: number;
  decode: number;
  pages: number;
  tachesLongues: number[];
  detail: Record<
    'telechargement' | 'analyseJson' | 'schemas' | 'scellement' | 'ecritures' | 'scellementSansSync' | 'ecrituresSansSync',
    number
  > | null;
};
type Mesures = { premiereSynchro: (s: Session, decomposer: boolean) => Promise<Resultat> };

const MENAGES = 5000;
/** `BANC_ESSAIS_PREMIERE_SYNCHRO`: fewer runs while iterating (each takes about a minute). */
const ESSAIS = Number(process.env.BANC_ESSAIS_PREMIERE_SYNCHRO ?? 5);
const ms = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} ms`;
const mo = (octets: number) => `${(octets / 1024 / 1024).toFixed(2).replace('.', ',')} Mo`;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function bench(): Promise<Record<string, string>> {
  await build({ configFile: 'test/bench/vite.bench.config.ts' });
  const serveur = await demarrerServeur({ mesures: '.tmp/mesures' });
  const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  try {
    const { page } = tablette;
    page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
    await page.goto(`${serveur.url}mesures/index.html`);
    const { db } = serveur.actuel();
    const compte = await createTestAccount(db, { organisation: 'Mesures', role: 'encadrant', name: 'Mesure' });
    await seedHouseholds(db, compte.profile, await createTestResidence(db, compte.profile), MENAGES);
    const session: Session = { token: compte.token, expiresAt: '2099-01-01T00:00:00.000Z', user: compte.profile };
    const essais: Resultat[] = [];
    for (let i = 0; i < ESSAIS; i++)
      // The floor's parts are measured once, after the first run.
      essais.push(
        await page.evaluate(([s, d]) => (window as unknown as { mesures: Mesures }).mesures.premiereSynchro(s, d), [
          session,
          i === 0,
        ] as const),
      );
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
      'Plancher : les mêmes pages téléchargées, les mêmes lignes écrites en une transaction (chiffrées), médiane': `${ms(plancher)} ; essais : ${essais.map((e) => ms(e.reference)).join(', ')}`,
      'Plancher, ses parties mesurées seules au premier essai (pages, puis lignes relues de la base synchronisée)': d
        ? `téléchargement ${ms(d.telechargement)}, analyse JSON ${ms(d.analyseJson)}, scellement (JSON + AES-GCM par ligne) ${ms(d.scellement)}, écritures IndexedDB des lignes scellées ${ms(d.ecritures)} ; sans la copie _sync de chaque ligne : scellement ${ms(d.scellementSansSync)}, écritures ${ms(d.ecrituresSansSync)} ; vérification des schémas (faite par l’application, pas par le plancher) ${ms(d.schemas)}`
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
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
