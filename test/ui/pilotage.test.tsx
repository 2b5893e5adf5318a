import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import PilotageScreen from '../../src/ui/pilotage/PilotageScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, enregistrerOrganisationsTerritoire, enregistrerSession } from '../../src/data/index.ts';
import { idBilanAnnuel, trimestreDe, type Proposition } from '../../src/domain/index.ts';
import { ecrire, ecrireLot } from '../../src/data/ecriture.ts';
import { aujourdhui } from '../../src/ui/commun/contexte.ts';
import { ID_OPERATION_A, ORGANISATION_A, idMenage } from '../fixtures/pilotage.ts';

const HABITAT_NORD = '0190a6e0-0000-7000-8009-0000000000b1';

// « Pilotage » on the tablet of Habitat Nord (test/fixtures/pilotage.ts), offline: the figures of
// the first quarter 2026 worked out in test/domain/pilotage/indicateurs.test.ts.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

async function base(): Promise<RelogementDb> {
  const db = new RelogementDb(`ui-pilotage-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const d = ORGANISATION_A;
  await Promise.all([
    db.menages.bulkPut([...d.menages]),
    db.residences.bulkPut([...d.residences]),
    db.operations.bulkPut([...d.operations]),
    // The offers' rows of « Pilotage » are written with them (paquet-offres.ts).
    db.transaction('rw', [db.offres, db.offresPilotage], () => db.offres.bulkPut([...d.offres])),
    db.propositions.bulkPut([...d.propositions]),
    db.mediations.bulkPut([...d.mediations]),
    db.enquetes.bulkPut([...d.enquetes]),
    db.plansRelogement.bulkPut([...d.plansRelogement]),
  ]);
  return db;
}

const carte = (libelle: string) =>
  within(screen.getByRole('list', { name: 'Indicateurs' }))
    .getByText(libelle)
    .closest('li') as HTMLElement;

describe('the « Pilotage » screen', () => {
  it('shows the quarter’s figures with their objectives met or not, and the households behind a figure', async () => {
    const db = await base();
    render(
      <BaseContext.Provider value={db}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
    await screen.findByText('Période : du 1er janvier 2026 au 31 mars 2026');
    expect(within(carte('Relogements réalisés')).getByText('6')).toBeTruthy();
    expect(within(carte('Taux de transformation')).getByText('85,7 %')).toBeTruthy();
    expect(within(carte('Relogements dans le neuf ou récent')).getByText('Objectif au moins 40 % : non atteint')).toBeTruthy();
    expect(within(carte('Délai moyen de la mise à disposition au relogement')).getByText('34,8 jours')).toBeTruthy();
    fireEvent.click(within(carte('Refus des ménages')).getByRole('button', { name: 'Voir les 2 ménages' }));
    const liste = await screen.findByRole('region', { name: 'Ménages derrière « Refus des ménages »' });
    expect(
      within(liste)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Ménage 9', 'Ménage 10']);
    // Each chart comes with its table.
    expect(screen.getByRole('table', { name: 'Relogements par trimestre' }).textContent).toContain('T1 2026');
  });

  it('says so when the end of a custom period is before its start, and when a filter matches nothing', async () => {
    const db = await base();
    render(
      <BaseContext.Provider value={db}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    fireEvent.change(await screen.findByLabelText('Période'), { target: { value: 'personnalisee' } });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-03-31' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-01-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('La fin de la période précède son début : corrigez l’une des deux dates.');
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText('Typologie'), { target: { value: 'T6' } });
    await screen.findByText('Aucun ménage, logement ou relogement ne correspond à ces filtres sur la période.');
    expect(within(carte('Taux de transformation')).getByText('—')).toBeTruthy();
    expect(
      within(carte('Taux de transformation')).getByText('Sans valeur : aucun logement mis à disposition dans la période.'),
    ).toBeTruthy();
  });

  it('shows the plan against what was done, and saves the encadrant’s forecast as this quarter’s revision, refusing a negative number', async () => {
    const db = await base();
    render(
      <BaseContext.Provider value={db}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
    fireEvent.change(screen.getByLabelText('Opération'), { target: { value: ID_OPERATION_A } });
    // test/domain/pilotage/plan.test.ts: 8 relocations foreseen in 2026 by the February revision, 6 leases by 31 March.
    const compare = await screen.findByRole('table', { name: 'Relogements réalisés depuis janvier contre le plan de l’année' });
    expect(within(compare).getByRole('row', { name: 'T1 2026 8 6' })).toBeTruthy();
    const prevus = screen.getByLabelText('Relogements prévus, ligne 2');
    fireEvent.input(prevus, { target: { value: '-2' } });
    expect((await screen.findByText('Le nombre de relogements prévus ne peut pas être négatif.')).id).toBe('erreur-plan-prevus-1');
    expect(prevus.getAttribute('aria-invalid')).toBe('true');
    expect((prevus as HTMLInputElement).value).toBe('-2');
    expect(screen.getByText('Non enregistré : corrigez les champs signalés.')).toBeTruthy();
    expect(Object.keys((await db.plansRelogement.get(ID_OPERATION_A))?.revisions ?? {})).toEqual(['2025-T4', '2026-T1']);
    fireEvent.input(prevus, { target: { value: '5' } });
    const trimestre = trimestreDe(aujourdhui());
    await waitFor(async () => expect((await db.plansRelogement.get(ID_OPERATION_A))?.revisions[trimestre]?.lignes[1]?.prevus).toBe(5));
    const plan = await db.plansRelogement.get(ID_OPERATION_A);
    // The February revision is kept as it was.
    expect(plan?.revisions['2026-T1']?.lignes[1]?.prevus).toBe(3);
    expect(await db.outbox.where('table').equals('plansRelogement').count()).toBe(1);
  });

  it('reopened after a lease signed, shows the new figure, never the one of its previous opening', async () => {
    const db = new RelogementDb(`ui-pilotage-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    await ecrireLot(
      db,
      (['operations', 'residences', 'offres', 'menages', 'propositions'] as const).flatMap((table) =>
        ORGANISATION_A[table].map((record) => ({ table, record })),
      ),
    );
    const ouvrir = async () => {
      const vue = render(
        <BaseContext.Provider value={db}>
          <PilotageScreen />
        </BaseContext.Provider>,
      );
      fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
      await screen.findByText('Période : du 1er janvier 2026 au 31 mars 2026');
      return vue;
    };
    const premiere = await ouvrir();
    expect(within(carte('Relogements réalisés')).getByText('6')).toBeTruthy();
    premiere.unmount();
    // Household 10's third proposal, made on 31 March and still under way, ends in a lease that day.
    const enCours = ORGANISATION_A.propositions.find((p) => p.menageId === idMenage(10) && p.rang === 3)!;
    await ecrire<Proposition>(db, 'propositions', enCours.id, (p) => ({
      ...p!,
      reponse: { date: '2026-03-31', decision: 'acceptation', motif: null, commentaire: '' },
      bailSigneLe: '2026-03-31',
    }));
    await ouvrir();
    await waitFor(() => expect(within(carte('Relogements réalisés')).getByText('7')).toBeTruthy());
  });

  describe('the yearly review', () => {
    const connecter = (
      db: RelogementDb,
      role: 'encadrant' | 'chargé',
      nom: string,
      kind: 'plateforme' | 'metropole' | 'bailleur' | 'mous',
    ) =>
      enregistrerSession(db, {
        token: 'jeton',
        expiresAt: '2099-01-01T00:00:00Z',
        user: {
          id: '0190a6e0-0000-7000-8009-000000000001',
          email: 'x@relogement.invalid',
          name: 'Compte',
          role,
          organisation: { id: '0190a6e0-0000-7000-8009-000000000002', name: nom, kind, territory: null },
        },
      });
    const afficher = async (db: RelogementDb) => {
      render(
        <BaseContext.Provider value={db}>
          <PilotageScreen />
        </BaseContext.Provider>,
      );
      fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
      return screen.findByRole('region', { name: 'Bilan annuel 2026' });
    };

    // The platform's encadrant types the objectives on its tablet (the métropole's screen is the server's: test/ui/pilotage-serveur.test.tsx).
    it('lets the platform type a landlord’s objective, refusing a negative one at its field, and judges it met in colour and in words', async () => {
      const db = await base();
      await connecter(db, 'encadrant', 'Plateforme relogement Val-Clair', 'plateforme');
      const bilan = await afficher(db);
      // Without a total typed, the 11 % share says so rather than a number (charte §2.3).
      const part = within(bilan).getByRole('table', { name: 'Part des attributions des bailleurs dédiée au relogement (2026)' });
      expect(within(part).getAllByText('total des attributions non renseigné').length).toBe(4);
      fireEvent.click(within(bilan).getByRole('button', { name: 'Ajouter l’objectif d’un bailleur' }));
      fireEvent.input(within(bilan).getByLabelText('Bailleur (ligne 1)'), { target: { value: 'Habitat Nord' } });
      const objectif = within(bilan).getByLabelText('Relogements à réaliser (ligne 1)') as HTMLInputElement;
      fireEvent.input(objectif, { target: { value: '-1' } });
      expect((await within(bilan).findByRole('alert')).textContent).toBe('Objectif de relogements : le nombre ne peut pas être négatif.');
      expect(objectif.value).toBe('-1');
      expect(objectif.getAttribute('aria-invalid')).toBe('true');
      expect(await db.bilansAnnuels.count()).toBe(0);
      fireEvent.input(objectif, { target: { value: '5' } });
      await waitFor(async () => expect((await db.bilansAnnuels.get(idBilanAnnuel(2026)))?.objectifs['habitat-nord']?.objectif).toBe(5));
      // 2026 leases into Habitat Nord's dwellings on this tablet: households 1, 2, 4, 5 and 6.
      const table = await within(bilan).findByRole('table', { name: 'Objectifs annuels de relogement des bailleurs (2026)' });
      const resultat = within(table).getByText('atteint');
      expect(resultat.className).toBe('atteint');
      expect(within(table).getByRole('row', { name: 'Habitat Nord 5 5 0 atteint' })).toBeTruthy();
      expect(await db.outbox.where('table').equals('bilansAnnuels').count()).toBeGreaterThan(0);
    });

    it('lets the platform of a territory choose the landlord among the territory’s organisations, keeping its id', async () => {
      const db = await base();
      await connecter(db, 'encadrant', 'Plateforme relogement Val-Clair', 'plateforme');
      await enregistrerOrganisationsTerritoire(db, [
        { id: HABITAT_NORD, name: 'Habitat Nord', kind: 'bailleur' },
        { id: '0190a6e0-0000-7000-8009-0000000000b2', name: 'Habitat Nord-Est', kind: 'bailleur' },
        { id: '0190a6e0-0000-7000-8009-000000000002', name: 'Plateforme relogement Val-Clair', kind: 'plateforme' },
      ]);
      const bilan = await afficher(db);
      fireEvent.click(within(bilan).getByRole('button', { name: 'Ajouter l’objectif d’un bailleur' }));
      const choix = within(bilan).getByLabelText('Bailleur (ligne 1)') as HTMLSelectElement;
      // Only the territory's landlords are offered, by their names.
      expect([...choix.options].map((o) => o.text)).toEqual(['Choisir un bailleur du territoire', 'Habitat Nord', 'Habitat Nord-Est']);
      fireEvent.change(choix, { target: { value: HABITAT_NORD } });
      fireEvent.input(within(bilan).getByLabelText('Relogements à réaliser (ligne 1)'), { target: { value: '4' } });
      await waitFor(async () =>
        expect((await db.bilansAnnuels.get(idBilanAnnuel(2026)))?.objectifs[HABITAT_NORD]).toEqual({
          organisationId: HABITAT_NORD,
          bailleur: 'Habitat Nord',
          objectif: 4,
        }),
      );
    });

    it('lets a landlord type only its own total lettings, dated and sourced', async () => {
      const db = await base();
      await connecter(db, 'encadrant', 'Logis Sud', 'bailleur');
      const bilan = await afficher(db);
      expect(within(bilan).queryByRole('button', { name: 'Ajouter l’objectif d’un bailleur' })).toBeNull();
      fireEvent.click(within(bilan).getByRole('button', { name: 'Renseigner le total des attributions d’un bailleur' }));
      expect((within(bilan).getByLabelText('Bailleur (ligne 1)') as HTMLInputElement).readOnly).toBe(true);
      fireEvent.input(within(bilan).getByLabelText('Attributions de l’année (ligne 1)'), { target: { value: '10' } });
      expect(await within(bilan).findByText(/^Indiquez la source du chiffre/)).toBeTruthy();
      fireEvent.input(within(bilan).getByLabelText('Source (ligne 1)'), { target: { value: 'Bilan des attributions 2026' } });
      // Kept under the landlord's organisation id, whatever its name.
      await waitFor(async () =>
        expect(Object.keys((await db.bilansAnnuels.get(idBilanAnnuel(2026)))?.attributions ?? {})).toEqual([
          '0190a6e0-0000-7000-8009-000000000002',
        ]),
      );
      const part = await within(bilan).findByRole('table', { name: 'Part des attributions des bailleurs dédiée au relogement (2026)' });
      // Its total, without relocations on this tablet's offers matched to its id: 0 ÷ 10.
      await waitFor(() => expect(within(part).getByRole('row', { name: /^Logis Sud 0 0 10 .* 0 non atteint$/ })).toBeTruthy());
    });

    it('shows a chargée the review without anything to type', async () => {
      const db = await base();
      await connecter(db, 'chargé', 'Métropole de Val-Clair', 'metropole');
      const bilan = await afficher(db);
      expect(within(bilan).queryAllByRole('button')).toEqual([]);
      expect(within(bilan).queryAllByRole('textbox')).toEqual([]);
    });
  });
});
