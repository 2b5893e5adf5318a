import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestAccount, createTestResidence } from '../../src/server/testing.ts';
import { attendreServiceWorker, chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { ajouterResidence, creerMenage, menu, MOT_DE_PASSE, ouvrirApp, saisiesEnregistrees, seConnecter } from './parcours.ts';

// A new chargée's first day: offline, she adds a résidence, a household in it, and changes the
// territory's rules; then she logs in and syncs. Her household reaches the server (the résidence
// goes as a proposal), the rules are refused and shown as such, and the header never says
// « Synchronisé » while a refusal or a pending change exists.

/** Every text the sync status showed since the page loaded. */
async function historiqueEtats(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { etatsVus: string[] }).etatsVus);
}

const pastilleRefus = (page: Page) => page.getByRole('status').getByRole('link', { name: /modifications? refusées?/ });

describe.runIf(chromiumDisponible())('une chargée qui crée une résidence sur sa tablette', () => {
  let serveur: Serveur;
  let claire: Tablette;
  let encadrante: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur();
    const { db } = serveur.actuel();
    await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'chargé',
      name: 'Claire Exemple',
      email: 'claire@exemple.test',
      password: MOT_DE_PASSE,
    });
    const chef = await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'encadrant',
      name: 'Nadia Encadrante',
      email: 'nadia@exemple.test',
      password: MOT_DE_PASSE,
    });
    await createTestResidence(db, chef.profile, 'Résidence des Acacias');
    [claire, encadrante] = await Promise.all([ouvrirTablette(), ouvrirTablette()]);
    await claire.page.addInitScript(() => {
      const vus: string[] = [];
      (window as unknown as { etatsVus: string[] }).etatsVus = vus;
      new MutationObserver(() => {
        const texte = document.querySelector('.synchro')?.textContent ?? '';
        if (texte && vus.at(-1) !== texte) vus.push(texte);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  });
  afterAll(async () => {
    await Promise.all([fermerTablette(claire), fermerTablette(encadrante)]);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('envoie son ménage, montre ce qui est refusé et pourquoi, et ne dit jamais « Synchronisé » avant la fin', async () => {
    const { page } = claire;
    await ouvrirApp(page, serveur.url);
    await attendreServiceWorker(page);
    await claire.context.setOffline(true);
    await ajouterResidence(page, 'Les Tilleuls');
    await creerMenage(page, 'Famille Tilleuls');
    await page.getByLabel('Téléphone', { exact: true }).fill('06 12 34 56 78');
    await page.getByLabel('Téléphone', { exact: true }).blur();
    await menu(page, 'Paramètres').click();
    const cadence = page.getByLabel('Contact avec chaque ménage au moins tous les (mois)');
    await cadence.fill('2');
    await cadence.blur();
    // Both saves are done before the tablet goes back online and reloads.
    await saisiesEnregistrees(page);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Hors ligne — \d+ modifications en attente/ })
          .count(),
      )
      .toBe(1);

    await claire.context.setOffline(false);
    await seConnecter(page, serveur.url, 'claire@exemple.test', async (p) => {
      await pastilleRefus(p).waitFor({ timeout: 20_000 });
    });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'en attente' }).count(), { timeout: 20_000 }).toBe(0);
    expect((await historiqueEtats(page)).filter((t) => /Synchronisé/.test(t))).toEqual([]);

    // Her role is known now: she proposes résidences and reads the rules.
    await menu(page, 'Paramètres').click();
    await page.getByRole('heading', { name: 'Proposer une résidence' }).waitFor();
    expect(await page.getByLabel('Contact avec chaque ménage au moins tous les (mois)').isDisabled()).toBe(true);

    await pastilleRefus(page).click();
    const groupe = page
      .getByRole('region', { name: 'Données de référence' })
      .or(page.locator('section', { has: page.getByRole('heading', { name: 'Données de référence' }) }));
    await expect.poll(() => groupe.getByText(/Les règles du territoire et les barèmes sont modifiés par les encadrants/).count()).toBe(1);
    await expect.poll(() => groupe.getByText(/Seul un encadrant peut faire ce changement/).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Famille Tilleuls' }).count()).toBe(0);

    // The encadrante sees the household with its phone, the proposal, and the refusals on Claire's tablet.
    await seConnecter(encadrante.page, serveur.url, 'nadia@exemple.test', (p) =>
      p.getByRole('link', { name: /Famille Tilleuls/ }).waitFor({ timeout: 20_000 }),
    );
    await encadrante.page.getByRole('link', { name: /Famille Tilleuls/ }).click();
    await expect.poll(() => encadrante.page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('06 12 34 56 78');
    await menu(encadrante.page, 'Paramètres').click();
    const propositions = encadrante.page.getByRole('list', { name: 'Résidences proposées' });
    await propositions.getByText('Les Tilleuls').waitFor();
    const ligneClaire = encadrante.page.getByRole('row', { name: /Claire Exemple/ });
    await ligneClaire.waitFor();
    expect(Number((await ligneClaire.getByRole('cell').nth(3).textContent())?.replace(/\s/g, ''))).toBeGreaterThan(0);

    // She maps the proposal onto the existing résidence; Claire's household follows.
    await propositions.getByLabel('ou la rattacher à').selectOption({ label: 'Résidence des Acacias' });
    await propositions.getByRole('button', { name: 'Rattacher' }).click();
    await expect.poll(() => propositions.count()).toBe(0);

    // Claire drops the refused rules by an explicit choice: only then is everything synchronised.
    await page.getByRole('button', { name: 'Abandonner…' }).click();
    await page.getByRole('button', { name: /Confirmer l’abandon de \d+ modifications?/ }).click();
    await page.getByText('Aucune modification refusée', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /Synchronisé à \d\d:\d\d/ })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
  });
});
