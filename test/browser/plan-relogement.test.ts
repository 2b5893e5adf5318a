import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dateEnLettres } from '../../src/domain/index.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { chargerPilotage, suiviPar } from '../server/pilotage-chargement.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { banc } from './banc.ts';
import { chromiumDisponible } from './chromium.ts';
import { MOT_DE_PASSE, menu, ouvrirApp, seConnecter } from './parcours.ts';

// The relocation plan editor of « Pilotage » (charte §6.6) in Chromium, on the fixture of
// test/fixtures/pilotage.ts (Habitat Nord, operation « Les Oliviers »): the encadrante edits the
// plan, a negative forecast is refused at its field with the draft kept, a reload keeps the saved
// forecast, a second tablet receives it after the sync, and a chargée reads it without editing.

const PREVUS = 'Relogements prévus, ligne 2';

async function ouvrirPlan(page: Page): Promise<void> {
  await menu(page, 'Pilotage').click();
  await page.getByLabel('Opération').selectOption({ label: 'Les Oliviers' });
  await page.getByRole('heading', { name: 'Plan de relogement de l’opération' }).waitFor();
}

async function synchroniser(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  const synchronise = page
    .getByRole('status')
    .filter({ hasText: /Synchronisé à \d\d:\d\d/ })
    .filter({ hasNotText: 'en attente' });
  await expect.poll(() => synchronise.count(), { timeout: 30_000 }).toBe(1);
}

/** Today on the tablets, which run in Paris time. */
const aujourdhuiAParis = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

describe.runIf(chromiumDisponible())('le plan de relogement', () => {
  const b = banc();

  it('l’encadrante le modifie, une saisie invalide est refusée au champ, il survit au rechargement, une autre tablette le reçoit, la chargée le lit', async () => {
    const db = b.serveur.actuel().db;
    const compte = (email: string, role: 'encadrant' | 'chargé', name: string) =>
      createTestAccount(db, { organisation: 'Habitat Nord', role, name, email, password: MOT_DE_PASSE });
    const claire = await compte('claire@plan.test', 'chargé', 'Claire');
    const encadrante = await compte('encadrante@plan.test', 'encadrant', 'Encadrante');
    await compte('samir@plan.test', 'encadrant', 'Samir');
    await chargerPilotage(db, encadrante.profile, suiviPar(ORGANISATION_A, claire.profile.id));
    const menages = (p: Page) => p.getByRole('link', { name: /Ménage 10/ }).waitFor();

    const premiere = await b.ouvrir();
    const page = premiere.page;
    await seConnecter(page, b.serveur.url, 'encadrante@plan.test', menages);
    await ouvrirPlan(page);
    const prevus = page.getByLabel(PREVUS, { exact: true });
    // The February revision: line 2 is Oliviers, T2, 3 relocations in 2026.
    await expect.poll(() => prevus.inputValue()).toBe('3');
    await prevus.fill('-2');
    await page.getByText('Le nombre de relogements prévus ne peut pas être négatif.').waitFor();
    expect(await prevus.inputValue()).toBe('-2');
    expect(await prevus.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Non enregistré : corrigez les champs signalés.').waitFor();
    await prevus.fill('7');
    await page.getByText(/^Enregistré sur la tablette \(révision du T\d \d{4}\)\.$/).waitFor();

    await ouvrirApp(page);
    await ouvrirPlan(page);
    await expect.poll(() => page.getByLabel(PREVUS, { exact: true }).inputValue()).toBe('7');
    await synchroniser(page);

    const seconde = await b.ouvrir();
    await seConnecter(seconde.page, b.serveur.url, 'samir@plan.test', menages);
    await ouvrirPlan(seconde.page);
    await expect.poll(() => seconde.page.getByLabel(PREVUS, { exact: true }).inputValue()).toBe('7');

    const chargee = await b.ouvrir();
    await seConnecter(chargee.page, b.serveur.url, 'claire@plan.test', menages);
    await ouvrirPlan(chargee.page);
    await chargee.page.getByText(`Prévision en vigueur mise à jour le ${dateEnLettres(aujourdhuiAParis())}.`).waitFor();
    expect(await chargee.page.getByLabel(PREVUS, { exact: true }).count()).toBe(0);
    expect(await chargee.page.getByRole('button', { name: 'Ajouter une ligne au plan' }).count()).toBe(0);
    await chargee.page.getByRole('table', { name: 'Révisions trimestrielles du plan' }).waitFor();
  });
});
