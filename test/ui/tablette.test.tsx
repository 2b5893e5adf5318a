import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import AccessibiliteScreen from '../../src/ui/accessibilite/AccessibiliteScreen.tsx';
import DossierScreen from '../../src/ui/dossier/DossierScreen.tsx';
import { lien, lireRoute } from '../../src/ui/app/route.ts';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, ajouterPersonne, creerMenage } from '../../src/data/index.ts';
import { plusMois } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Issue 12: the accessibility statement, and a screen reader's regions that stay distinct.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

describe('the accessibility statement', () => {
  it('has its own route', () => {
    expect(lireRoute(lien.accessibilite())).toEqual({ ecran: 'accessibilite' });
  });

  it('states the level without an audit, how the app is tested, and whom to contact', () => {
    render(<AccessibiliteScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'État de conformité' })).getByText('non conforme')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Comment l’accessibilité est vérifiée' })).getByText(/axe-core/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Retour d’information et contact' })).getByText(/signalez-le/)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Voies de recours' })).getByText(/Défenseur des droits, Libre réponse 71120/),
    ).toBeTruthy();
  });
});

describe('the dossier of a household whose occupants share a name', () => {
  it('names each occupant’s section differently', async () => {
    const db = new RelogementDb(`ui-tablette-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const jour = aujourdhui();
    const residence = await residenceDeTest(db, plusMois(jour, -12));
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, jour);
    await ajouterPersonne(db, menage.id, { prenom: 'Léa', nom: 'Martin', lien: 'titulaire', dateNaissance: '1980-05-12' });
    await ajouterPersonne(db, menage.id, { prenom: 'Léa', nom: 'Martin', lien: 'enfant', dateNaissance: '2004-02-03' });
    render(
      <BaseContext.Provider value={db}>
        <DossierScreen id={menage.id} />
      </BaseContext.Provider>,
    );
    expect(await screen.findByRole('region', { name: 'Léa Martin (1)' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Léa Martin (2)' })).toBeTruthy();
  });
});
