import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import PilotageScreen from '../../src/ui/pilotage/PilotageScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb } from '../../src/data/index.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';

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
});
