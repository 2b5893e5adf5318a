import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import SimulationScreen from '../../src/ui/simulation/SimulationScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { lireRoute } from '../../src/ui/app/route.ts';
import { RelogementDb, creerMenage, creerOffre, modifierOffre } from '../../src/data/index.ts';
import { residenceDeTest } from '../data/base.ts';

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
  history.replaceState(null, '', '#/');
});

async function preparer() {
  const db = new RelogementDb(`ui-simulation-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, aujourdhui());
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, aujourdhui());
  const offre = await modifierOffre(db, (await creerOffre(db)).id, {
    adresse: '40 boulevard de l’Union',
    commune: 'Roubaix',
    typologie: 'T3',
    surface: 65,
    loyer: 400,
    charges: 100,
  });
  return { db, menage, offre };
}

/** The screen as the app shows it for the current address. */
function ecranDeLAdresse(db: RelogementDb) {
  const route = lireRoute(location.hash);
  if (route.ecran !== 'simulation') throw new Error(`not a simulation address: ${location.hash}`);
  return (
    <BaseContext.Provider value={db}>
      <SimulationScreen menageId={route.menageId} offreId={route.offreId} />
    </BaseContext.Provider>
  );
}

describe('the simulation screen', () => {
  it('keeps the chosen offer in the address, so a reload shows it again', async () => {
    const { db, menage, offre } = await preparer();
    history.replaceState(null, '', `#/simulation/${menage.id}`);
    const vue = render(ecranDeLAdresse(db));
    const liste = await screen.findByLabelText('Logement proposé');
    await waitFor(() => expect(within(liste).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(liste, { target: { value: offre.id } });
    expect(location.hash).toBe(`#/simulation/${menage.id}/${offre.id}`);

    // A reload: the screen starts again from the address alone.
    vue.unmount();
    render(ecranDeLAdresse(db));
    await waitFor(() => expect(screen.getByLabelText('Logement proposé')).toHaveProperty('value', offre.id));
    const proposee = within(screen.getByRole('group', { name: 'Logement proposé' }));
    expect(proposee.getByLabelText('Loyer (€)')).toHaveProperty('value', '400');
  });

  it('shows no error before the officer types, then names the missing figure in words', async () => {
    const { db, menage } = await preparer();
    history.replaceState(null, '', `#/simulation/${menage.id}`);
    render(ecranDeLAdresse(db));
    const proposee = within(await screen.findByRole('group', { name: 'Logement proposé' }));
    expect(proposee.queryByText(/^Indiquez/)).toBeNull();
    expect(screen.queryByText(/corrigez les chiffres signalés/)).toBeNull();

    const apl = proposee.getByLabelText('APL (€)');
    fireEvent.input(apl, { target: { value: '1' } });
    fireEvent.input(apl, { target: { value: '' } });
    expect(proposee.getByText('Indiquez l’APL du logement proposé.')).toBeTruthy();
    expect(proposee.queryByText('Indiquez le loyer du logement proposé.')).toBeNull();
  });
});
