import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PilotageServeur, type ChargerRapport } from '../../src/ui/pilotage/PilotageServeur.tsx';
import PilotageScreen from '../../src/ui/pilotage/PilotageScreen.tsx';
import { choixDesDonnees } from '../../src/ui/pilotage/Rapport.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, enregistrerSession } from '../../src/data/index.ts';
import { calculerPilotage, type DonneesPilotage, type FiltresPilotage } from '../../src/domain/index.ts';
import { ErreurSync } from '../../src/sync-client/index.ts';
import type { OrganisationKind } from '../../src/sync/index.ts';
import { sessionMetropole } from '../fixtures/session-metropole.ts';
import { ORGANISATION_A, ORGANISATION_B } from '../fixtures/pilotage.ts';

// « Pilotage » for the métropole, the State and a landlord's partner account: the report comes from
// the server. Here the server's answer is the domain's report over both organisations of
// test/fixtures/pilotage.ts, aggregates only, as GET /api/v1/pilotage computes it
// (test/server/pilotage.test.ts); test/browser/pilotage-partenaires.test.ts runs the real server.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
  Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
});

const TERRITOIRE: DonneesPilotage = Object.fromEntries(
  Object.keys(ORGANISATION_A).map((k) => [
    k,
    [...(ORGANISATION_A[k as keyof DonneesPilotage] ?? []), ...(ORGANISATION_B[k as keyof DonneesPilotage] ?? [])],
  ]),
) as unknown as DonneesPilotage;

/** The server's answer, and every filter it was asked for. */
function serveur() {
  const demandes: FiltresPilotage[] = [];
  const charger: ChargerRapport = async (f) => {
    demandes.push(f);
    const rapport = calculerPilotage(TERRITOIRE, f, { offresProposeesSeulement: false, agregatsSeulement: true });
    return { ...rapport, charge: null, agregatsSeulement: true, choix: choixDesDonnees(TERRITOIRE) };
  };
  return { demandes, charger };
}

async function base(role: 'partenaire' | 'encadrant' = 'partenaire', kind: OrganisationKind = 'metropole'): Promise<RelogementDb> {
  const db = new RelogementDb(`ui-pilotage-serveur-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  await enregistrerSession(db, sessionMetropole(role, kind));
  return db;
}

function afficher(db: RelogementDb, charger: ChargerRapport, territoire = true) {
  render(
    <BaseContext.Provider value={db}>
      <PilotageServeur territoire={territoire} charger={charger} />
    </BaseContext.Provider>,
  );
}

const carte = (libelle: string) =>
  within(screen.getByRole('list', { name: 'Indicateurs' }))
    .getByText(libelle)
    .closest('li') as HTMLElement;

describe('« Pilotage » from the server', () => {
  it('opens on the server’s screen for the métropole and a landlord’s partner account, and says when an account gets none', async () => {
    render(
      <BaseContext.Provider value={await base()}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    expect(await screen.findByRole('heading', { name: 'Pilotage du territoire' })).toBeTruthy();
    render(
      <BaseContext.Provider value={await base('partenaire', 'bailleur')}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    expect(await screen.findByRole('heading', { name: 'Pilotage de mes logements' })).toBeTruthy();
    render(
      <BaseContext.Provider value={await base('partenaire', 'action_logement')}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    expect(
      await screen.findByText(
        'Le rapport de pilotage est celui de la métropole, de l’État et de chaque bailleur : ce compte n’en reçoit pas.',
      ),
    ).toBeTruthy();
  });

  it('says « Calcul en cours » while the server computes, then shows its figures without any household to open', async () => {
    const db = await base();
    const { charger, demandes } = serveur();
    // The request held by the server, the latest one asked.
    let enAttente: { debut: string; repondre: () => void } | null = null;
    const retenu: ChargerRapport = (f) => new Promise((ok) => (enAttente = { debut: f.periode.debut, repondre: () => ok(charger(f)) }));
    afficher(db, retenu);
    fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
    await waitFor(() => expect(enAttente?.debut).toBe('2026-01-01'));
    expect((await screen.findByRole('status')).textContent).toBe('Calcul en cours…');
    expect(screen.queryByRole('list', { name: 'Indicateurs' })).toBeNull();
    enAttente!.repondre();
    await screen.findByText('Période : du 1er janvier 2026 au 31 mars 2026');
    // Both organisations (test/domain/pilotage/indicateurs.test.ts): 10 leases, 40 % in new housing.
    await waitFor(() => expect(within(carte('Relogements réalisés')).getByText('10')).toBeTruthy());
    expect(within(carte('Relogements dans le neuf ou récent')).getByText('Objectif au moins 40 % : atteint')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Voir les/ })).toBeNull();
    expect(document.body.textContent).not.toContain('Ménage 1');
    expect(screen.getByRole('table', { name: 'Relogements par trimestre' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Indicateurs (CSV)' })).toBeTruthy();
    expect(demandes.at(-1)?.periode).toEqual({ debut: '2026-01-01', fin: '2026-03-31' });
  });

  it('sends every filter to the server, and says when nothing matches', async () => {
    const db = await base();
    const { charger, demandes } = serveur();
    afficher(db, charger);
    fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
    // The filters offer what the server sent: the operations of both organisations.
    await waitFor(() =>
      expect([...(screen.getByLabelText('Opération') as HTMLSelectElement).options].map((o) => o.text)).toEqual([
        'Tous',
        ...TERRITOIRE.operations.map((o) => o.nom),
      ]),
    );
    fireEvent.change(screen.getByLabelText('Quartier'), { target: { value: 'false' } });
    fireEvent.change(screen.getByLabelText('Typologie'), { target: { value: 'T6' } });
    await screen.findByText('Aucun ménage, logement ou relogement ne correspond à ces filtres sur la période.');
    expect(demandes.at(-1)).toMatchObject({ qpv: false, typologie: 'T6' });
  });

  it('says at the field that a period ends before it starts, and asks the server nothing', async () => {
    const db = await base();
    const { charger, demandes } = serveur();
    afficher(db, charger);
    fireEvent.change(await screen.findByLabelText('Période'), { target: { value: 'personnalisee' } });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-03-31' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-01-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('La fin de la période précède son début : corrigez l’une des deux dates.');
    expect(screen.getByLabelText('Au').getAttribute('aria-invalid')).toBe('true');
    expect(demandes.filter((f) => f.periode.fin < f.periode.debut)).toEqual([]);
  });

  it('says offline that the report needs the network, and shows the last one received with its date, never as current', async () => {
    const db = await base();
    const { charger } = serveur();
    afficher(db, charger);
    fireEvent.input(await screen.findByLabelText('Trimestre contenant le'), { target: { value: '2026-02-15' } });
    await waitFor(() => expect(within(carte('Relogements réalisés')).getByText('10')).toBeTruthy());
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    window.dispatchEvent(new Event('offline'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Hors ligne ou serveur injoignable : le rapport du territoire est calculé par le serveur et demande le réseau.',
    );
    const dernier = screen.getByRole('region', { name: /^Dernier rapport reçu : rapport du \d\d\/\d\d\/\d{4} à \d\d:\d\d$/ });
    expect(within(dernier).getByText(/^Rapport du \d\d\/\d\d\/\d{4} à \d\d:\d\d \(dernier reçu du serveur, pas à jour\)$/)).toBeTruthy();
    expect(within(dernier).getByText('Période : du 1er janvier 2026 au 31 mars 2026')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Imprimer le rapport trimestriel' }) as HTMLButtonElement).disabled).toBe(true);
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Dernier rapport reçu/ })).toBeNull());
    await waitFor(() => expect(within(carte('Relogements réalisés')).getByText('10')).toBeTruthy());
  });

  it('shows the server’s refusal as it is, and a server error as needing the network, with a retry', async () => {
    const db = await base();
    const refus = 'Le rapport de pilotage est celui de la métropole, de l’État et de chaque bailleur : ce compte n’en reçoit pas.';
    afficher(db, () => Promise.reject(new ErreurSync('refus', refus)));
    expect((await screen.findByRole('alert')).textContent).toBe(refus);
    const { charger } = serveur();
    let essais = 0;
    const enPanne: ChargerRapport = (f) => (++essais === 1 ? Promise.reject(new ErreurSync('serveur', 'panne')) : charger(f));
    const db2 = await base('partenaire', 'bailleur');
    render(
      <BaseContext.Provider value={db2}>
        <PilotageServeur territoire={false} charger={enPanne} />
      </BaseContext.Provider>,
    );
    expect(
      await screen.findByText(
        'Le serveur n’a pas pu calculer le rapport. Le rapport de vos logements est calculé par le serveur et demande le réseau : réessayez dans un moment.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Réessayer' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.getAllByRole('list', { name: 'Indicateurs' }).length).toBeGreaterThan(0));
  });
});
