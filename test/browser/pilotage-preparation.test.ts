import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { jourIso } from '../../src/domain/index.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { chargerPilotage, suiviPar } from '../server/pilotage-chargement.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import { banc } from './banc.ts';
import { MOT_DE_PASSE, couperReseau, creerMenage, menu, ouvrirApp, seConnecter } from './parcours.ts';

// « Pilotage » prepared at idle on the chargée's tablet (Habitat Nord, test/fixtures/pilotage.ts),
// offline: a proposal made on her caseload is in the figures she opens next, prepared or not.

const propositionsFaites = async (page: Page) => {
  await page.getByRole('heading', { name: 'Pilotage de mon portefeuille' }).waitFor();
  const carte = page.getByRole('list', { name: 'Indicateurs' }).getByRole('listitem').filter({ hasText: 'Propositions faites' }).first();
  return Number((await carte.locator('.chiffre-valeur').textContent())?.replace(/\s/g, ''));
};
const preparations = (page: Page) => page.evaluate(() => performance.getEntriesByName('pilotage:preparee', 'mark').length);

describe.runIf(chromiumDisponible())('le pilotage préparé au repos', () => {
  const b = banc();

  it('la chargée rouvre « Pilotage » après une proposition faite hors ligne et la compte', async () => {
    const db = b.serveur.actuel().db;
    const claire = await createTestAccount(db, {
      organisation: 'Habitat Nord',
      role: 'chargé',
      name: 'Claire',
      email: 'claire@preparation.test',
      password: MOT_DE_PASSE,
    });
    const encadrante = await createTestAccount(db, {
      organisation: 'Habitat Nord',
      role: 'encadrant',
      name: 'Encadrante',
      email: 'encadrante@preparation.test',
      password: MOT_DE_PASSE,
    });
    await chargerPilotage(db, encadrante.profile, suiviPar(ORGANISATION_A, claire.profile.id));

    const { page, context } = await b.ouvrir();
    await seConnecter(page, b.serveur.url, 'claire@preparation.test', (p) => p.getByRole('link', { name: /Ménage 10/ }).waitFor());
    await attendreServiceWorker(page);
    await couperReseau(context, b.serveur);
    await ouvrirApp(page);
    await menu(page, 'Pilotage').click();
    const avant = await propositionsFaites(page);
    expect(Number.isInteger(avant)).toBe(true);

    await creerMenage(page, 'Famille Préparée');
    await page.getByRole('link', { name: 'Orientation et propositions' }).click();
    await page.getByLabel('Circuit', { exact: true }).selectOption('gtr');
    await page.getByLabel('Date de la décision d’orientation').fill(jourIso(new Date()));
    await page.getByLabel('Décidée par (réunion, instance, partenaires)').fill('GTR du quartier');
    await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
    await page.getByText(/^Orientation actuelle :/).waitFor();
    const faites = await preparations(page);
    await page.getByLabel('Logement proposé').selectOption('reference');
    await page.getByLabel('Référence du logement chez le bailleur').fill('LOG-PREPARE');
    await page.getByLabel('Date de la proposition').fill(jourIso(new Date()));
    await page.getByRole('button', { name: 'Faire la proposition' }).click();
    await page.getByRole('button', { name: 'Enregistrer l’avis de GTR' }).waitFor();

    // Back on her caseload while the app prepares « Pilotage » again, then the tap.
    await menu(page, 'Mes ménages').click();
    await expect.poll(() => preparations(page)).toBeGreaterThan(faites);
    await menu(page, 'Pilotage').click();
    expect(await propositionsFaites(page)).toBe(avant + 1);
  });
});
