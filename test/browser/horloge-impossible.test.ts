import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import { chromiumDisponible, fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';
import { ouvrirApp, saisiesEnregistrees, synchronise } from './parcours.ts';

// An older server stored a well-formed clock that names no instant. A tablet that pulls it must
// still save, and its next edit of the field must replace it on the server.

const MOT_DE_PASSE = 'relogement-essai-2026';
const IMPOSSIBLE = '9999-99-99T99:99:99.999Z-0000-0123456789abcdef';

describe.runIf(chromiumDisponible())('une horloge impossible reçue du serveur', () => {
  let serveur: Serveur;
  let tablette: Tablette;
  let menageId = '';

  beforeAll(async () => {
    serveur = await demarrerServeur();
    const { db } = serveur.actuel();
    const claire = await createTestAccount(db, {
      organisation: 'Bailleur A',
      role: 'encadrant',
      name: 'Claire Exemple',
      email: 'claire@exemple.test',
      password: MOT_DE_PASSE,
    });
    const residence = await createTestResidence(db, claire.profile);
    [menageId = ''] = await seedHouseholds(db, claire.profile, residence, 1);
    // Written straight into the database, past the checks, as an older server would have stored it.
    await db.query(
      `with next as (update sync_state set seq = seq + 1 returning seq)
       update fields set value = '"06 00 00 00 00"', hlc = $1, seq = (select seq from next)
       where field = 'telephone' and rid = (select rid from records where tbl = 'menages' and record_id = $2)`,
      [IMPOSSIBLE, menageId],
    );
    tablette = await ouvrirTablette();
  });
  afterAll(async () => {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  });

  it('ne bloque pas la tablette, et sa modification suivante remplace la valeur sur le serveur', async () => {
    const { page } = tablette;
    await ouvrirApp(page, serveur.url);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse électronique').fill('claire@exemple.test');
    await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: /Ménage 1/ }).click();
    await expect.poll(() => page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('06 00 00 00 00');

    const telephone = page.getByLabel('Téléphone', { exact: true });
    await telephone.fill('06 11 11 11 11');
    await telephone.blur();
    // The header said « Synchronisé » before the edit: wait until it counts the edit as waiting.
    await saisiesEnregistrees(page);
    await page.getByRole('status').filter({ hasText: '1 modification en attente' }).waitFor();
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect.poll(() => synchronise(page).count(), { timeout: 20_000 }).toBe(1);

    const [stocke] = await serveur
      .actuel()
      .db.query<{ value: unknown; hlc: string }>(
        `select value, hlc from fields where field = 'telephone' and rid = (select rid from records where tbl = 'menages' and record_id = $1)`,
        [menageId],
      );
    expect(stocke?.value).toBe('06 11 11 11 11');
    expect(stocke?.hlc).not.toBe(IMPOSSIBLE);
  });
});
