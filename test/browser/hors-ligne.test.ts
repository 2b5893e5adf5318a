import { describe, expect, it } from 'vitest';
import { attendreServiceWorker, chromiumDisponible, tuerTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { banc } from './banc.ts';
import { ajouterOccupants, ajouterResidence, couperReseau, creerMenage, ouvrirApp } from './parcours.ts';

const OCCUPANTS = [
  { prenom: 'Aïcha', naissance: '1984-03-12' },
  { prenom: 'Karim', naissance: '1980-11-02' },
  { prenom: 'Inès', naissance: '2012-06-30' },
  { prenom: 'Yanis', naissance: '2016-01-15' },
];

describe.runIf(chromiumDisponible())('une tablette sans réseau', () => {
  const b = banc();
  let tablette: Tablette;

  it('démarre hors ligne, enregistre chaque frappe et retrouve tout après un arrêt brutal', async () => {
    tablette = await b.ouvrir();
    // The server's Content-Security-Policy lets the whole app run: nothing it needs is refused.
    const refus: string[] = [];
    tablette.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refus.push(m.text());
    });
    await ouvrirApp(tablette.page, b.serveur.url);
    await attendreServiceWorker(tablette.page);
    await ajouterResidence(tablette.page, 'Résidence des Essais');

    await couperReseau(tablette.context, b.serveur);
    await ouvrirApp(tablette.page);
    await tablette.page.getByRole('heading', { name: 'Paramètres' }).waitFor();
    await expect.poll(() => tablette.page.getByRole('status').filter({ hasText: 'Hors ligne' }).count()).toBe(1);

    await creerMenage(tablette.page, 'Famille Essai');
    await ajouterOccupants(tablette.page, OCCUPANTS);
    await tablette.page.getByRole('button', { name: 'Commencer le premier entretien' }).click();
    await tablette.page.getByRole('link', { name: /Logement actuel/ }).click();
    await tablette.page.getByLabel('Loyer mensuel hors charges (€)').fill('452,30');
    await tablette.page.getByLabel('Surface habitable (m²)').fill('63');
    await tablette.page.getByRole('group', { name: 'Typologie' }).getByLabel('T3', { exact: true }).check();

    // Typed, then saved (the field no longer says « Enregistrement… ») before the crash: must survive it.
    const charges = tablette.page.getByLabel('Charges mensuelles sur la quittance (€)');
    await charges.pressSequentially('87,5', { delay: 30 });
    const champCharges = tablette.page.locator('.champ', { has: charges });
    await expect.poll(() => charges.inputValue()).toBe('87,5');
    await expect.poll(() => champCharges.getByText('Enregistrement…').count()).toBe(0);
    await charges.pressSequentially('0', { delay: 0 });
    expect(refus).toEqual([]);
    tuerTablette(tablette);

    tablette = await b.ouvrir(tablette.dossier);
    await tablette.context.setOffline(true);
    await ouvrirApp(tablette.page, b.serveur.url);
    const page = tablette.page;
    await page.getByRole('link', { name: /Famille Essai/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '4 occupants' }).count()).toBe(1);
    for (const [i, o] of OCCUPANTS.entries()) {
      await expect.poll(() => page.getByLabel('Prénom', { exact: true }).nth(i).inputValue()).toBe(o.prenom);
    }
    await page.getByRole('button', { name: 'Reprendre l’entretien en cours' }).click();
    await expect.poll(() => page.getByLabel('Loyer mensuel hors charges (€)').inputValue()).toBe('452,30');
    expect(await page.getByLabel('Surface habitable (m²)').inputValue()).toBe('63');
    expect(await page.getByRole('group', { name: 'Typologie' }).getByLabel('T3', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Charges mensuelles sur la quittance (€)').inputValue()).toMatch(/^87,50?$/);
  });
});
