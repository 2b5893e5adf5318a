import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../../src/server/testing.ts';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import { attendreServiceWorker, chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { ajouterResidence, creerMenage, deverrouiller, menu, MOT_DE_PASSE, seConnecter } from './parcours.ts';

// An older tablet (docs/sync.md, « Version du protocole »): the server has moved to a newer
// protocol (a test setting makes it refuse this build's version), so the tablet is told to update
// and keeps its changes, counted on screen; once the new version is installed, they reach the server.

describe.runIf(chromiumDisponible())('une tablette restée à la version précédente', () => {
  let serveur: Serveur;
  let tablette: Tablette;

  beforeAll(async () => {
    serveur = await demarrerServeur({}, { oldestProtocolVersion: PROTOCOL_VERSION + 1 });
    await createTestAccount(serveur.actuel().db, {
      organisation: 'Bailleur A',
      role: 'encadrant',
      name: 'Inès Encadrante',
      email: 'ines@exemple.test',
      password: MOT_DE_PASSE,
    });
    tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  });
  afterAll(async () => {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  const menagesSurLeServeur = async () =>
    (
      await serveur
        .actuel()
        .db.query<{ n: number }>(`select count(*)::int as n from fields where field = 'nom' and value = '"Famille Patiente"'`)
    )[0]?.n;

  it('est invitée à se mettre à jour sans rien perdre, puis envoie ses modifications une fois à jour', async () => {
    const { page } = tablette;
    const etat = page.getByRole('status').filter({ hasText: 'Mise à jour requise' });
    await seConnecter(page, serveur.url, 'ines@exemple.test', () => etat.waitFor());
    await attendreServiceWorker(page);
    await ajouterResidence(page, 'Résidence Ancienne');
    await creerMenage(page, 'Famille Patiente');

    // The sync that follows the changes is refused: the header says why and counts what waits.
    await etat.filter({ hasText: /modifications en attente/ }).waitFor();
    const texte = (await etat.first().textContent()) ?? '';
    expect(texte).toMatch(/installez la nouvelle version de l’application pour synchroniser\. Rien n’est perdu\./);
    expect(Number(/(\d+) modifications en attente/.exec(texte)?.[1])).toBeGreaterThan(5);
    expect(await menagesSurLeServeur()).toBe(0);
    await page
      .getByRole('link', { name: /Famille Patiente/ })
      .or(page.getByRole('heading', { name: /Famille Patiente/ }))
      .first()
      .waitFor();

    // The update: the server serves the new build, which speaks its protocol.
    await serveur.arreter();
    await serveur.relancer({});
    appendFileSync(join(serveur.dist, 'sw.js'), `\n// version suivante ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await page.evaluate(() => Object.assign(window, { marqueur: 'ancienne version' }));
    await menu(page, 'Mes ménages').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { marqueur?: string }).marqueur ?? 'rechargée'), { timeout: 15_000 })
      .toBe('rechargée');
    await deverrouiller(page);

    await page
      .getByRole('status')
      .filter({ hasText: /Synchronisé à/ })
      .waitFor({ timeout: 30_000 });
    expect(await menagesSurLeServeur()).toBe(1);
    await page.getByRole('link', { name: /Famille Patiente/ }).waitFor();
  });
});
