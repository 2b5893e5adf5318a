import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import PilotageScreen from '../../src/ui/pilotage/PilotageScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb } from '../../src/data/index.ts';
import { trimestreDe } from '../../src/domain/index.ts';
import { aujourdhui } from '../../src/ui/commun/contexte.ts';
import { ID_OPERATION_A, ORGANISATION_A } from '../fixtures/pilotage.ts';

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
    db.offres.bulkPut([...d.offres]),
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
});
