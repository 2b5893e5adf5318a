import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { jourIso, plusMois } from '../../src/domain/index.ts';
import { chromiumDisponible } from './chromium.ts';
import { banc } from './banc.ts';
import { defilementLateral, inspecter } from './inspection.ts';
import { menu, ouvrirApp } from './parcours.ts';

// Issue 12: every main screen on a tablet held upright (800×1280) passes axe-core, never scrolls
// sideways and has touch targets of 44 px at least; held sideways (1280×800), it never scrolls
// sideways either. The failures are all listed at once, each with its element.

const PORTRAIT = { width: 800, height: 1280 };
const PAYSAGE = { width: 1280, height: 800 };

/**
 * The screen is shown: its title is there and nothing is still loading. Reached by a tap, a screen
 * is awaited by its own title: the previous screen's, still shown the instant after the tap, would
 * let the audit run on the loading line in between.
 */
async function ecranAffiche(page: Page, titre?: string | RegExp): Promise<void> {
  await (titre === undefined ? page.locator('main h1').first() : page.getByRole('heading', { level: 1, name: titre })).waitFor();
  await expect.poll(() => page.locator('main .chargement').count()).toBe(0);
}

/** How many lines the children of an element sit on. */
const lignesDe = (element: Locator) =>
  element.evaluate(
    (e) => new Set([...e.children].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2))).size,
  );
const hauteurEntete = (page: Page) => page.locator('header.entete').evaluate((e) => e.getBoundingClientRect().height);

describe.runIf(chromiumDisponible())('la tablette, en portrait et en paysage', () => {
  const b = banc();
  let page: Page;
  const ecrans: { nom: string; url: string }[] = [];
  const problemes: string[] = [];

  async function auditer(nom: string, titre?: string | RegExp): Promise<void> {
    await ecranAffiche(page, titre);
    ecrans.push({ nom, url: page.url() });
    problemes.push(...(await inspecter(page, nom)));
  }

  it('montre l’application sans le message de chargement, sous un en-tête compact qui ne bouge pas', async () => {
    ({ page } = await b.ouvrir(undefined, { largeur: PORTRAIT.width, hauteur: PORTRAIT.height }));
    await ouvrirApp(page, b.serveur.url);
    await page.getByRole('heading', { level: 1, name: 'Mes ménages' }).waitFor();
    expect(await page.getByText('Chargement de l’application…').count()).toBe(0);
    const avant = await hauteurEntete(page);

    // The sync status appears a few seconds after the first screen, in the space kept for it.
    const etat = page.locator('header .synchro');
    await etat.waitFor();
    expect(await hauteurEntete(page)).toBe(avant);
    expect(avant).toBeLessThanOrEqual(100);
    expect(await lignesDe(etat)).toBe(1);

    // The fullest status the header must hold: two pills, the button and a long message, which
    // stays on the same line, cut with an ellipsis.
    const message = await etat.evaluate((e) => {
      e.insertAdjacentHTML('afterbegin', '<span class="pastille en-attente" data-essai>1 234 modifications en attente</span>');
      e.insertAdjacentHTML(
        'beforeend',
        '<span class="message-synchro" data-essai>Le serveur a refusé 3 modifications : ouvrez la liste pour les reprendre une à une.</span>',
      );
      const m = e.querySelector<HTMLElement>('.message-synchro[data-essai]')!;
      return { coupe: m.scrollWidth > m.clientWidth, visible: m.clientWidth > 0 };
    });
    expect(message).toEqual({ coupe: true, visible: true });
    expect(await lignesDe(etat)).toBe(1);
    expect(await hauteurEntete(page)).toBe(avant);
    expect(await defilementLateral(page, 'En-tête chargé')).toEqual([]);
    await etat.evaluate((e) => e.querySelectorAll('[data-essai]').forEach((n) => n.remove()));
  });

  it('mène au contenu par la première tabulation, sans quitter l’écran', async () => {
    await menu(page, 'Paramètres').click();
    await ouvrirApp(page);
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    await page.keyboard.press('Tab');
    const evitement = page.getByRole('link', { name: 'Aller au contenu' });
    await expect.poll(() => evitement.evaluate((e) => e === document.activeElement)).toBe(true);
    const cadre = await evitement.boundingBox();
    expect(cadre && cadre.x >= 0 && cadre.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    expect(await page.getByRole('heading', { level: 1, name: 'Paramètres' }).count()).toBe(1);
  });

  it('passe axe-core, ne défile pas latéralement et offre des cibles de 44 px sur chaque écran en portrait', async () => {
    await menu(page, 'Paramètres').click();
    // The demo space, filled with its fictitious résidence on its first opening.
    await page.getByRole('button', { name: 'Ouvrir l’espace de démonstration' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /créée avec \d+ ménages fictifs/ })
      .waitFor();
    await auditer('Paramètres');
    await page.getByRole('link', { name: 'Seuils de la simulation et barèmes FSL' }).click();
    await auditer('Barèmes', 'Simulation : seuils et barèmes FSL');
    await menu(page, 'Paramètres').click();
    await page.getByRole('link', { name: 'Accessibilité' }).click();
    await auditer('Accessibilité', 'Déclaration d’accessibilité');

    await menu(page, 'Mes ménages').click();
    await page.getByRole('button', { name: 'Nouveau ménage' }).click();
    await page.getByLabel('Nom du ménage').waitFor();
    await auditer('Mes ménages');
    await page.locator('.liste-menages a.carte').first().click();
    await ecranAffiche(page);
    const menage = page.url();
    await page.getByLabel('Date de relogement (signature du bail)').fill(plusMois(jourIso(new Date()), -2));
    await page.getByRole('button', { name: 'Compte rendu de la visite n° 1' }).waitFor();
    await auditer('Ménage');

    await menu(page, 'Offres').click();
    await ecranAffiche(page, 'Offres de logement');
    await page.getByRole('button', { name: 'Nouvelle offre' }).click();
    await page.getByRole('heading', { level: 1, name: /^Offre — / }).waitFor();
    await auditer('Offre');
    await menu(page, 'Offres').click();
    await auditer('Offres', 'Offres de logement');

    await ouvrirApp(page, menage);
    await page.getByRole('link', { name: 'Simuler' }).click();
    await ecranAffiche(page);
    await page.getByLabel('Logement proposé', { exact: true }).selectOption({ index: 1 });
    // A saved simulation gives the visit report its figures from before the move.
    for (const [cote, loyer, apl] of [
      ['Logement actuel', '412,50', '180'],
      ['Logement proposé', '455,20', '190'],
    ] as const) {
      const logement = page.getByRole('group', { name: cote });
      await logement.getByLabel('Loyer (€)').fill(loyer);
      await logement.getByLabel('Charges générales (€)').fill('95,30');
      await logement.getByLabel('APL (€)').fill(apl);
    }
    await page.getByRole('button', { name: 'Enregistrer la simulation' }).click();
    await page.getByRole('status').filter({ hasText: 'Simulation enregistrée sur le ménage.' }).waitFor();
    await auditer('Simulation');
    // Printed, the simulation sheet shows no loading message either.
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .getByText(/Chargement/)
        .filter({ visible: true })
        .count(),
    ).toBe(0);
    await page.emulateMedia({ media: 'screen' });

    await ouvrirApp(page, menage);
    await page.getByRole('button', { name: 'Compte rendu de la visite n° 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visite de courtoisie n° 1' }).waitFor();
    for (const [libelle, montant] of [
      ['Nouveau loyer mensuel hors charges (€)', '512,40'],
      ['Charges mensuelles (€)', '148,90'],
      ['APL mensuelle (€)', '231,15'],
      ['Ressources mensuelles du ménage (€)', '1842,37'],
    ] as const) {
      await page.getByLabel(libelle).fill(montant);
      await page.getByLabel(libelle).blur();
    }
    await expect.poll(() => page.getByRole('row', { name: /^Reste à charge/ }).textContent()).toMatch(/€/);
    await auditer('Visite de courtoisie');
    await ouvrirApp(page, menage);
    await page.getByRole('button', { name: 'Enquête de satisfaction' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enquête de satisfaction' }).waitFor();
    await auditer('Enquête');

    await ouvrirApp(page, menage);
    await page.getByRole('link', { name: /^Dossier administratif/ }).click();
    await ecranAffiche(page);
    await page.getByRole('button', { name: 'Sans objet pour ce ménage' }).first().click();
    await page.locator('summary', { hasText: 'Dates, statut et notes' }).first().click();
    await auditer('Dossier');

    await ouvrirApp(page, menage);
    await page.getByRole('link', { name: 'Orientation et propositions' }).click();
    await ecranAffiche(page);
    await page.getByLabel('Logement proposé').selectOption('reference');
    await page.getByLabel('Référence du logement chez le bailleur').fill('LOG-1');
    await page.getByLabel('Date de la proposition').fill(jourIso(new Date()));
    await page.getByRole('button', { name: 'Faire la proposition' }).click();
    await page.getByRole('button', { name: 'Enregistrer l’avis de GTR' }).waitFor();
    await auditer('Propositions');

    await ouvrirApp(page, menage);
    await page.getByRole('button', { name: /entretien/ }).click();
    await page.locator('nav.sections').waitFor();
    await auditer('Entretien — Occupants');
    for (const section of [/^Ressources des 3 derniers mois/, /^Souhaits et besoins/, /^Vérification/]) {
      await page.getByRole('navigation', { name: 'Sections de l’entretien' }).getByRole('link', { name: section }).click();
      await auditer(`Entretien — ${section.source.slice(1)}`);
    }

    await menu(page, 'À faire').click();
    await auditer('À faire', 'À faire');
    // Each day is titled « Mercredi 4 novembre 2026 »: the month in lower case, as French writes it.
    const jours = await page.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(jours.length).toBeGreaterThan(0);
    for (const jour of jours)
      expect(jour).toMatch(/^\S+ \d+(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/);
    await menu(page, 'Offres du territoire').click();
    await auditer('Offres du territoire', 'Offres du territoire');
    await menu(page, 'Pilotage').click();
    await auditer('Pilotage', /^Pilotage/);
    await ouvrirApp(page, `${b.serveur.url}#/connexion`);
    await auditer('Connexion');

    expect(problemes, problemes.join('\n')).toEqual([]);
  });

  it('ne défile latéralement sur aucun écran en paysage', async () => {
    await page.setViewportSize(PAYSAGE);
    // Held sideways, the menu and the states share one row.
    expect(await hauteurEntete(page)).toBeLessThanOrEqual(50);
    const lateral: string[] = [];
    for (const { nom, url } of ecrans) {
      await ouvrirApp(page, url);
      await ecranAffiche(page);
      lateral.push(...(await defilementLateral(page, `${nom} (paysage)`)));
    }
    expect(ecrans.length).toBeGreaterThan(10);
    expect(lateral, lateral.join('\n')).toEqual([]);
  });
});
