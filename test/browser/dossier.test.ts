import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import { attendreServiceWorker, chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { couperReseau, MOT_DE_PASSE, ouvrirApp, seConnecter, voirMenage1 } from './parcours.ts';

// Issue 6: a piece photographed offline keeps its pages across a reload, reaches another device of
// the same officer with identical pages (same SHA-256), and the dossier exports as one PDF.
const PIECE = 'Numéro unique de demande de logement social (attestation)';

const connecter = (page: Page, url: string) => seConnecter(page, url, 'claire@exemple.test', voirMenage1);

async function ouvrirDossier(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Ménage 1/ }).click();
  await page.getByRole('link', { name: /Dossier administratif/ }).click();
  await page.getByRole('heading', { name: /Dossier administratif/, level: 1 }).waitFor();
}

/** Three different JPEG "scans" made by the page itself (an OffscreenCanvas), as the camera would give them. */
async function photos(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const octets = await page.evaluate(async () => {
    const sorties: number[][] = [];
    for (let i = 1; i <= 3; i++) {
      const c = new OffscreenCanvas(1200, 1600);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 1200, 1600);
      ctx.fillStyle = `hsl(${i * 100}, 60%, 40%)`;
      ctx.font = '120px sans-serif';
      ctx.fillText(`Page ${i}`, 200, 400 + i * 200);
      sorties.push(Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())));
    }
    return sorties;
  });
  return octets.map((o, i) => ({ name: `page-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(o) }));
}

const miniatures = (page: Page) => page.getByRole('list', { name: `Pages de ${PIECE}` }).locator('img');

/** The SHA-256 of what each thumbnail actually shows, read back from its object URL. */
async function empreintesAffichees(page: Page): Promise<string[]> {
  return miniatures(page).evaluateAll(async (imgs) =>
    Promise.all(
      (imgs as HTMLImageElement[]).map(async (img) => {
        const digest = await crypto.subtle.digest('SHA-256', await (await fetch(img.src)).arrayBuffer());
        return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      }),
    ),
  );
}

describe.runIf(chromiumDisponible())('le dossier administratif sur deux tablettes', () => {
  let serveur: Serveur;
  let a: Tablette;
  let b: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur();
    const { db } = serveur.actuel();
    const claire = await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'chargé',
      name: 'Claire Exemple',
      email: 'claire@exemple.test',
      password: MOT_DE_PASSE,
    });
    const encadrant = await createTestAccount(db, { organisation: 'Bailleur A', role: 'encadrant', name: 'Encadrante' });
    const residence = await createTestResidence(db, encadrant.profile);
    await seedHouseholds(db, claire.profile, residence, 1);
    [a, b] = await Promise.all([ouvrirTablette(), ouvrirTablette()]);
  });
  afterAll(async () => {
    await Promise.all([fermerTablette(a), fermerTablette(b)]);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('photographie une pièce de 3 pages hors ligne, la retrouve après rechargement, puis sur la deuxième tablette', async () => {
    await connecter(a.page, serveur.url);
    await attendreServiceWorker(a.page);
    await couperReseau(a.context, serveur);
    await ouvrirDossier(a.page);

    await a.page.getByLabel(`Importer : ${PIECE}`).setInputFiles(await photos(a.page));
    await expect.poll(() => miniatures(a.page).count(), { timeout: 20_000 }).toBe(3);
    const hashes = await a.page
      .getByRole('list', { name: `Pages de ${PIECE}` })
      .locator('[data-hash]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-hash')));

    await ouvrirApp(a.page);
    await a.page.getByRole('heading', { name: /Dossier administratif/, level: 1 }).waitFor();
    await expect.poll(() => miniatures(a.page).count()).toBe(3);
    await expect.poll(() => empreintesAffichees(a.page)).toEqual(hashes);

    await serveur.relancer();
    await a.context.setOffline(false);
    await a.page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect
      .poll(
        () =>
          a.page
            .getByRole('status')
            .filter({ hasText: /Synchronisé à \d\d:\d\d/ })
            .filter({ hasNotText: 'en attente' })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);

    await connecter(b.page, serveur.url);
    await ouvrirDossier(b.page);
    await expect.poll(() => miniatures(b.page).count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => empreintesAffichees(b.page), { timeout: 20_000 }).toEqual(hashes);
  });

  it('exporte le dossier en un PDF : la page de garde puis chaque page', async () => {
    const telechargement = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Exporter le dossier en PDF' }).click();
    const fichier = await telechargement;
    const chemin = await fichier.path();
    const { readFileSync } = await import('node:fs');
    const pdf = await PDFDocument.load(readFileSync(chemin));
    expect(pdf.getPageCount()).toBe(1 + 3);
  });
});
