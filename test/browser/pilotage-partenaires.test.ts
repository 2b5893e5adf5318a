import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lireCsv, type EnregistrementsPilotage } from '../../src/domain/index.ts';
import { createOrganisation, createTerritory } from '../../src/server/accounts/accounts.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { chargerPilotage, suiviPar } from '../server/pilotage-chargement.ts';
import { ORGANISATION_A, ORGANISATION_B } from '../fixtures/pilotage.ts';
import { chromiumDisponible } from './chromium.ts';
import { inspecter } from './inspection.ts';
import { banc } from './banc.ts';
import { MOT_DE_PASSE, menu, seConnecter, synchroniser } from './parcours.ts';

// « Pilotage » for the partners of a territory, on the real server: the métropole reads the figures
// the server computes over both landlords of test/fixtures/pilotage.ts (first quarter 2026),
// aggregates only, and exports them; a landlord's partner account types its total lettings, which
// reach the métropole's yearly review after a sync.

const carte = (page: Page, libelle: string) =>
  page.getByRole('list', { name: 'Indicateurs' }).getByRole('listitem').filter({ hasText: libelle }).first();

async function ouvrirTrimestre(page: Page, titre: string) {
  await menu(page, 'Pilotage').click();
  await page.getByRole('heading', { level: 1, name: titre }).waitFor();
  await page.getByLabel('Trimestre contenant le').fill('2026-02-15');
  await page.getByText('Période : du 1er janvier 2026 au 31 mars 2026').waitFor();
  await page.getByRole('list', { name: 'Indicateurs' }).waitFor();
}

const voirOffres = (page: Page) => page.getByRole('heading', { level: 1, name: 'Offres du territoire' }).waitFor();

describe.runIf(chromiumDisponible())('le pilotage des partenaires du territoire', () => {
  const b = banc();

  it('la métropole lit les chiffres du territoire sans aucun ménage et les exporte ; le total d’un bailleur lui parvient', async () => {
    const db = b.serveur.actuel().db;
    await createTerritory(db, 'Métropole Essai', 'metropole');
    await createOrganisation(db, 'Métropole Essai', 'metropole', 'Métropole Essai');
    const compte = (organisation: string, role: 'encadrant' | 'chargé' | 'partenaire', email: string, kind = 'bailleur') =>
      createTestAccount(db, { organisation, role, email, kind, territory: 'Métropole Essai', name: email, password: MOT_DE_PASSE });
    const [nord, claire, sud, sofia] = [
      await compte('Habitat Nord', 'encadrant', 'enc@habitat-nord.test'),
      await compte('Habitat Nord', 'chargé', 'claire@habitat-nord.test'),
      await compte('Logis Sud', 'encadrant', 'enc@logis-sud.test'),
      await compte('Logis Sud', 'chargé', 'sofia@logis-sud.test'),
    ];
    await compte('Métropole Essai', 'partenaire', 'partenaire@metropole.test', 'metropole');
    await compte('Métropole Essai', 'encadrant', 'encadrant@metropole.test', 'metropole');
    await compte('Habitat Nord', 'partenaire', 'partenaire@habitat-nord.test');
    // Each offer keeps its landlord's organisation, as matched when it was typed (docs/pilotage.md).
    const bailleurs = new Map([
      ['Habitat Nord', nord.profile.organisation.id],
      ['Logis Sud', sud.profile.organisation.id],
    ]);
    const rattache = (d: EnregistrementsPilotage): EnregistrementsPilotage => ({
      ...d,
      offres: d.offres.map((o) => ({ ...o, bailleurId: bailleurs.get(o.bailleur) ?? null })),
    });
    await chargerPilotage(db, nord.profile, suiviPar(rattache(ORGANISATION_A), claire.profile.id));
    await chargerPilotage(db, sud.profile, suiviPar(rattache(ORGANISATION_B), sofia.profile.id));

    // The métropole's partner account: the territory's figures, computed by the server over both landlords.
    const metropole = (await b.ouvrir()).page;
    await seConnecter(metropole, b.serveur.url, 'partenaire@metropole.test', voirOffres);
    await ouvrirTrimestre(metropole, 'Pilotage du territoire');
    // 10 leases in the quarter across both organisations (test/domain/pilotage/indicateurs.test.ts).
    await expect.poll(() => carte(metropole, 'Relogements réalisés').locator('.chiffre-valeur').textContent()).toBe('10');
    expect(await carte(metropole, 'Relogements dans le neuf ou récent').textContent()).toContain('Objectif au moins 40 % : atteint');
    expect(await metropole.getByRole('button', { name: /^Voir les/ }).count()).toBe(0);
    // Accessible like every screen (axe-core, touch targets of 44 px, no sideways scrolling).
    expect(await inspecter(metropole, 'Pilotage du territoire')).toEqual([]);
    const page = (await metropole.locator('body').textContent()) ?? '';
    for (const m of [...ORGANISATION_A.menages, ...ORGANISATION_B.menages]) expect(page).not.toContain(m.nom);

    const telechargement = metropole.waitForEvent('download');
    await metropole.getByRole('button', { name: 'Indicateurs (CSV)' }).click();
    const texte = readFileSync(await (await telechargement).path(), 'utf8');
    expect(texte.charCodeAt(0)).toBe(0xfeff);
    const lignes = lireCsv(texte).map((l) => l.champs);
    expect(lignes).toContainEqual(['Période : du 1er janvier 2026 au 31 mars 2026']);
    for (const libelle of ['Relogements réalisés', 'Taux de transformation']) {
      const ligne = lignes.find((l) => l[0] === libelle);
      const affiche = await carte(metropole, libelle).locator('.chiffre-valeur').textContent();
      expect(ligne?.[2] === 'nombre' ? ligne[1] : `${ligne?.[1]} ${ligne?.[2]}`).toBe(affiche);
    }

    // A landlord's partner account types its own total lettings of 2026, dated and sourced, and syncs.
    const bailleur = (await b.ouvrir()).page;
    await seConnecter(bailleur, b.serveur.url, 'partenaire@habitat-nord.test', voirOffres);
    await ouvrirTrimestre(bailleur, 'Pilotage de mes logements');
    // Its dwellings, whoever relocated there: Logis Sud's household 20 in its offer 8 counts, its own
    // household 3 in Logis Sud's offer 3 does not (test/domain/pilotage/indicateurs.test.ts).
    await expect.poll(() => carte(bailleur, 'Relogements réalisés').locator('.chiffre-valeur').textContent()).toBe('6');
    expect(await carte(bailleur, 'Relogements interbailleurs').locator('.chiffre-valeur').textContent()).toContain('16,7');
    const bilan = bailleur.getByRole('region', { name: 'Bilan annuel 2026' });
    await bilan.getByRole('button', { name: 'Renseigner le total des attributions d’un bailleur' }).click();
    expect(await bilan.getByLabel('Bailleur (ligne 1)').inputValue()).toBe('Habitat Nord');
    await bilan.getByLabel('Attributions de l’année (ligne 1)').fill('50');
    await bilan.getByLabel('Chiffre donné le (ligne 1)').fill('2026-11-30');
    await bilan.getByLabel('Source (ligne 1)').fill('Bilan des attributions 2026');
    await bilan.getByText('Enregistré sur la tablette.').waitFor();
    expect(await inspecter(bailleur, 'Pilotage de mes logements')).toEqual([]);
    await synchroniser(bailleur);

    // The métropole's encadrant reads it in the yearly review the server computes.
    const encadrant = (await b.ouvrir()).page;
    await seConnecter(encadrant, b.serveur.url, 'encadrant@metropole.test', (p) =>
      p.getByRole('button', { name: 'Synchroniser maintenant' }).waitFor(),
    );
    await ouvrirTrimestre(encadrant, 'Pilotage du territoire');
    const part = encadrant.getByRole('table', { name: 'Part des attributions des bailleurs dédiée au relogement (2026)' });
    const ligne = part.getByRole('row').filter({ hasText: 'Habitat Nord' });
    await expect.poll(() => ligne.textContent()).toContain('Bilan des attributions 2026');
    expect(await ligne.textContent()).toContain('50');
  });
});
