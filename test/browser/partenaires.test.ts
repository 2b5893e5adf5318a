import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { jourIso } from '../../src/domain/index.ts';
import { setPriorityOperations } from '../../src/server/accounts/accounts.ts';
import { createTestResidence, createTestTerritory, seedHouseholds } from '../../src/server/testing.ts';
import { dateLongue } from '../../src/ui/commun/dates.ts';
import { attendreServiceWorker, chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { MOT_DE_PASSE, menu, saisiesEnregistrees, seConnecter, synchronise, synchroniser, voirMenage1 } from './parcours.ts';

// Issue 15, a pooled offer from publication to attribution (convention AMP art. 10, charte §4
// step 3): the host landlord's user publishes a dwelling; two MOUS teams position a household
// each, one tablet offline; the platform designates; the host landlord requests a piece, sets the
// CALEOL date and attributes; the officer follows every step and its clock on her tablet, enters
// the household's reply, and the demolishing landlord she named sees the copy (charte step 11).

const aujourdhui = jourIso(new Date());
const ADRESSE = '12 rue des Oliviers';

const compte = (role: 'chargé' | 'encadrant' | 'partenaire', name: string, email: string) => ({
  role,
  name,
  email,
  password: MOT_DE_PASSE,
});

/** One sync asked for and done: the header's last-sync time changes, so an earlier « Synchronisé » is never taken for it. */

const voirOffres = (page: Page) => page.getByRole('heading', { level: 1, name: 'Offres du territoire' }).waitFor();

async function ouvrirOffre(page: Page): Promise<void> {
  await menu(page, 'Offres du territoire').click();
  await page.getByRole('link', { name: new RegExp(ADRESSE) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Offre — T3, ${ADRESSE}`) }).waitFor();
}

/** A radio of the sheet: it shows checked once its value is stored, after the fields typed just before. */
async function choisir(page: Page, groupe: string, valeur: string): Promise<void> {
  const choix = page.getByRole('group', { name: groupe }).getByLabel(valeur, { exact: true });
  await saisiesEnregistrees(page);
  await choix.click();
  await expect.poll(() => choix.isChecked()).toBe(true);
}

const candidats = (page: Page) => page.getByRole('region', { name: 'Candidats' }).locator('li.candidat');
const etape = (page: Page) => page.locator('p.etape-offre').textContent();

/** Positions the team's household, naming its demolishing landlord when given. */
async function positionner(page: Page, bailleurDemolisseur?: string): Promise<void> {
  await ouvrirOffre(page);
  const section = page.getByRole('region', { name: 'Ménages de l’équipe à qui ce logement convient' });
  await section.getByRole('button', { name: 'Positionner ce ménage' }).click();
  if (bailleurDemolisseur) await section.getByLabel(/^Bailleur démolisseur/).selectOption({ label: bailleurDemolisseur });
  await section.getByRole('button', { name: 'Confirmer le positionnement' }).click();
  await section.getByRole('status').filter({ hasText: 'Ménage positionné' }).waitFor();
}

describe.runIf(chromiumDisponible())('une offre mutualisée, de la publication à l’attribution', () => {
  let serveur: Serveur;
  let bailleur: Tablette;
  let nadia: Tablette;
  let omar: Tablette;
  let plateforme: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur();
    const { db } = serveur.actuel();
    const comptes = await createTestTerritory(db, { name: 'Métropole Essai', kind: 'metropole' }, [
      { name: 'Habitat Sud', kind: 'bailleur', accounts: [compte('partenaire', 'Hélène Bailleur', 'helene@habitat-sud.test')] },
      { name: 'Logis Nord', kind: 'bailleur', accounts: [compte('partenaire', 'Léa Démolisseur', 'lea@logis-nord.test')] },
      {
        name: 'MOUS Centre',
        kind: 'mous',
        accounts: [
          compte('chargé', 'Nadia Chargée', 'nadia@mous-centre.test'),
          compte('encadrant', 'Encadrant Centre', 'enc@mous-centre.test'),
        ],
      },
      {
        name: 'MOUS Nord',
        kind: 'mous',
        accounts: [compte('chargé', 'Omar Chargé', 'omar@mous-nord.test'), compte('encadrant', 'Encadrant Nord', 'enc@mous-nord.test')],
      },
      { name: 'Plateforme Essai', kind: 'plateforme', accounts: [compte('chargé', 'Paul Plateforme', 'paul@plateforme.test')] },
    ]);
    for (const [chargee, encadrant, operation] of [
      ['nadia@mous-centre.test', 'enc@mous-centre.test', 'NPNRU Centre'],
      ['omar@mous-nord.test', 'enc@mous-nord.test', 'NPNRU Nord'],
    ] as const) {
      const residence = await createTestResidence(db, comptes.get(encadrant)?.profile ?? expect.fail(encadrant), 'Les Cèdres', operation);
      await seedHouseholds(db, comptes.get(chargee)?.profile ?? expect.fail(chargee), residence, 1, { matchable: true });
    }
    // The steering committee made Nadia's opération a priority: the server marks her household's position so.
    await setPriorityOperations(db, 'Métropole Essai', ['NPNRU Centre']);
    [bailleur, nadia, omar, plateforme] = await Promise.all([ouvrirTablette(), ouvrirTablette(), ouvrirTablette(), ouvrirTablette()]);
    for (const t of [bailleur, nadia, omar, plateforme]) t.page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await Promise.all([bailleur, nadia, omar, plateforme].filter(Boolean).map((t) => fermerTablette(t)));
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('publie, positionne hors ligne, désigne, décide, et chacun voit le même résultat', async () => {
    // The host landlord's user publishes a dwelling with its annex 5 sheet.
    const b = bailleur.page;
    await seConnecter(b, serveur.url, 'helene@habitat-sud.test', voirOffres);
    await b.getByRole('button', { name: 'Publier un logement' }).click();
    await b.getByRole('heading', { level: 1, name: 'Offre — à compléter' }).waitFor();
    expect(await b.getByLabel('Date de mise à disposition').inputValue()).toBe(aujourdhui);
    await b.getByLabel('Adresse', { exact: true }).fill(ADRESSE);
    await b.getByLabel('Commune', { exact: true }).fill('Marseille');
    await choisir(b, 'Typologie', 'T3');
    await b.getByLabel('Surface habitable (m²)').fill('64');
    await b.getByLabel('Loyer hors charges (€)').fill('380');
    await b.getByLabel('Charges (€)', { exact: true }).fill('95');
    await choisir(b, 'Zone APL', 'Zone 2');
    await b.getByText('Offre complète : elle peut être simulée et proposée.').waitFor();
    await expect.poll(() => etape(b)).toContain('Disponible — Habitat Sud');
    await synchroniser(b);

    // Two teams receive it; Omar's tablet is offline when he positions his household.
    for (const [t, email] of [
      [nadia, 'nadia@mous-centre.test'],
      [omar, 'omar@mous-nord.test'],
    ] as const)
      await seConnecter(t.page, serveur.url, email, async (page) => {
        await voirMenage1(page);
        await synchronise(page).waitFor();
      });
    // Offline, the screens come from the service worker's cache: it must be ready first.
    await attendreServiceWorker(omar.page);
    await omar.context.setOffline(true);
    await positionner(omar.page);
    await expect.poll(() => omar.page.getByRole('status').filter({ hasText: 'en attente' }).count()).toBe(1);

    await positionner(nadia.page, 'Logis Nord');
    await synchroniser(nadia.page);
    // Omar's position has not left his tablet: Nadia's sync brings back her candidate alone.
    await expect.poll(() => candidats(nadia.page).count()).toBe(1);
    await expect.poll(() => etape(nadia.page)).toContain('Candidats identifiés');
    expect(await omar.page.getByRole('status').filter({ hasText: 'en attente' }).count()).toBe(1);
    await omar.context.setOffline(false);
    await synchroniser(omar.page);

    // The platform sees both candidates in the convention's order, with why, and designates.
    const p = plateforme.page;
    await seConnecter(p, serveur.url, 'paul@plateforme.test', (page) => synchronise(page).waitFor());
    await ouvrirOffre(p);
    await expect.poll(() => candidats(p).count()).toBe(2);
    await expect.poll(() => etape(p)).toContain('Candidats identifiés');
    const premier = candidats(p).first();
    expect(await premier.getByText('Opération prioritaire du comité de pilotage').count()).toBe(1);
    await premier.getByRole('button', { name: 'Désigner au rang 1' }).click();
    await candidats(p).nth(1).getByRole('button', { name: 'Désigner au rang 2' }).click();
    await expect.poll(() => etape(p)).toContain('Candidats désignés');
    await synchroniser(p);

    // Both teams' tablets show the same outcome after their sync.
    const resultats: string[][] = [];
    for (const page of [nadia.page, omar.page]) {
      await synchroniser(page);
      await ouvrirOffre(page);
      await expect.poll(() => etape(page)).toContain('Candidats désignés');
      await expect
        .poll(() => candidats(page).locator('h3').allTextContents())
        .toEqual([
          expect.stringMatching(`— Désigné au bailleur \\(rang 1, le ${dateLongue(aujourdhui)}\\)$`),
          expect.stringMatching(`— Désigné au bailleur \\(rang 2, le ${dateLongue(aujourdhui)}\\)$`),
        ]);
      resultats.push(await candidats(page).locator('h3').allTextContents());
    }
    expect(resultats[0]).toEqual(resultats[1]);
    expect(await candidats(nadia.page).first().getByRole('link').count()).toBe(1);
    expect(await candidats(omar.page).nth(1).getByRole('link').count()).toBe(1);

    // The host landlord receives the files, requests a piece, records the complete files, sets the CALEOL and attributes.
    await synchroniser(b);
    await expect.poll(() => etape(b)).toContain('Candidats désignés');
    // The territory has a platform: the host landlord does not designate.
    expect(
      await candidats(b)
        .getByRole('button', { name: /Désigner/ })
        .count(),
    ).toBe(0);
    await b.getByLabel('Dossiers des candidats reçus le').fill(aujourdhui);
    await b.getByLabel('Pièces demandées', { exact: true }).fill('Avis d’imposition 2025');
    await b.getByLabel('Pièces demandées le').fill(aujourdhui);
    await b.getByLabel('Dossiers complets le').fill(aujourdhui);
    await b.getByLabel('Date de la CALEOL').fill(aujourdhui);
    await expect.poll(() => etape(b)).toContain('CALEOL fixée');
    const decision = candidats(b).filter({ hasText: 'rang 1' }).locator('form.formulaire-avis');
    await decision.getByRole('button', { name: 'Enregistrer' }).click();
    await decision.getByRole('alert').first().waitFor();
    await decision.getByLabel('Favorable', { exact: true }).check();
    await decision.getByLabel('Motif').fill('Dossier complet, taux d’effort adapté');
    await decision.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => etape(b)).toContain('Attribuée');
    await synchroniser(b);

    // The officer sees the decision, who gave it, and every clock met.
    const n = nadia.page;
    await synchroniser(n);
    await expect.poll(() => etape(n)).toContain('Attribuée — Habitat Sud');
    await expect
      .poll(() => candidats(n).first().textContent())
      .toContain(`Favorable — Hélène Bailleur (Habitat Sud), le ${dateLongue(aujourdhui)} : Dossier complet, taux d’effort adapté`);
    const horloges = n.getByRole('region', { name: 'Échéances (jours ouvrés)' }).getByRole('listitem');
    for (const libelle of [
      'Identification des candidats par les équipes',
      'Désignation des candidats ou restitution de l’offre',
      'Désignation au bailleur après identification',
      'Appel des pièces et date de CALEOL',
      'Décision motivée après la CALEOL',
    ])
      await expect
        .poll(() => horloges.filter({ hasText: libelle }).textContent(), { message: libelle })
        .toMatch(new RegExp(`: échéance le .+ — fait le ${dateLongue(aujourdhui)}$`));
    expect(await n.getByText('En retard').count()).toBe(0);
    expect(await n.getByText('Cette offre n’est plus ouverte aux positionnements (retirée, rendue ou attribuée).').count()).toBe(1);

    // The officer enters the household's reply; the demolishing landlord she named sees the copy.
    const reponse = candidats(n).first().getByRole('group', { name: 'Réponse du ménage' });
    await reponse.getByLabel('Acceptée', { exact: true }).check();
    await candidats(n).first().getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await expect.poll(() => candidats(n).first().textContent()).toContain(`Réponse du ménage : acceptée le ${dateLongue(aujourdhui)}`);
    await synchroniser(n);
    const lea = await ouvrirTablette();
    try {
      lea.page.setDefaultTimeout(20_000);
      await seConnecter(lea.page, serveur.url, 'lea@logis-nord.test', voirOffres);
      await ouvrirOffre(lea.page);
      await expect.poll(() => candidats(lea.page).count()).toBe(1);
      await expect.poll(() => etape(lea.page)).toContain('Attribuée — Habitat Sud');
      expect(await candidats(lea.page).first().textContent()).toContain(`Réponse du ménage : acceptée le ${dateLongue(aujourdhui)}`);
    } finally {
      await fermerTablette(lea);
    }

    // The household's page lists where it stands.
    await candidats(n).first().getByRole('link').click();
    const positions = n.getByRole('region', { name: 'Offres du territoire où le ménage est positionné' });
    await expect
      .poll(() => positions.textContent())
      .toContain('Désigné au bailleur (rang 1) depuis le ' + dateLongue(aujourdhui) + ' — décision du bailleur : Favorable');
  }, 300_000);
});
