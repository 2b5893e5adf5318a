import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import { chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { MOT_DE_PASSE, seConnecter, synchroniser, voirMenage1 } from './parcours.ts';

const connecter = (page: Page, url: string, email: string) => seConnecter(page, url, email, voirMenage1);

async function saisir(page: Page, libelle: string, valeur: string): Promise<void> {
  const champ = page.getByLabel(libelle, { exact: true });
  await champ.fill(valeur);
  await champ.blur();
}

describe.runIf(chromiumDisponible())('deux tablettes du même binôme', () => {
  let serveur: Serveur;
  let claire: Tablette;
  let samir: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur();
    const { db } = serveur.actuel();
    const a = await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'chargé',
      name: 'Claire Exemple',
      email: 'claire@exemple.test',
      password: MOT_DE_PASSE,
    });
    await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'encadrant',
      name: 'Samir Exemple',
      email: 'samir@exemple.test',
      password: MOT_DE_PASSE,
    });
    const encadrant = await createTestAccount(db, { organisation: 'Bailleur A', role: 'encadrant', name: 'Encadrante' });
    const residence = await createTestResidence(db, encadrant.profile);
    await seedHouseholds(db, a.profile, residence, 1);
    [claire, samir] = await Promise.all([ouvrirTablette(), ouvrirTablette()]);
  });
  afterAll(async () => {
    await Promise.all([fermerTablette(claire), fermerTablette(samir)]);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('fusionnent leurs modifications hors ligne et signalent la valeur remplacée', async () => {
    await connecter(claire.page, serveur.url, 'claire@exemple.test');
    await connecter(samir.page, serveur.url, 'samir@exemple.test');

    await claire.context.setOffline(true);
    await claire.page.getByRole('link', { name: /Ménage 1/ }).click();
    await saisir(claire.page, 'Téléphone', '06 11 11 11 11');
    await saisir(claire.page, 'Adresse', '12 rue des Essais, Exempleville');
    await expect.poll(() => claire.page.getByRole('status').filter({ hasText: '2 modifications en attente' }).count()).toBe(1);

    await samir.page.getByRole('link', { name: /Ménage 1/ }).click();
    await saisir(samir.page, 'Téléphone', '07 22 22 22 22');
    await synchroniser(samir.page);

    await claire.context.setOffline(false);
    await synchroniser(claire.page);
    await synchroniser(samir.page);

    for (const { page } of [claire, samir]) {
      await expect.poll(() => page.getByLabel('Adresse', { exact: true }).inputValue()).toBe('12 rue des Essais, Exempleville');
      await expect.poll(() => page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('07 22 22 22 22');
      const note = page.getByRole('region', { name: 'Modifications concurrentes à vérifier' });
      await expect
        .poll(() => note.getByText(/Téléphone : modifié aussi par Claire Exemple le .+, valeur remplacée : « 06 11 11 11 11 »/).count())
        .toBe(1);
    }
  });
});
