import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { dateEnLettres, jourIso, plusJours } from '../../src/domain/index.ts';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { banc } from './banc.ts';
import { ajouterResidence, couperReseau, creerMenage, menu, ouvrirApp } from './parcours.ts';

// Offline, a household through two refused proposals, the mediation and a third one accepted to
// the lease; everything is still there after a reload, and the papers print on one A4 page each.
const aujourdhui = jourIso(new Date());
const j = (n: number) => plusJours(aujourdhui, -n);

type Etape = { bouton: string; champs: Record<string, string>; choix?: Record<string, string> };

async function etape(page: Page, e: Etape): Promise<void> {
  for (const [libelle, valeur] of Object.entries(e.champs)) await page.getByLabel(libelle, { exact: true }).fill(valeur);
  for (const [libelle, valeur] of Object.entries(e.choix ?? {})) await page.getByLabel(libelle, { exact: true }).selectOption(valeur);
  const bouton = page.getByRole('button', { name: e.bouton });
  await bouton.click();
  await expect.poll(() => bouton.count(), { message: `${e.bouton} : ${await page.getByRole('alert').allTextContents()}` }).toBe(0);
}

async function proposer(page: Page, reference: string, date: string): Promise<void> {
  await page.getByLabel('Logement proposé').selectOption('reference');
  await page.getByLabel('Référence du logement chez le bailleur').fill(reference);
  await page.getByLabel('Date de la proposition').fill(date);
  await page.getByRole('button', { name: 'Faire la proposition' }).click();
  await page.getByRole('button', { name: 'Enregistrer l’avis de GTR' }).waitFor();
}

const avisEtCaleol = (n: number): Etape[] => [
  { bouton: 'Enregistrer l’avis de GTR', champs: { 'Date de l’avis de GTR': j(n) }, choix: { 'Sens de l’avis de GTR': 'favorable' } },
  {
    bouton: 'Enregistrer la décision de la CALEOL',
    champs: { 'Date de la CALEOL': j(n - 1) },
    choix: { 'Décision de la CALEOL': 'attribution' },
  },
];

async function pagesPdf(page: Page): Promise<number> {
  return (await PDFDocument.load(await page.pdf({ format: 'A4' }))).getPageCount();
}

describe.runIf(chromiumDisponible())('les propositions hors ligne', () => {
  const b = banc();
  let tablette: Tablette;

  it('mène un ménage de deux refus et une médiation au bail de la troisième proposition', async () => {
    tablette = await b.ouvrir();
    const page = tablette.page;
    page.setDefaultTimeout(15_000);
    await ouvrirApp(page, b.serveur.url);
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence des Essais');
    await couperReseau(tablette.context, b.serveur);
    await ouvrirApp(page);

    await creerMenage(page, 'Famille Propositions');
    await page.getByRole('link', { name: 'Orientation et propositions' }).click();
    await page.getByLabel('Circuit', { exact: true }).selectOption('gtr');
    await page.getByLabel('Date de la décision d’orientation').fill(j(70));
    await page.getByLabel('Décidée par (réunion, instance, partenaires)').fill('GTR du quartier');
    await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
    await page.getByText(/^Orientation actuelle :/).waitFor();

    // 1st proposal: refused by the household after the visit.
    await proposer(page, 'LOG-1', j(60));
    for (const e of [
      ...avisEtCaleol(59),
      { bouton: 'Enregistrer la visite', champs: { 'Date de la visite': j(57), 'Heure de la visite': '10:30' } },
      {
        bouton: 'Enregistrer la réponse du ménage',
        champs: { 'Date de la réponse du ménage': j(56), 'Précisions du ménage': 'Quatrième étage sans ascenseur' },
        choix: { 'Décision du ménage': 'refus', 'Motif du refus du ménage': 'etage' },
      },
    ])
      await etape(page, e);

    // 2nd proposal: no answer within the delay, which counts as a refusal.
    await proposer(page, 'LOG-2', j(50));
    for (const e of [
      ...avisEtCaleol(49),
      { bouton: 'Enregistrer la notification de l’offre', champs: { 'Date de notification de l’offre écrite': j(48) } },
      { bouton: 'Enregistrer la visite', champs: { 'Date de la visite': j(47) } },
      {
        bouton: 'Enregistrer la réponse du ménage',
        champs: { 'Date de la réponse du ménage': j(30) },
        choix: { 'Décision du ménage': 'sans_reponse' },
      },
    ])
      await etape(page, e);

    // The third needs the mediation first.
    await page.getByLabel('Logement proposé').selectOption('reference');
    await page.getByLabel('Référence du logement chez le bailleur').fill('LOG-3');
    await page.getByRole('button', { name: 'Faire la proposition' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'une médiation doit précéder la proposition n° 3' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Enregistrer une médiation' }).click();
    await page.getByLabel('Personnes présentes (une par ligne)').fill('M. Dupont, adjoint au maire\nMme Martin, bailleur');
    await page.getByLabel('Produit défini pour la troisième proposition').fill('T3 en rez-de-chaussée à Villefictive');
    await page.getByText('Médiation complète : la proposition suivante peut être faite.').waitFor();

    await page.getByRole('button', { name: 'Faire la proposition' }).click();
    await page.getByRole('button', { name: 'Enregistrer l’avis de GTR' }).waitFor();
    const etapes: Etape[] = [
      {
        bouton: 'Enregistrer l’avis de GTR',
        champs: { 'Date de l’avis de GTR': aujourdhui },
        choix: { 'Sens de l’avis de GTR': 'favorable' },
      },
      {
        bouton: 'Enregistrer la décision de la CALEOL',
        champs: { 'Date de la CALEOL': aujourdhui },
        choix: { 'Décision de la CALEOL': 'attribution' },
      },
      { bouton: 'Enregistrer la visite', champs: { 'Date de la visite': aujourdhui } },
      {
        bouton: 'Enregistrer la réponse du ménage',
        champs: { 'Date de la réponse du ménage': aujourdhui },
        choix: { 'Décision du ménage': 'acceptation' },
      },
      { bouton: 'Enregistrer la signature du bail', champs: { 'Date de signature du bail (date de relogement)': aujourdhui } },
    ];
    for (const e of etapes) await etape(page, e);

    await ouvrirApp(page);
    const le = dateEnLettres;
    for (const texte of [
      `Proposée le ${le(j(60))}`,
      `Avis de GTR le ${le(j(59))}`,
      `CALEOL du ${le(j(58))}`,
      `Visite le ${le(j(57))} à 10 h 30`,
      `Réponse du ménage le ${le(j(56))}`,
      `Proposée le ${le(j(50))}`,
      `Offre écrite notifiée le ${le(j(48))}`,
      `Visite le ${le(j(47))}`,
      `Réponse du ménage le ${le(j(30))}`,
      `Proposée le ${le(aujourdhui)}`,
      `Bail signé le ${le(aujourdhui)}`,
    ])
      await expect.poll(() => page.getByText(texte, { exact: true }).count(), { message: texte }).toBeGreaterThan(0);
    expect(await page.getByText('Refus du ménage : Étage ou absence d’ascenseur — Quatrième étage sans ascenseur').count()).toBe(1);
    expect(await page.getByText('Refus du ménage : sans réponse dans le délai').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Proposition n° 3/ }).textContent()).toContain('Proposition opposable');
    expect(await page.getByLabel('Produit défini pour la troisième proposition').inputValue()).toBe('T3 en rez-de-chaussée à Villefictive');

    await page.getByRole('link', { name: 'Fiche CALEOL' }).first().click();
    await page.getByRole('heading', { name: 'Fiche de présentation en CALEOL' }).waitFor();
    expect(await pagesPdf(page)).toBe(1);
    await page.getByRole('link', { name: '← Retour aux propositions' }).click();
    await page.getByRole('link', { name: 'Comparaison des propositions' }).click();
    await page.getByRole('heading', { name: 'Comparaison des propositions' }).waitFor();
    expect(await page.getByRole('columnheader', { name: /Proposition n° \d/ }).count()).toBe(3);
    expect(await pagesPdf(page)).toBe(1);

    // The lease starts the courtesy visits, shown in the agenda when this build has it.
    const agenda = menu(page, 'À faire');
    if ((await agenda.count()) > 0) {
      await agenda.click();
      await page.getByRole('heading', { level: 1, name: 'À faire' }).waitFor();
      await expect.poll(() => page.getByText('Visite de courtoisie n° 1', { exact: true }).count()).toBeGreaterThan(0);
    }
  }, 300_000);
});
