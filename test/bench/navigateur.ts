import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { attendreServiceWorker, fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import type { Session } from '../../src/data/index.ts';

type Mesures = {
  premiereSynchro: (s: Session) => Promise<{ synchro: number; reference: number; menages: number; champs: number }>;
  remplir: (n: number) => Promise<number>;
  mesurer: () => Promise<{ total: number; rechercheP95: number; rechercheBruteP95: number; saisieP95: number; putBrutP95: number; rechercheApresModification: number }>;
};

const MENAGES = 5000;
const ms = (n: number) => `${n.toFixed(1).replace('.', ',')} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1).replace('.', ',')}×`;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/** Issue 2's figures, measured in Chromium on the built app. */
export async function bench(): Promise<Record<string, string>> {
  await build({ configFile: 'test/bench/vite.bench.config.ts' });
  const serveur = await demarrerServeur({ mesures: '.tmp/mesures' });
  const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  try {
    const { page, context } = tablette;
    page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
    // The measuring page first: once the app's service worker controls the origin, it serves the app shell for every navigation.
    await page.goto(`${serveur.url}mesures/index.html`);
    const { db } = serveur.actuel();
    const compte = await createTestAccount(db, { organisation: 'Mesures', role: 'encadrant', name: 'Mesure' });
    await seedHouseholds(db, compte.profile, await createTestResidence(db, compte.profile), MENAGES);
    const session: Session = { token: compte.token, expiresAt: '2099-01-01T00:00:00.000Z', user: compte.profile };
    const synchro = await page.evaluate((s) => (window as unknown as { mesures: Mesures }).mesures.premiereSynchro(s), session);
    const remplissage = await page.evaluate((n) => (window as unknown as { mesures: Mesures }).mesures.remplir(n), MENAGES);
    const m = await page.evaluate(() => (window as unknown as { mesures: Mesures }).mesures.mesurer());

    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && !r.serviceWorker()) scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(serveur.url);
    await page.getByRole('heading', { name: 'Mes ménages' }).waitFor();
    await attendreServiceWorker(page);
    await page.waitForLoadState('networkidle');
    const octetsGzip = [...scripts].reduce((total, chemin) => total + gzipSync(readFileSync(join(serveur.dist, chemin)), { level: 9 }).length, 0);

    await page.goto(serveur.url);
    await page.locator('.carte').first().waitFor();
    await serveur.arreter();
    await context.setOffline(true);
    const demarrages: number[] = [];
    for (let i = 0; i < 3; i++) {
      const froide = await context.newPage();
      const cdp = await context.newCDPSession(froide);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await froide.goto(serveur.url);
      await froide.locator('.carte').first().waitFor();
      await froide.getByLabel('Rechercher (nom, adresse, référence)').fill('martin');
      await froide.locator('.carte').first().waitFor();
      demarrages.push(await froide.evaluate(() => performance.now()));
      await froide.close();
    }
    return {
      'Premier écran : JavaScript chargé (gzip)': `${(octetsGzip / 1024).toFixed(1).replace('.', ',')} Ko en ${scripts.size} fichiers (objectif ≤ 80 Ko)`,
      [`Première synchronisation de ${synchro.menages} ménages (occupants, un entretien ; ${synchro.champs} champs)`]: `${ms(synchro.synchro)} (objectif ≤ 10 000 ms) ; ${ratio(synchro.synchro, synchro.reference)} le téléchargement des mêmes pages mises en vrac dans Dexie (${ms(synchro.reference)} ; objectif ≤ 2×)`,
      [`Remplissage de ${MENAGES} ménages (démo, occupants, entretiens)`]: ms(remplissage),
      [`Recherche dans « Mes ménages » (${m.total} ménages), p95`]: `${ms(m.rechercheP95)} (objectif ≤ 50 ms) ; ${ratio(m.rechercheP95, m.rechercheBruteP95)} une requête Dexie brute (${ms(m.rechercheBruteP95)})`,
      'Première recherche après une modification (relecture des résumés), médiane': ms(m.rechercheApresModification),
      'Enregistrement automatique d’une réponse, p95': `${ms(m.saisieP95)} (objectif ≤ 20 ms) ; ${ratio(m.saisieP95, m.putBrutP95)} un put Dexie brut (${ms(m.putBrutP95)})`,
      'Démarrage à froid hors ligne jusqu’à la liste utilisable, CPU ×4 (médiane de 3)': `${ms(mediane(demarrages))} (objectif ≤ 1 500 ms)`,
    };
  } finally {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
