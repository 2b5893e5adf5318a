import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';
import { attendreServiceWorker, fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';

// Issue 18's first screen, on the built app in Chromium, its tablet holding 5,000 encrypted
// households: the script loaded before the caseload shows, and the offline cold start.
// Alone: `npx vite build && npx tsx test/bench/run.ts premier-ecran` (`BANC_PREMIERS_DU_JOUR=3` for
// three starts of a day, 0 for none).

const MENAGES = 5000;
/** The budget of the first screen's script, gzip (issue 18). Above it the bench fails. */
const BUDGET_PREMIER_ECRAN_KO = 50;
/** Where it should stay, so that the next feature has room under the budget. */
const OBJECTIF_PREMIER_ECRAN_KO = 47;
const OBJECTIF_DEMARRAGE_MS = 700;
/** The code `mesures.ts` chose for the bench's tablet (the page cannot share a module with Node). */
const CODE = '135790';
const DEMARRAGES = 5;

/** Starts at the first of their day: the caseload has every summary computed again in the background. */
const PREMIERS_DU_JOUR = Number(process.env.BANC_PREMIERS_DU_JOUR ?? 1);
/** A main-thread task at CPU ×4 above this holds the officer's taps (50 ms at ×1). */
const TACHE_LONGUE_X4_MS = 200;
const LIMITE_RAFRAICHISSEMENT_MS = 300_000;

type Mesures = { remplir: (n: number, jour: string) => Promise<number>; vieillir: (veille: string) => Promise<void> };
type Demarrage = { liste: number; recherche: number; reaction: number; frappe: number };

async function deverrouiller(page: Page): Promise<void> {
  await page.getByLabel('Code', { exact: true }).fill(CODE);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

// Installed in the page before it loads, so that nothing of the driver runs between the list shown
// and the search answered: when the search field gets its first typing, and when a list where every
// card names a Martin has been drawn (the frame after the change, then its paint). The page's long
// tasks are noted too, for the background refresh of the first start of a day.
const HORLOGES_DE_LA_PAGE = `
window.longues = [];
new PerformanceObserver((liste) => {
  for (const e of liste.getEntries()) window.longues.push([e.startTime, e.duration]);
}).observe({ type: 'longtask' });
document.addEventListener('input', (ev) => {
  if (ev.target?.id !== 'recherche' || window.frappe !== undefined) return;
  window.frappe = ev.timeStamp;
  const observateur = new MutationObserver(() => {
    const cartes = [...document.querySelectorAll('.carte')];
    if (cartes.length === 0 || !cartes.every((c) => /martin/i.test(c.textContent ?? ''))) return;
    observateur.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.reponse = performance.now())));
  });
  observateur.observe(document.body, { childList: true, subtree: true, characterData: true });
}, true);
`;

const QUAND_LA_LISTE_EST_AFFICHEE = `new Promise((affichee) => {
  new PerformanceObserver((liste, observateur) => {
    if (liste.getEntriesByName('caseload-interactive').length === 0) return;
    observateur.disconnect();
    document.getElementById('recherche').focus();
    affichee(true);
  }).observe({ type: 'mark', buffered: true });
})`;

/**
 * In a new page of the offline tablet, CPU ×4: the code typed, the caseload shown, a search typed
 * at once and answered. The officer waits from the code to the search's list; the bench measures
 * that wait with the page's own clock. The driver types as soon as the app marks the list shown:
 * one request waits in the page for that mark, then the text goes in as one input event, handled
 * between the page's tasks as a key pressed would be. Its reaction (from the list shown to the
 * typing handled) is counted in the wait and reported apart: the page still busy after the list,
 * plus one round trip of the driver. Playwright's locators and `fill` are not used there: their actionability
 * checks, the injection of their script in the page (40 ms at CPU ×4) and their round trips took
 * 300 to 500 ms between the list shown and the typing, the page idle meanwhile (a trace of
 * 5 December 2026).
 */
async function demarrer(context: BrowserContext, url: string): Promise<{ page: Page; mesure: Demarrage }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(HORLOGES_DE_LA_PAGE);
  await page.goto(url);
  await deverrouiller(page);
  // One request, answered when the app marks its list shown (after the frame that drew it): the field is focused then.
  await cdp.send('Runtime.evaluate', { expression: QUAND_LA_LISTE_EST_AFFICHEE, awaitPromise: true });
  await cdp.send('Input.insertText', { text: 'martin' });
  await page.waitForFunction(() => (window as unknown as { reponse?: number }).reponse !== undefined, undefined, { polling: 50 });
  // From the code typed (the app marks it) to the caseload shown, then to the search answered.
  const mesure = await page.evaluate(() => {
    const code = performance.getEntriesByName('code-saisi', 'mark')[0]?.startTime ?? NaN;
    const liste = performance.getEntriesByName('caseload-interactive', 'mark')[0]?.startTime ?? NaN;
    const { frappe = NaN, reponse = NaN } = window as unknown as { frappe?: number; reponse?: number };
    return { liste: liste - code, recherche: reponse - code, reaction: frappe - liste, frappe: reponse - frappe };
  });
  return { page, mesure };
}

/** Waits until no row of summaries is dated before `jour` (their days are indexed, in clear), looked at every 200 ms: how long after the code was typed, or, past the limit, how many rows are left. */
async function attendreResumesDuJour(page: Page, jour: string): Promise<string> {
  const perimes = () =>
    page.evaluate(
      (j) =>
        new Promise<number>((resoudre, rejeter) => {
          const ouverture = indexedDB.open('relogement');
          ouverture.onerror = () => rejeter(ouverture.error);
          ouverture.onsuccess = () => {
            const base = ouverture.result;
            const compte = base
              .transaction('paquetsResumes')
              .objectStore('paquetsResumes')
              .index('calculeLe')
              .count(IDBKeyRange.upperBound(j, true));
            compte.onsuccess = () => {
              base.close();
              resoudre(compte.result);
            };
          };
        }),
      jour,
    );
  // Bounded: under load at CPU ×4 the refresh may take minutes; what is left is then said.
  const limite = Date.now() + LIMITE_RAFRAICHISSEMENT_MS;
  while ((await perimes()) > 0) {
    if (Date.now() > limite)
      return `non terminés après ${LIMITE_RAFRAICHISSEMENT_MS / 1000} s : ${await perimes()} paquets sur 64 encore à recalculer`;
    await page.waitForTimeout(200);
  }
  const duree = await page.evaluate(() => performance.now() - (performance.getEntriesByName('code-saisi', 'mark')[0]?.startTime ?? NaN));
  return `recalculés en arrière-plan ${ms(duree)} après le code (à 200 ms près)`;
}

/**
 * The page's long tasks (over 50 ms) from the list shown on: at a start of the day, the background
 * refresh's, and those of what the start loads after the list (the sync engine…).
 */
async function tachesLonguesApresLaListe(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const liste = performance.getEntriesByName('caseload-interactive', 'mark')[0]?.startTime ?? Infinity;
    return (window as unknown as { longues: [number, number][] }).longues.filter(([debut]) => debut >= liste).map(([, duree]) => duree);
  });
}

const resumeTaches = (durees: number[]) => {
  const triees = [...durees].sort((a, b) => b - a);
  return `${durees.length} tâches > 50 ms, dont ${durees.filter((d) => d > TACHE_LONGUE_X4_MS).length} > ${TACHE_LONGUE_X4_MS} ms ; la plus longue ${ms(triees[0] ?? 0)}, médiane ${ms(mediane(durees))}, total ${ms(durees.reduce((a, b) => a + b, 0))} ; les cinq plus longues ${triees.slice(0, 5).map(ms).join(', ')}`;
};

const ms = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} ms`;
const ko = (octets: number) => `${(octets / 1024).toFixed(1).replace('.', ',')} Ko`;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function bench(): Promise<Record<string, string>> {
  await build({ configFile: 'test/bench/vite.bench.config.ts' });
  const serveur = await demarrerServeur({ mesures: '.tmp/mesures' });
  const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  try {
    const { page, context } = tablette;
    page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
    // The measuring page first: once the app's service worker controls the origin, it serves the app
    // shell for every navigation. It stays open, to make the summaries a day older between starts.
    await page.goto(`${serveur.url}mesures/index.html`);
    // The tablet's day (Paris time): the households and their summaries are those of a normal start, made today.
    const jour = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    const veille = await page.evaluate(() => new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE'));
    await page.evaluate(([n, j]) => (window as unknown as { mesures: Mesures }).mesures.remplir(n, j), [MENAGES, jour] as const);

    // The first screen's scripts are those started before the caseload first showed its results
    // (the app's mark); what loads afterwards (the sync engine…) is counted apart.
    const app = await context.newPage();
    await app.goto(serveur.url);
    await deverrouiller(app);
    await app.locator('.carte').first().waitFor();
    await attendreServiceWorker(app);
    await app.waitForLoadState('networkidle');
    // No named function inside: tsx would wrap it in a helper the page does not have.
    const { marque, ressources } = await app.evaluate(() => ({
      marque: performance.getEntriesByName('caseload-interactive', 'mark')[0]?.startTime ?? null,
      ressources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        url: e.name,
        type: e.initiatorType,
        debut: e.startTime,
      })),
    }));
    // One tab of the app at a time, as on the tablet.
    await app.close();
    if (marque === null) throw new Error('La liste n’a pas marqué son premier affichage.');
    const scripts = ressources.filter((r) => ['script', 'link', 'other'].includes(r.type) && new URL(r.url).pathname.endsWith('.js'));
    const chemins = (liste: typeof scripts) => [...new Set(liste.map((r) => new URL(r.url).pathname))];
    const avant = chemins(scripts.filter((r) => r.debut < marque));
    const apres = chemins(scripts.filter((r) => r.debut >= marque));
    const gzip = (liste: string[]) =>
      liste.reduce((total, chemin) => total + gzipSync(readFileSync(join(serveur.dist, chemin)), { level: 9 }).length, 0);
    const premierEcran = gzip(avant);
    const depasse = premierEcran > BUDGET_PREMIER_ECRAN_KO * 1024;
    if (depasse) {
      console.error(
        `BUDGET DÉPASSÉ — premier écran : ${ko(premierEcran)} de JavaScript, au-delà des ${BUDGET_PREMIER_ECRAN_KO} Ko :\n  ${avant.join('\n  ')}`,
      );
      process.exitCode = 1;
    }

    await serveur.arreter();
    await context.setOffline(true);
    // The key derivation alone (PBKDF2, 600,000 rounds), off the main thread: the floor of any start.
    const derivation = await page.evaluate(async () => {
      const debut = performance.now();
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('135790'), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600_000 }, base, 256);
      return performance.now() - debut;
    });
    // A normal start: the summaries are of the day, nothing is computed again.
    const demarrages: Demarrage[] = [];
    for (let i = 0; i < DEMARRAGES; i++) {
      const { page: froide, mesure } = await demarrer(context, serveur.url);
      demarrages.push(mesure);
      await froide.close();
    }
    // The first start of a day: the same wait, then the summaries computed again in the background, until the last row is of the day.
    const premiers: (Demarrage & { rafraichi: string; taches: number[] })[] = [];
    for (let i = 0; i < PREMIERS_DU_JOUR; i++) {
      await page.evaluate((v) => (window as unknown as { mesures: Mesures }).mesures.vieillir(v), veille);
      const { page: froide, mesure } = await demarrer(context, serveur.url);
      const rafraichi = await attendreResumesDuJour(froide, jour);
      premiers.push({ ...mesure, rafraichi, taches: await tachesLonguesApresLaListe(froide) });
      await froide.close();
    }
    const demarrage = mediane(demarrages.map((d) => d.recherche));
    return {
      'Premier écran : JavaScript chargé jusqu’à la liste affichée (gzip)': `${ko(premierEcran)} en ${avant.length} fichiers (budget ≤ ${BUDGET_PREMIER_ECRAN_KO} Ko : ${depasse ? '**DÉPASSÉ**' : 'tenu'} ; objectif ≤ ${OBJECTIF_PREMIER_ECRAN_KO} Ko : ${premierEcran > OBJECTIF_PREMIER_ECRAN_KO * 1024 ? 'manqué' : 'tenu'}) ; chargé ensuite : ${ko(gzip(apres))} en ${apres.length} fichiers`,
      [`Démarrage à froid hors ligne, ${MENAGES} ménages chiffrés, résumés du jour, du code saisi à la liste utilisable (une recherche tapée dès la liste affichée, répondue ; horloge de la page), CPU ×4 (médiane de ${DEMARRAGES})`]: `${ms(demarrage)} (objectif ≤ ${ms(OBJECTIF_DEMARRAGE_MS)}, et ≤ 1 500 ms après le code) ; séries : ${demarrages.map((d) => ms(d.recherche)).join(', ')}`,
      'Démarrage à froid : du code saisi à la liste affichée (médiane)': ms(mediane(demarrages.map((d) => d.liste))),
      'Démarrage à froid : de la liste affichée à la frappe traitée par la page (page encore occupée, dernier regard du pilote ; compté dans l’attente) (médiane)':
        ms(mediane(demarrages.map((d) => d.reaction))),
      'Démarrage à froid : de la frappe de la recherche, traitée par la page, à sa liste affichée (médiane)': ms(
        mediane(demarrages.map((d) => d.frappe)),
      ),
      'Démarrage à froid : plancher, la seule dérivation du code (PBKDF2 × 600 000, hors du fil principal)': ms(derivation),
      [`Premier démarrage du jour (résumés de la veille), CPU ×4, ${PREMIERS_DU_JOUR} séries`]: premiers
        .map((d) => `recherche répondue ${ms(d.recherche)} (liste ${ms(d.liste)}), résumés ${d.rafraichi}`)
        .join(' ; '),
      [`Premier démarrage du jour : tâches longues du fil principal après la liste (rafraîchissement des résumés et suite du démarrage), CPU ×4 (objectif : aucune > ${TACHE_LONGUE_X4_MS} ms)`]:
        premiers.map((d) => resumeTaches(d.taches)).join(' ; '),
    };
  } finally {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
