import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import { banc } from './banc.ts';
import { chromiumDisponible } from './chromium.ts';
import { inspecter } from './inspection.ts';
import { CODE, MOT_DE_PASSE, ajouterResidence, creerMenage, deverrouiller, menu, voirMenage1 } from './parcours.ts';

// Issue 17 item 2 (docs/chiffrement.md): after ten wrong codes the officer who lost her code logs
// in again and chooses a new one; the changes kept sealed by the old code come back only with it.
// And the code changes from Paramètres, the data key re-wrapped.

const NOUVEAU = '975310';
const AUTRE = '864209';

async function dixCodesFaux(page: Page) {
  for (let essai = 1; essai <= 10; essai++) {
    await page.getByLabel('Code', { exact: true }).fill(`11111${essai}`);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: essai < 9 ? `Encore ${10 - essai} essais` : essai === 9 ? 'Dernier essai' : 'ont été effacées' })
      .waitFor();
  }
}

async function taperCode(page: Page, code: string) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.locator('header.entete').waitFor();
}

describe.runIf(chromiumDisponible())('un nouveau code', () => {
  const b = banc();

  it('après dix codes erronés : connexion, nouveau code, puis l’ancien code retrouve les modifications gardées', async () => {
    const { db } = b.serveur.actuel();
    const nadia = await createTestAccount(db, {
      organisation: 'Bailleur C',
      role: 'encadrant',
      name: 'Nadia Code',
      email: 'nadia@code.test',
      password: MOT_DE_PASSE,
    });
    await seedHouseholds(db, nadia.profile, await createTestResidence(db, nadia.profile), 1);

    const { page } = await b.ouvrir();
    await page.goto(b.serveur.url);
    await deverrouiller(page);
    // Typed before any login: nothing of it has reached the server.
    await ajouterResidence(page, 'Résidence Scellée');
    await creerMenage(page, 'Famille Scellée');
    await page.reload();
    await dixCodesFaux(page);
    await page.getByRole('heading', { level: 1, name: 'Données de la tablette effacées' }).waitFor();
    expect(await inspecter(page, 'Tablette effacée après dix codes erronés')).toEqual([]);

    await page.getByLabel('Adresse électronique').fill('nadia@code.test');
    await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter et choisir un nouveau code' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse ou mot de passe incorrect.' }).waitFor();
    await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE);
    await page.getByRole('button', { name: 'Se connecter et choisir un nouveau code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choisissez un nouveau code' }).waitFor();
    await page.getByLabel('Nouveau code', { exact: true }).fill(NOUVEAU);
    await page.getByLabel('Confirmez le code').fill(NOUVEAU);
    await page.getByRole('button', { name: 'Enregistrer le code' }).click();

    // The server's households come back; what was kept stays sealed, said in Paramètres.
    await menu(page, 'Mes ménages').click();
    await voirMenage1(page);
    expect(await page.getByRole('link', { name: /Famille Scellée/ }).count()).toBe(0);
    await menu(page, 'Paramètres').click();
    const gardees = page.getByRole('form', { name: /Modifications gardées sous l’ancien code/ });
    await gardees.waitFor();
    expect(await inspecter(page, 'Paramètres avec des modifications gardées')).toEqual([]);
    await gardees.getByLabel('Ancien code').fill(NOUVEAU);
    await gardees.getByRole('button', { name: 'Retrouver ces modifications' }).click();
    await gardees.getByRole('alert').filter({ hasText: 'Ce n’est pas l’ancien code. Encore 9 essais' }).waitFor();
    await gardees.getByLabel('Ancien code').fill(CODE);
    await gardees.getByRole('button', { name: 'Retrouver ces modifications' }).click();
    await gardees.waitFor({ state: 'detached' });

    // Back in the outbox, they leave with the next sync, and the household comes back from the server.
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await menu(page, 'Mes ménages').click();
    await page.getByRole('link', { name: /Famille Scellée/ }).waitFor();
    const [ligne] = await db.query<{ n: number }>(
      `select count(*)::int as n from fields f join records r on r.rid = f.rid where r.tbl = 'menages' and f.field = 'nom' and f.value = '"Famille Scellée"'::jsonb`,
    );
    expect(ligne?.n).toBe(1);

    // The new code is the one the lock screen asks for.
    await page.reload();
    await taperCode(page, NOUVEAU);
  });

  it('change de code depuis Paramètres : l’ancien est refusé au déverrouillage, le nouveau ouvre les mêmes données', async () => {
    const { page } = await b.ouvrir();
    await page.goto(b.serveur.url);
    await deverrouiller(page);
    await ajouterResidence(page, 'Résidence du Code');
    await creerMenage(page, 'Famille Rechiffrée');
    await menu(page, 'Paramètres').click();
    const formulaire = page.getByRole('form', { name: 'Changer de code' });
    await formulaire.getByLabel('Code actuel').fill('000000');
    await formulaire.getByLabel('Nouveau code').fill(AUTRE);
    await formulaire.getByLabel('Confirmez le code').fill(AUTRE);
    await formulaire.getByRole('button', { name: 'Changer de code' }).click();
    await formulaire.getByRole('alert').filter({ hasText: 'Code actuel incorrect. Encore 9 essais' }).waitFor();
    await formulaire.getByLabel('Code actuel').fill(CODE);
    await formulaire.getByRole('button', { name: 'Changer de code' }).click();
    await formulaire.getByRole('status').filter({ hasText: 'Code changé' }).waitFor();
    expect(await inspecter(page, 'Changement de code')).toEqual([]);

    await page.reload();
    await page.getByLabel('Code', { exact: true }).fill(CODE);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByRole('alert').filter({ hasText: 'Code incorrect.' }).waitFor();
    await taperCode(page, AUTRE);
    await menu(page, 'Mes ménages').click();
    await page.getByRole('link', { name: /Famille Rechiffrée/ }).waitFor();
  });
});
