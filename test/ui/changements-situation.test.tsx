import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { ChangementsSituation } from '../../src/ui/menage/ChangementsSituation.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, ajouterPersonne, creerMenage, creerPiece, modifierPiece } from '../../src/data/index.ts';
import { plusJours } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Charte §4 step 4 (seed 002_…): « La mise à jour des pièces doit se faire tous les 6 mois au
// minimum, et à chaque changement de situation ».

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});
const jour = aujourdhui();

describe('a change of situation on the household page', () => {
  it('a birth lists the livret de famille to renew until a new one is handed in', async () => {
    const db = new RelogementDb(`ui-changements-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const residence = await residenceDeTest(db, plusJours(jour, -200));
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, plusJours(jour, -200));
    const mere = await ajouterPersonne(db, menage.id, { prenom: 'Julie', nom: 'Martin', lien: 'titulaire' });
    const livret = await creerPiece(db, { menageId: menage.id, kind: 'livret_famille', personneId: null });
    await modifierPiece(db, livret.id, { statut: 'fournie', dateFournie: plusJours(jour, -90) });
    render(
      <BaseContext.Provider value={db}>
        <ChangementsSituation menageId={menage.id} personnes={[mere]} />
      </BaseContext.Provider>,
    );
    fireEvent.input(screen.getByLabelText('Date du changement'), { target: { value: plusJours(jour, 3) } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le changement' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Un changement de situation s’enregistre une fois survenu : la date ne peut pas être dans le futur.',
    );
    fireEvent.input(screen.getByLabelText('Date du changement'), { target: { value: plusJours(jour, -5) } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le changement' }));
    const liste = await screen.findByRole('list', { name: 'Changements enregistrés' });
    expect(await within(liste).findByText(/Livret de famille \(ou actes de naissance des enfants\) : remise le/)).toBeTruthy();
    await modifierPiece(db, livret.id, { dateFournie: jour });
    expect(await within(liste).findByText('Dossier et simulations à jour pour ce changement')).toBeTruthy();
  });
});
