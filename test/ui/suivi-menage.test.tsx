import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import MenageScreen from '../../src/ui/menage/MenageScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, creerMenage, enregistrerEquipe, enregistrerSession, lireMenage, modifierMenage } from '../../src/data/index.ts';
import type { Role } from '../../src/sync/index.ts';
import { residenceDeTest } from '../data/base.ts';

// The référent and binôme of a household are user accounts: an encadrant chooses them among the
// organisation's users the last sync listed; a chargée reads them; before any list, the names
// written on the household are shown.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const CLAIRE = { id: '0190a000-0000-7000-8000-0000000000c1', name: 'Claire Exemple', role: 'chargé' as const };
const SAMIR = { id: '0190a000-0000-7000-8000-0000000000c2', name: 'Samir Exemple', role: 'chargé' as const };
const NADIA = { id: '0190a000-0000-7000-8000-0000000000e1', name: 'Nadia Encadrante', role: 'encadrant' as const };

async function preparer(role: Role | null, equipe: boolean) {
  const db = new RelogementDb(`ui-suivi-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, '2025-01-01');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', referent: 'Claire (ancien nom)' }, '2025-02-01');
  if (equipe) {
    await enregistrerEquipe(db, [CLAIRE, SAMIR, NADIA]);
    await modifierMenage(db, menage.id, { referentId: CLAIRE.id });
  }
  if (role) {
    const user = role === 'chargé' ? CLAIRE : NADIA;
    await enregistrerSession(db, {
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: user.id,
        email: 'x@exemple.fr',
        name: user.name,
        role,
        organisation: { id: '0190a000-0000-7000-8000-0000000000f2', name: 'Bailleur', kind: null, territory: null },
      },
    });
  }
  render(
    <BaseContext.Provider value={db}>
      <MenageScreen id={menage.id} />
    </BaseContext.Provider>,
  );
  return { db, menage };
}

describe('the référent of a household', () => {
  it('is chosen among the organisation’s users by an encadrant', async () => {
    const { db, menage } = await preparer('encadrant', true);
    const referent = (await screen.findByLabelText('Référent')) as HTMLSelectElement;
    expect(referent.tagName).toBe('SELECT');
    expect(referent.selectedOptions[0]?.textContent).toBe('Claire Exemple');
    expect([...referent.options].map((o) => o.textContent)).toEqual(['Personne', 'Claire Exemple', 'Samir Exemple', 'Nadia Encadrante']);
    fireEvent.change(referent, { target: { value: SAMIR.id } });
    await waitFor(async () => expect((await lireMenage(db, menage.id))?.referentId).toBe(SAMIR.id));
  });

  it('shows an encadrant the name written before the accounts, to choose the account', async () => {
    await preparer('encadrant', false);
    await enregistrerEquipe(bases[0]!, [CLAIRE, SAMIR, NADIA]);
    await waitFor(() => expect(screen.getByLabelText('Référent').tagName).toBe('SELECT'));
    expect((screen.getByLabelText('Référent') as HTMLSelectElement).value).toBe('');
    expect(screen.getByText('Noté avant les comptes : « Claire (ancien nom) »')).toBeDefined();
  });

  it('is read only for a chargée, by name', async () => {
    await preparer('chargé', true);
    const referent = (await screen.findByLabelText('Référent')) as HTMLInputElement;
    expect(referent.tagName).toBe('INPUT');
    expect(referent.readOnly).toBe(true);
    expect(referent.value).toBe('Claire Exemple');
    expect(((await screen.findByLabelText('Binôme')) as HTMLInputElement).value).toBe('Personne');
  });

  it('shows the name written on the household before the first login', async () => {
    await preparer(null, false);
    const referent = (await screen.findByLabelText('Référent')) as HTMLInputElement;
    expect(referent.readOnly).toBe(true);
    expect(referent.value).toBe('Claire (ancien nom)');
  });
});
