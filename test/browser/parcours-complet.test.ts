import { describe, expect, it } from 'vitest';
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { Page } from 'playwright-core';
import { dateEnLettres, dernierJour, jourIso, plusJours, plusMois } from '../../src/domain/index.ts';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { banc } from './banc.ts';
import { ajouterResidence, couperReseau, creerMenage, menu, ouvrirApp } from './parcours.ts';

// One household through the whole path, offline (charte §3.2 to §3.4, §4 steps 11 to 13; CCH
// L442-6): three proposals, the third refused after the congé served with it and its six months
// run out, the file handed to the legal follow-up; a temporary dwelling, then the final one; the
// move checklist with an invoice paid back; the courtesy visits counted from the final lease.
const aujourdhui = jourIso(new Date());
const j = (n: number) => plusJours(aujourdhui, -n);
const le = dateEnLettres;
const longue = (iso: string) => format(parseISO(iso), 'd MMMM yyyy', { locale: fr });

type Etape = { bouton: string; champs?: Record<string, string>; choix?: Record<string, string> };

async function etape(page: Page, e: Etape): Promise<void> {
  for (const [libelle, valeur] of Object.entries(e.champs ?? {})) await page.getByLabel(libelle, { exact: true }).fill(valeur);
  for (const [libelle, valeur] of Object.entries(e.choix ?? {})) await page.getByLabel(libelle, { exact: true }).selectOption(valeur);
  const bouton = page.getByRole('button', { name: e.bouton });
  await bouton.click();
  await expect.poll(() => bouton.count(), { message: `${e.bouton} : ${await page.getByRole('alert').allTextContents()}` }).toBe(0);
}

async function proposer(page: Page, reference: string, date: string, nature: 'definitif' | 'temporaire' = 'definitif'): Promise<void> {
  await page.getByLabel('Logement proposé').selectOption('reference');
  await page.getByLabel('Référence du logement chez le bailleur').fill(reference);
  await page.getByLabel('Type de relogement').selectOption(nature);
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
const visite = (n: number): Etape => ({ bouton: 'Enregistrer la visite', champs: { 'Date de la visite': j(n) } });
const refus = (n: number, motif: string): Etape => ({
  bouton: 'Enregistrer la réponse du ménage',
  champs: { 'Date de la réponse du ménage': j(n) },
  choix: { 'Décision du ménage': 'refus', 'Motif du refus du ménage': motif },
});
const jusquAuBail = (n: number): Etape[] => [
  ...avisEtCaleol(n),
  visite(n - 2),
  {
    bouton: 'Enregistrer la réponse du ménage',
    champs: { 'Date de la réponse du ménage': j(n - 3) },
    choix: { 'Décision du ménage': 'acceptation' },
  },
  { bouton: 'Enregistrer la signature du bail', champs: { 'Date de signature du bail (date de relogement)': j(n - 5) } },
];

describe.runIf(chromiumDisponible())('le parcours complet d’un ménage', () => {
  const b = banc();
  let tablette: Tablette;

  it('mène un ménage du troisième refus et du congé au relogement temporaire, puis définitif, au déménagement remboursé et aux visites de courtoisie', async () => {
    tablette = await b.ouvrir();
    const page = tablette.page;
    page.setDefaultTimeout(15_000);
    await ouvrirApp(page, b.serveur.url);
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence du Parcours');
    await couperReseau(tablette.context, b.serveur);
    await ouvrirApp(page);

    await creerMenage(page, 'Famille Parcours');
    const fiche = page.url();
    await page.getByRole('link', { name: 'Orientation et propositions' }).click();
    await page.getByLabel('Circuit', { exact: true }).selectOption('gtr');
    await page.getByLabel('Date de la décision d’orientation').fill(j(300));
    await page.getByLabel('Décidée par (réunion, instance, partenaires)').fill('GTR du quartier');
    await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
    await page.getByText(/^Orientation actuelle :/).waitFor();

    // Two refusals, then the mediation.
    await proposer(page, 'LOG-1', j(290));
    for (const e of [...avisEtCaleol(289), visite(287), refus(286, 'etage')]) await etape(page, e);
    await proposer(page, 'LOG-2', j(270));
    for (const e of [...avisEtCaleol(269), visite(267), refus(266, 'loyer_charges')]) await etape(page, e);
    await page.getByRole('button', { name: 'Enregistrer une médiation' }).click();
    await page.getByLabel('Date de la médiation').fill(j(255));
    await page.getByLabel('Personnes présentes (une par ligne)').fill('M. Dupont, adjoint au maire\nMme Martin, bailleur');
    await page.getByLabel('Produit défini pour la troisième proposition').fill('T3 en rez-de-chaussée');
    await page.getByText('Médiation complète : la proposition suivante peut être faite.').waitFor();

    // The third, binding proposal goes with the congé, by registered letter; the household refuses it.
    await proposer(page, 'LOG-3', j(250));
    for (const e of [
      ...avisEtCaleol(249),
      {
        bouton: 'Enregistrer le congé',
        champs: {
          'Congé envoyé le': j(247),
          'Congé remis le (date de l’accusé de réception ou de l’acte)': j(245),
          'Preuve de remise (n° de l’accusé de réception, référence de l’acte)': 'AR 1A 234 567 8901 2',
        },
        choix: { 'Mode de remise du congé': 'lettre_recommandee' },
      },
      visite(244),
      refus(240, 'localisation'),
    ])
      await etape(page, e);
    const fin = plusMois(j(245), 6);
    await page.getByText(`Congé remis le ${le(j(245))}`, { exact: true }).waitFor();
    const horloge = page.getByText(/^Fin du droit au maintien dans les lieux le/);
    expect(await horloge.textContent()).toBe(`Fin du droit au maintien dans les lieux le ${le(fin)} Délai écoulé`);

    // Six months on, the file goes to the legal follow-up with its papers, ticked by default.
    await etape(page, {
      bouton: 'Transmettre le dossier',
      champs: { 'Dossier transmis le': j(40), 'Transmis à (service juridique, avocat…)': 'Service contentieux du bailleur' },
    });
    await page.getByText(`Dossier transmis le ${le(j(40))} à la suite juridique`, { exact: true }).waitFor();
    expect(await horloge.count()).toBe(0);

    // A temporary dwelling: its lease does not relocate the household, no courtesy visit yet.
    await proposer(page, 'TEMP-1', j(35), 'temporaire');
    for (const e of jusquAuBail(34)) await etape(page, e);
    await page.getByText(new RegExp(`dans un logement temporaire depuis le ${le(j(29))}`)).waitFor();
    await page.getByRole('button', { name: 'Ouvrir la liste du déménagement' }).click();
    await page.getByRole('region', { name: 'Déménagement vers le logement temporaire' }).getByLabel('Date du déménagement').waitFor();
    await ouvrirApp(page, fiche);
    expect(await page.getByLabel('Date de relogement (signature du bail)').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: /Compte rendu de la visite n°/ }).count()).toBe(0);

    // The final dwelling.
    await page.getByRole('link', { name: 'Orientation et propositions' }).click();
    await proposer(page, 'LOG-4', j(25));
    for (const e of jusquAuBail(24)) await etape(page, e);
    await page.getByText(new RegExp(`relogé, bail signé le ${le(j(19))}`)).waitFor();

    // Its move: the mail forwarding invoice paid back within the 8 days.
    await page.getByRole('button', { name: 'Ouvrir la liste du déménagement' }).click();
    const definitif = page.getByRole('region', { name: 'Déménagement vers le logement définitif' });
    await definitif.getByLabel('Date du déménagement').fill(j(18));
    const courrier = definitif.locator('details', { hasText: 'Transfert du courrier pendant 6 mois' });
    await courrier.locator('summary').click();
    await courrier.getByLabel('Montant de la facture (€) — Transfert du courrier pendant 6 mois').fill('54');
    await courrier.getByLabel('Facture remise par le ménage le — Transfert du courrier pendant 6 mois').fill(j(12));
    // Charte §3.2: 8 days from the invoice, a last day on a weekend or holiday moved to the next working day.
    await expect
      .poll(() => courrier.getByText(/^À rembourser au ménage au plus tard le/).textContent())
      .toContain(le(dernierJour(j(12), { nombre: 8, unite: 'jours' })));
    await courrier.getByLabel('Remboursé au ménage le — Transfert du courrier pendant 6 mois').fill(j(6));
    await courrier.getByText(`Remboursé le ${le(j(6))}.`, { exact: true }).waitFor();

    // Everything is still there after a reload, both moves listed.
    await ouvrirApp(page);
    await definitif.locator('details', { hasText: 'Transfert du courrier pendant 6 mois' }).locator('summary').click();
    await definitif.getByText(`Remboursé le ${le(j(6))}.`, { exact: true }).waitFor();
    expect(await definitif.getByLabel('Date du déménagement').inputValue()).toBe(j(18));
    expect(await page.getByRole('region', { name: /^Déménagement vers le logement/ }).count()).toBe(2);

    // The courtesy visits count from the final lease, not the temporary one.
    await ouvrirApp(page, fiche);
    expect(await page.getByLabel('Date de relogement (signature du bail)').inputValue()).toBe(j(19));
    await expect.poll(() => page.getByRole('button', { name: /Compte rendu de la visite n°/ }).count()).toBe(3);
    await page.getByText(`Visite de courtoisie n° 1 — échéance le ${longue(plusMois(j(19), 2))}`, { exact: false }).waitFor();
    await menu(page, 'À faire').click();
    await page.getByRole('heading', { level: 1, name: 'À faire' }).waitFor();
    await expect.poll(() => page.getByText('Visite de courtoisie n° 1', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Rembourser le ménage/).count()).toBe(0);
  }, 300_000);
});
