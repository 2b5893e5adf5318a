import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Serveur } from './serveur.ts';

// What an officer does on the screens, written once for every journey test.

/**
 * Offline for real (docs/architecture.md §5): the context offline, and the server stopped too, since the
 * service worker's own requests ignore `setOffline`.
 */
export async function couperReseau(context: BrowserContext, serveur: Serveur): Promise<void> {
  await context.setOffline(true);
  await serveur.arreter();
}

export const menu = (page: Page, nom: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: nom, exact: true });

export const MOT_DE_PASSE = 'relogement-essai-2026';

/** The officer's code on every test tablet. */
export const CODE = '246810';

/**
 * The app is locked at every start (docs/chiffrement.md): chooses the code on a new tablet, types
 * it afterwards, and waits for the app. Nothing to do when the app is already open.
 */
export async function deverrouiller(page: Page): Promise<void> {
  const verrou = page.locator('form.verrou');
  const application = page.locator('header.entete');
  await verrou.or(application).first().waitFor();
  if (!(await verrou.isVisible())) return;
  if (await page.getByRole('heading', { name: 'Choisissez votre code' }).isVisible()) {
    await page.getByLabel('Nouveau code').fill(CODE);
    await page.getByLabel('Confirmez le code').fill(CODE);
    await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  } else {
    await page.getByLabel('Code', { exact: true }).fill(CODE);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
  }
  await application.waitFor();
}

/** Opens the app at `url` (reloads it without one), past the lock screen. */
export async function ouvrirApp(page: Page, url?: string): Promise<void> {
  await (url === undefined ? page.reload() : page.goto(url));
  await deverrouiller(page);
}

/** Logs in from the header's link; `ensuite` is what the officer waits to see afterwards. */
export async function seConnecter(page: Page, url: string, email: string, ensuite: (page: Page) => Promise<void>): Promise<void> {
  await ouvrirApp(page, url);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await ensuite(page);
}

/** Waits until every field typed in has reached the tablet's storage (no « Enregistrement… » left on screen). */
export async function saisiesEnregistrees(page: Page): Promise<void> {
  await expect.poll(() => page.getByText('Enregistrement…').count()).toBe(0);
}

/** The sync status once nothing is waiting: « Synchronisé à HH:MM », with no « en attente ». */
export const synchronise = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Synchronisé à \d\d:\d\d/ })
    .filter({ hasNotText: 'en attente' });

const derniereSynchro = (page: Page) => page.locator('div.synchro').getAttribute('data-derniere-synchro');

/** Taps « Synchroniser maintenant » once what was typed is stored, and waits for a new sync that leaves nothing waiting. */
export async function synchroniser(page: Page): Promise<void> {
  await saisiesEnregistrees(page);
  const avant = await derniereSynchro(page);
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect.poll(() => derniereSynchro(page), { timeout: 20_000 }).not.toBe(avant);
  await expect.poll(() => synchronise(page).count(), { timeout: 20_000 }).toBe(1);
}

export const voirMenage1 = (page: Page) => page.getByRole('link', { name: /Ménage 1/ }).waitFor();

/** Before the first login the device does not know the role, and offers to add; a chargée then proposes. */
export async function ajouterResidence(page: Page, nom: string, verbe: 'ajoutée' | 'proposée' = 'ajoutée'): Promise<void> {
  await menu(page, 'Paramètres').click();
  await page.getByLabel('Opération (projet de renouvellement)').fill('NPNRU Test');
  await page.getByLabel('Nom de la résidence').fill(nom);
  await page.getByRole('button', { name: verbe === 'ajoutée' ? 'Ajouter la résidence' : 'Proposer la résidence' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `Résidence « ${nom} » ${verbe}` })
        .count(),
    )
    .toBe(1);
}

export async function creerMenage(page: Page, nom: string): Promise<void> {
  await menu(page, 'Mes ménages').click();
  await page.getByRole('button', { name: 'Nouveau ménage' }).click();
  await page.getByLabel('Nom du ménage').fill(nom);
  await page.getByRole('button', { name: 'Créer le ménage' }).click();
  await page.getByRole('heading', { level: 1, name: nom }).waitFor();
}

export type Occupant = { prenom: string; naissance: string };

export async function ajouterOccupants(page: Page, occupants: readonly Occupant[]): Promise<void> {
  for (const [i, o] of occupants.entries()) {
    await page.getByRole('button', { name: 'Ajouter un occupant' }).click();
    const prenom = page.getByLabel('Prénom', { exact: true }).nth(i);
    await prenom.waitFor();
    await prenom.fill(o.prenom);
    await page.getByLabel('Date de naissance').nth(i).fill(o.naissance);
  }
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `${occupants.length} occupants` })
        .count(),
    )
    .toBe(1);
}
