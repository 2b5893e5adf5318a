import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { banc } from './banc.ts';
import { ajouterOccupants, ajouterResidence, couperReseau, creerMenage, menu, ouvrirApp } from './parcours.ts';

// Issue 4: offline, simulate an offer for a household, adjust the rent, save, reload; the sheet prints on one A4 page.
describe.runIf(chromiumDisponible())('la simulation d’un relogement', () => {
  const b = banc();
  let tablette: Tablette;

  it('hors ligne : simule une offre, ajuste le loyer, enregistre, la retrouve après rechargement et imprime une page A4', async () => {
    tablette = await b.ouvrir(undefined, { largeur: 800, hauteur: 1280 });
    const page = tablette.page;
    await ouvrirApp(page, b.serveur.url);
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence des Essais');
    await couperReseau(tablette.context, b.serveur);
    await ouvrirApp(page);
    await page.getByRole('heading', { name: 'Paramètres' }).waitFor();

    // An offer typed offline.
    await menu(page, 'Offres').click();
    await page.getByRole('button', { name: 'Nouvelle offre' }).click();
    await page.getByLabel('Adresse', { exact: true }).fill('40 boulevard de l’Union');
    await page.getByLabel('Commune', { exact: true }).fill('Roubaix');
    await page.getByRole('group', { name: 'Typologie' }).getByLabel('T3', { exact: true }).check();
    await page.getByLabel('Surface habitable (m²)').fill('68');
    await page.getByLabel('Loyer hors charges (€)').fill('420');
    await page.getByLabel('Charges (€)', { exact: true }).fill('95');
    await page.getByRole('group', { name: 'Zone APL' }).getByLabel('Zone 2').check();
    await page.getByText('Offre complète : elle peut être simulée et proposée.').waitFor();

    // The household, its occupants and its interview.
    await creerMenage(page, 'Famille Essai');
    await ajouterOccupants(page, [
      { prenom: 'Aïcha', naissance: '1984-03-12' },
      { prenom: 'Inès', naissance: '2012-06-30' },
      { prenom: 'Yanis', naissance: '2016-01-15' },
    ]);
    await page.getByRole('button', { name: 'Commencer le premier entretien' }).click();
    await page.getByRole('link', { name: /Logement actuel/ }).click();
    await page.getByLabel('Loyer mensuel hors charges (€)').fill('380');
    await page.getByLabel('Charges mensuelles sur la quittance (€)').fill('70');
    await page.getByLabel('APL ou AL perçue (€ par mois)').fill('180');
    await page.getByLabel('Surface habitable (m²)').fill('55');
    await page.getByRole('group', { name: 'Typologie' }).getByLabel('T2', { exact: true }).check();
    await page.getByRole('link', { name: /Ressources/ }).click();
    await page
      .getByLabel(/^Salaires, .*Aïcha/)
      .first()
      .fill('1 650');
    // Saved once the table's status counts it (it reads the stored interview, not the field).
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Ressources mensuelles retenues' }).textContent())
      .toMatch(/retenues : 1\s?650,00\s€/);
    await menu(page, 'Mes ménages').click();
    await page.getByRole('link', { name: /Famille Essai/ }).click();

    await page.getByRole('link', { name: 'Simuler' }).click();
    await page.getByLabel('Logement proposé', { exact: true }).selectOption({ label: 'T3 — 40 boulevard de l’Union — Roubaix' });
    const proposee = page.getByRole('group', { name: 'Logement proposé' });
    await expect.poll(() => proposee.getByLabel('Loyer (€)').inputValue()).toBe('420');
    await page.getByText(/^APL après relogement estimée : barème/).waitFor();
    await proposee.getByLabel('APL (€)').fill('200');
    const reste = page.getByRole('row', { name: /^Reste à charge/ });
    // Example barème, 3 persons: 420 + 95 + 35 + 24 + 65 − 200 = 439 €.
    await expect.poll(() => reste.textContent()).toMatch(/439,00\s€/);
    await proposee.getByLabel('Loyer (€)').fill('390');
    await expect.poll(() => reste.textContent()).toMatch(/409,00\s€/);
    expect(await page.getByRole('alert').filter({ hasText: 'Barème d’exemple' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Enregistrer la simulation' }).click();
    await page.getByRole('status').filter({ hasText: 'Simulation enregistrée sur le ménage.' }).waitFor();

    await ouvrirApp(page);
    const enregistrees = page.getByRole('region', { name: 'Simulations enregistrées' });
    await expect
      .poll(() => enregistrees.textContent())
      .toMatch(/T3 — 40 boulevard de l’Union — Roubaix.*loyer 390,00\s€, reste à charge 409,00\s€/);
    // The stored offer kept its own rent.
    await menu(page, 'Offres').click();
    await expect.poll(() => page.locator('.carte').first().textContent()).toMatch(/loyer 420,00\s€/);

    await page.goBack();
    await page.getByLabel('Logement proposé', { exact: true }).selectOption({ label: 'T3 — 40 boulevard de l’Union — Roubaix' });
    await proposee.getByLabel('APL (€)').fill('200');
    await expect.poll(() => reste.textContent()).toMatch(/439,00\s€/);
    const pdf = await page.pdf({ format: 'A4' });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  }, 120_000);
});
