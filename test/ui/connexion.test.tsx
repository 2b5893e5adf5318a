import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import Connexion from '../../src/ui/synchro/Connexion.tsx';
import Reconnexion from '../../src/ui/verrou/Reconnexion.tsx';
import { BaseContext, MoteurContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb } from '../../src/data/index.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';

// The header's login and the lock screen's new login share one hook (src/ui/commun/useConnexion.ts):
// the same check of the fields and the same words for a failure, the typed address kept.

const noms: string[] = [];
afterEach(async () => {
  for (const nom of noms.splice(0)) await new RelogementDb(nom).delete();
});
function nouvelleBase() {
  const nom = `ui-connexion-${Math.random().toString(36).slice(2)}`;
  noms.push(nom);
  return new RelogementDb(nom);
}
/** Nothing listens on port 9 here: the server is out of reach, as in a stairwell. */
const INJOIGNABLE = 'http://127.0.0.1:9';

const FORMULAIRES = {
  'the header’s login': {
    afficher: (db: RelogementDb) => (
      <BaseContext.Provider value={db}>
        <MoteurContext.Provider value={new MoteurSync(db, INJOIGNABLE)}>
          <Connexion />
        </MoteurContext.Provider>
      </BaseContext.Provider>
    ),
    id: 'connexion',
    bouton: 'Se connecter',
  },
  'the lock screen’s new login': {
    // Its client calls the page's own origin: in this test, none answers either.
    afficher: (db: RelogementDb) => <Reconnexion db={db} onConnectee={() => undefined} />,
    id: 'reconnexion',
    bouton: 'Se connecter et choisir un nouveau code',
  },
};

describe('logging in', () => {
  for (const [nom, f] of Object.entries(FORMULAIRES)) {
    it(`${nom}: asks for both fields, then says the server is out of reach and keeps the address`, async () => {
      const db = nouvelleBase();
      render(f.afficher(db));
      fireEvent.click(screen.getByRole('button', { name: f.bouton }));
      expect((await screen.findByRole('alert')).textContent).toBe('Saisissez votre adresse électronique et votre mot de passe.');
      fireEvent.input(screen.getByLabelText('Adresse électronique'), { target: { value: 'claire@exemple.fr' } });
      fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'une phrase assez longue' } });
      fireEvent.click(screen.getByRole('button', { name: f.bouton }));
      expect(
        await screen.findByText('Serveur injoignable : les modifications restent sur la tablette et partiront au retour du réseau.'),
      ).toBeTruthy();
      expect(screen.getByLabelText('Adresse électronique')).toHaveProperty('value', 'claire@exemple.fr');
      expect(screen.getByRole('button', { name: f.bouton })).toHaveProperty('disabled', false);
      db.close();
    });
  }
});
