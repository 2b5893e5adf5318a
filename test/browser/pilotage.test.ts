import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lireCsv } from '../../src/domain/index.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { chargerPilotage, suiviPar } from '../server/pilotage-chargement.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import { banc } from './banc.ts';
import { MOT_DE_PASSE, couperReseau, menu, ouvrirApp, seConnecter } from './parcours.ts';

// « Pilotage » in Chromium on the fixture of test/fixtures/pilotage.ts (Habitat Nord, first
// quarter 2026): the chargée sees her quarter offline; the encadrant prints the report and
// exports a CSV, which read back gives the figures on the screen.

const carte = (page: Page, libelle: string) =>
  page.getByRole('list', { name: 'Indicateurs' }).getByRole('listitem').filter({ hasText: libelle }).first();

async function ouvrirTrimestre(page: Page) {
  await menu(page, 'Pilotage').click();
  await page.getByLabel('Trimestre contenant le').fill('2026-02-15');
  await page.getByText('Période : du 1er janvier 2026 au 31 mars 2026').waitFor();
}

describe.runIf(chromiumDisponible())('le pilotage', () => {
  const b = banc();

  it('la chargée voit son trimestre hors ligne ; l’encadrante imprime le rapport et exporte un CSV fidèle à l’écran', async () => {
    const db = b.serveur.actuel().db;
    const claire = await createTestAccount(db, {
      organisation: 'Habitat Nord',
      role: 'chargé',
      name: 'Claire',
      email: 'claire@pilotage.test',
      password: MOT_DE_PASSE,
    });
    const encadrante = await createTestAccount(db, {
      organisation: 'Habitat Nord',
      role: 'encadrant',
      name: 'Encadrante',
      email: 'encadrante@pilotage.test',
      password: MOT_DE_PASSE,
    });
    await chargerPilotage(db, encadrante.profile, suiviPar(ORGANISATION_A, claire.profile.id));

    const tablette = await b.ouvrir();
    await seConnecter(tablette.page, b.serveur.url, 'claire@pilotage.test', (p) => p.getByRole('link', { name: /Ménage 10/ }).waitFor());
    await attendreServiceWorker(tablette.page);
    await couperReseau(tablette.context, b.serveur);
    await ouvrirApp(tablette.page);
    await ouvrirTrimestre(tablette.page);
    await tablette.page.getByRole('heading', { name: 'Pilotage de mon portefeuille' }).waitFor();
    await expect.poll(() => carte(tablette.page, 'Relogements réalisés').textContent()).toContain('6');
    expect(await carte(tablette.page, 'Relogements dans le neuf ou récent').textContent()).toContain(
      'Objectif au moins 40 % : non atteint',
    );

    await b.serveur.relancer();
    const bureau = await b.ouvrir();
    const page = bureau.page;
    await seConnecter(page, b.serveur.url, 'encadrante@pilotage.test', (p) => p.getByRole('link', { name: /Ménage 10/ }).waitFor());
    await ouvrirTrimestre(page);
    await page.getByRole('heading', { name: 'Pilotage de l’organisation' }).waitFor();
    const affiche = (await carte(page, 'Taux de transformation').locator('.chiffre-valeur').textContent()) ?? '';
    expect(affiche).toBe('85,7 %');

    // The printed report: dated, with its filters, one page per section, A4 landscape.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('Rapport de relogement').isVisible()).toBe(true);
    expect(await page.getByRole('form', { name: 'Filtres du rapport' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });

    const telechargement = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Indicateurs (CSV)' }).click();
    const fichier = await telechargement;
    const texte = readFileSync(await fichier.path(), 'utf8');
    expect(texte.charCodeAt(0)).toBe(0xfeff);
    const lignes = lireCsv(texte).map((l) => l.champs);
    expect(lignes).toContainEqual(['Période : du 1er janvier 2026 au 31 mars 2026']);
    const transformation = lignes.find((l) => l[0] === 'Taux de transformation');
    expect(`${transformation?.[1]} ${transformation?.[2]}`).toBe(affiche);
  });
});
