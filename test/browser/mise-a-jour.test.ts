import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreServiceWorker, chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { ajouterResidence, creerMenage, deverrouiller, menu, ouvrirApp } from './parcours.ts';

describe.runIf(chromiumDisponible())('une nouvelle version pendant un entretien', () => {
  let serveur: Serveur;
  let tablette: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur();
    tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  });
  afterAll(async () => {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('est proposée sans recharger la page, puis installée au retour à la liste', async () => {
    const { page } = tablette;
    await ouvrirApp(page, serveur.url);
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence Mise à jour');
    await creerMenage(page, 'Famille Version');
    await page.getByRole('button', { name: 'Commencer le premier entretien' }).click();
    await page.getByRole('link', { name: /Logement actuel/ }).click();
    await page.getByLabel('Loyer mensuel hors charges (€)').fill('512');
    await page.evaluate(() => Object.assign(window, { marqueur: 'page d’origine' }));

    appendFileSync(join(serveur.dist, 'sw.js'), `\n// version suivante ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const banniere = page.getByRole('status').filter({ hasText: 'Nouvelle version disponible' });
    await banniere.waitFor();
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await banniere.getByText('Elle sera installée à votre retour à la liste des ménages').waitFor();
    expect(await page.evaluate(() => (window as unknown as { marqueur?: string }).marqueur)).toBe('page d’origine');
    expect(await page.getByLabel('Loyer mensuel hors charges (€)').inputValue()).toBe('512');

    await menu(page, 'Mes ménages').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { marqueur?: string }).marqueur ?? 'rechargée'), { timeout: 15_000 })
      .toBe('rechargée');
    await deverrouiller(page);
    await page.getByRole('link', { name: /Famille Version/ }).waitFor();
    expect(await banniere.count()).toBe(0);
  });
});
