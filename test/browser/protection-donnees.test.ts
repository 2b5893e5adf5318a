import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { createTestAccount, createTestResidence, seedHouseholds } from '../../src/server/testing.ts';
import { chromiumDisponible } from './chromium.ts';
import { banc } from './banc.ts';
import { inspecter } from './inspection.ts';
import { MOT_DE_PASSE, menu, seConnecter, voirMenage1 } from './parcours.ts';

// Issue 17: a tablet declared lost erases everything at its next contact and says why; the
// export of a household holds all that the server keeps about it.

/** What the tablet's database still holds: rows per table, aside the notice of the erasure and the summaries' format a new database has. */
const contenuLocal = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const ouverture = indexedDB.open('relogement');
        ouverture.onerror = () => reject(new Error('base illisible'));
        ouverture.onsuccess = () => {
          const base = ouverture.result;
          const tables = [...base.objectStoreNames];
          const tx = base.transaction(tables, 'readonly');
          const compte: Record<string, number> = {};
          for (const table of tables) {
            const lecture = tx.objectStore(table).getAllKeys();
            lecture.onsuccess = () => {
              const cles = (lecture.result as IDBValidKey[]).filter(
                (cle) => !(table === 'meta' && (cle === 'effacement' || cle === 'formatResumes')),
              );
              compte[table] = cles.length;
              if (table === 'meta' && cles.length > 0) compte[`meta:${cles.join(',')}`] = cles.length;
            };
          }
          tx.oncomplete = () => {
            base.close();
            resolve(compte);
          };
        };
      }),
  );

describe.runIf(chromiumDisponible())('protection des données sur la tablette', () => {
  const b = banc();

  it('efface une tablette déclarée perdue à sa prochaine synchronisation, et lui dit pourquoi', async () => {
    const { db } = b.serveur.actuel();
    const claire = await createTestAccount(db, {
      organisation: 'Bailleur P',
      role: 'chargé',
      name: 'Claire Perdue',
      email: 'claire@perdue.test',
      password: MOT_DE_PASSE,
    });
    await createTestAccount(db, {
      organisation: 'Bailleur P',
      role: 'encadrant',
      name: 'Nadia Encadrante',
      email: 'nadia@perdue.test',
      password: MOT_DE_PASSE,
    });
    await seedHouseholds(
      db,
      claire.profile,
      await createTestResidence(db, (await createTestAccount(db, { organisation: 'Bailleur P', role: 'encadrant' })).profile),
      2,
    );

    const tabletteClaire = await b.ouvrir();
    await seConnecter(tabletteClaire.page, b.serveur.url, 'claire@perdue.test', voirMenage1);
    await expect.poll(async () => (await contenuLocal(tabletteClaire.page)).menages).toBe(2);

    const tabletteNadia = await b.ouvrir();
    await seConnecter(tabletteNadia.page, b.serveur.url, 'nadia@perdue.test', voirMenage1);
    const nadia = tabletteNadia.page;
    await menu(nadia, 'Paramètres').click();
    const tablettes = nadia.getByRole('table', { name: /Dernière synchronisation réussie/ });
    const ligne = tablettes.getByRole('row').filter({ hasText: 'Claire Perdue' });
    await expect
      .poll(
        async () => {
          if ((await ligne.count()) === 0) await nadia.getByRole('button', { name: 'Actualiser' }).click();
          return ligne.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    // The encadrante's screens with the new actions pass the same checks as the others (issue 12).
    expect(await inspecter(nadia, 'Paramètres d’une encadrante')).toEqual([]);
    await ligne.getByRole('button', { name: 'Déclarer perdue' }).click();
    await ligne.getByRole('button', { name: 'Confirmer' }).click();
    await ligne.getByText(/Effacement demandé le .+ la tablette s’effacera à sa prochaine connexion/).waitFor();

    const page = tabletteClaire.page;
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await page
      .getByText('Cette tablette a été déclarée perdue par votre encadrant : toutes les données qu’elle contenait ont été effacées.')
      .first()
      .waitFor();
    const reste = await contenuLocal(page);
    expect(Object.entries(reste).filter(([, n]) => n > 0)).toEqual([]);
    await menu(page, 'Mes ménages').click();
    await expect.poll(() => page.getByRole('link', { name: /Ménage 1/ }).count()).toBe(0);
    await page.goto(`${b.serveur.url}#/connexion`);
    await page.getByRole('alert').filter({ hasText: 'déclarée perdue' }).waitFor();

    // The encadrante's list says the tablet received the order.
    await nadia.getByRole('button', { name: 'Actualiser' }).click();
    await ligne.getByText(/Effacée le .+ \(tablette déclarée perdue\)/).waitFor();
  });

  it('exporte tout ce que le serveur détient sur un ménage, en JSON et en PDF', async () => {
    const { db } = b.serveur.actuel();
    const chargee = await createTestAccount(db, { organisation: 'Bailleur E', role: 'chargé', name: 'Inès Export' });
    await createTestAccount(db, {
      organisation: 'Bailleur E',
      role: 'encadrant',
      name: 'Paul Encadrant',
      email: 'paul@export.test',
      password: MOT_DE_PASSE,
    });
    const [menageId] = await seedHouseholds(
      db,
      chargee.profile,
      await createTestResidence(db, (await createTestAccount(db, { organisation: 'Bailleur E', role: 'encadrant' })).profile),
      1,
    );

    const { page } = await b.ouvrir();
    await seConnecter(page, b.serveur.url, 'paul@export.test', voirMenage1);
    await page.getByRole('link', { name: /Ménage 1/ }).click();
    await page.getByRole('heading', { name: 'Données détenues sur le ménage' }).waitFor();
    expect(await inspecter(page, 'Ménage vu par un encadrant')).toEqual([]);
    const telecharger = async (bouton: string) => {
      const [fichier] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: bouton }).click()]);
      return readFileSync(await fichier.path());
    };
    const exporte = JSON.parse((await telecharger('Exporter (JSON complet)')).toString('utf8')) as {
      records: Record<string, Record<string, unknown>[]>;
    };

    // Every field the server stores for the household is in the export, with its value.
    const champs = await db.query<{ tbl: string; record_id: string; field: string; value: unknown }>(
      'select r.tbl, r.record_id, f.field, f.value from records r join fields f on f.rid = r.rid where r.menage_id = $1',
      [menageId],
    );
    expect(champs.length).toBeGreaterThan(10);
    for (const c of champs) {
      const record = exporte.records[c.tbl]?.find((r) => r.id === c.record_id);
      // A map's entry is named « map.key », and a key may hold dots itself.
      const point = c.field.indexOf('.');
      const [nom, cle] = point < 0 ? [c.field, undefined] : [c.field.slice(0, point), c.field.slice(point + 1)];
      const valeur = cle === undefined ? record?.[nom] : (record?.[nom] as Record<string, unknown> | undefined)?.[cle];
      expect(valeur, `${c.tbl}.${c.field}`).toEqual(c.value);
    }
    expect(exporte.records.personnes?.length).toBeGreaterThanOrEqual(1);
    expect(exporte.records.entretiens).toHaveLength(1);
    await page.getByRole('status').filter({ hasText: 'Export JSON téléchargé' }).waitFor();

    const pdf = await PDFDocument.load(await telecharger('Exporter (PDF lisible)'));
    expect(pdf.getTitle()).toBe(`Données détenues sur le ménage ${menageId}`);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  });
});
