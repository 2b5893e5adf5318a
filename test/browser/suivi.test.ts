import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { plusMois } from '../../src/domain/index.ts';
import { attendreServiceWorker, chromiumDisponible } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { banc } from './banc.ts';
import { ajouterResidence, couperReseau, creerMenage, menu, ouvrirApp } from './parcours.ts';

// Today as the tablet (Europe/Paris) sees it.
const AUJOURDHUI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const RELOGEMENT = plusMois(AUJOURDHUI, -2);
const NOM = 'Famille Suivi';

type VEvent = Record<string, string>;

/** The VEVENTs of an .ics file, lines unfolded, each property by name (parameters dropped). */
function lireIcs(texte: string): VEvent[] {
  const lignes = texte.replace(/\r\n[ \t]/g, '').split('\r\n');
  const evenements: VEvent[] = [];
  let courant: VEvent | null = null;
  for (const ligne of lignes) {
    if (ligne === 'BEGIN:VEVENT') courant = {};
    else if (ligne === 'END:VEVENT' && courant) {
      evenements.push(courant);
      courant = null;
    } else if (courant) {
      const i = ligne.indexOf(':');
      courant[ligne.slice(0, i).split(';')[0] ?? ''] = ligne
        .slice(i + 1)
        .replace(/\\([,;\\])/g, '$1')
        .replace(/\\n/gi, '\n');
    }
  }
  return evenements;
}

async function telechargerIcs(page: Page, bouton: () => Promise<void>): Promise<string> {
  const [telechargement] = await Promise.all([page.waitForEvent('download'), bouton()]);
  const chemin = await telechargement.path();
  return readFileSync(chemin, 'utf8');
}

const evenement = (page: Page, libelle: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByText(libelle, { exact: true }) })
    .filter({ hasText: NOM });
const compact = (iso: string) => iso.replaceAll('-', '');

describe.runIf(chromiumDisponible())('le suivi après relogement', () => {
  const b = banc();
  let tablette: Tablette;

  it('planifie les visites et l’enquête, fait la première visite hors ligne et exporte le plan en .ics', async () => {
    tablette = await b.ouvrir();
    const { page } = tablette;
    await ouvrirApp(page, b.serveur.url);
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence du Suivi');
    await creerMenage(page, NOM);
    await page.getByLabel('Date de relogement (signature du bail)').fill(RELOGEMENT);
    await expect.poll(() => page.getByRole('button', { name: /Compte rendu de la visite n°/ }).count()).toBe(3);

    await menu(page, 'À faire').click();
    await page.getByRole('heading', { level: 1, name: 'À faire' }).waitFor();
    for (const libelle of [
      'Visite de courtoisie n° 1',
      'Visite de courtoisie n° 2',
      'Visite de courtoisie n° 3',
      'Enquête de satisfaction',
    ]) {
      await expect.poll(() => evenement(page, libelle).count()).toBe(1);
    }
    await page.getByRole('button', { name: 'Par semaine' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Semaine du / }).count()).toBeGreaterThan(1);

    await couperReseau(tablette.context, b.serveur);
    await evenement(page, 'Visite de courtoisie n° 1').getByRole('button', { name: 'Marquer faite : compte rendu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visite de courtoisie n° 1' }).waitFor();
    await page.getByRole('group', { name: 'Issue' }).getByLabel('Réalisée').check();
    await page.getByLabel('Jour de la visite (réalisée ou tentée)').fill(AUJOURDHUI);
    await page.getByRole('group', { name: 'Taille' }).getByLabel('Adaptée').check();
    await expect.poll(() => page.getByText(/précisez le jour/).count()).toBe(0);

    await menu(page, 'À faire').click();
    await expect.poll(() => evenement(page, 'Visite de courtoisie n° 2').count()).toBe(1);
    expect(await evenement(page, 'Visite de courtoisie n° 1').count()).toBe(0);

    await page.getByLabel('Dans le calendrier exporté, nommer le ménage par').selectOption('nom');
    const plan = lireIcs(await telechargerIcs(page, () => page.getByRole('button', { name: 'Exporter tout le plan (.ics)' }).click()));
    const suivi = plan.filter((e) => e.SUMMARY?.endsWith(`— ${NOM}`)).map((e) => [e.SUMMARY, e.DTSTART]);
    expect(suivi).toEqual([
      [`Visite de courtoisie n° 2 — ${NOM}`, compact(plusMois(RELOGEMENT, 4))],
      [`Visite de courtoisie n° 3 — ${NOM}`, compact(plusMois(RELOGEMENT, 6))],
      [`Enquête de satisfaction — ${NOM}`, compact(plusMois(RELOGEMENT, 6))],
    ]);
    expect(plan.every((e) => e.UID?.endsWith('@relogement'))).toBe(true);

    const seul = lireIcs(
      await telechargerIcs(page, () => evenement(page, 'Enquête de satisfaction').getByRole('button', { name: 'Exporter (.ics)' }).click()),
    );
    expect(seul.map((e) => [e.SUMMARY, e.DTSTART, e.CATEGORIES])).toEqual([
      [`Enquête de satisfaction — ${NOM}`, compact(plusMois(RELOGEMENT, 6)), 'Enquête de satisfaction'],
    ]);
  });
});
