import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import PilotageScreen from '../../src/ui/pilotage/PilotageScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { APRES_ECRITURE_MS, preparerPilotageAuRepos } from '../../src/ui/pilotage/preparation.ts';
import {
  RelogementDb,
  VERSIONS,
  choisirCode,
  deverrouiller,
  enregistrerEquipe,
  enregistrerSession,
  lireSourcePilotage,
  verrouiller,
} from '../../src/data/index.ts';
import { ecrireLot, type Ecriture } from '../../src/data/ecriture.ts';
import { CLAIRE, KARIM, ORGANISATION_A } from '../fixtures/pilotage.ts';
import { signerLeBailDuMenage10 } from '../data/pilotage-bail.ts';

// « Pilotage » prepared at idle (src/ui/pilotage/preparation.ts) on Habitat Nord's tablet
// (test/fixtures/pilotage.ts) on the last day of the first quarter 2026: 6 relocations, 7 once
// household 10 signs its lease.

const bases: RelogementDb[] = [];
const arrets: (() => void)[] = [];
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-31T10:00:00'), shouldAdvanceTime: true }));
afterEach(async () => {
  arrets.splice(0).forEach((arreter) => arreter());
  vi.useRealTimers();
  for (const db of bases.splice(0)) await db.delete();
});

const ecritures = (): Ecriture[] =>
  (['operations', 'residences', 'offres', 'menages', 'propositions', 'mediations', 'enquetes', 'plansRelogement'] as const).flatMap(
    (table) => ORGANISATION_A[table].map((record) => ({ table, record })),
  );

async function tablette(chiffree = false): Promise<RelogementDb> {
  const db = new RelogementDb(`ui-preparation-${Math.random().toString(36).slice(2)}`, VERSIONS, { chiffree });
  bases.push(db);
  if (chiffree) await choisirCode(db, '135790', 'chiffres');
  await ecrireLot(db, ecritures());
  return db;
}

const preparees = () => performance.getEntriesByName('pilotage:preparee', 'mark').length;
const attendrePreparations = (n: number) => waitFor(() => expect(preparees()).toBe(n), { timeout: 15_000 });
const commencer = (db: RelogementDb) => arrets.push(preparerPilotageAuRepos(db));

async function realisesAffiches(db: RelogementDb): Promise<string | null> {
  render(
    <BaseContext.Provider value={db}>
      <PilotageScreen />
    </BaseContext.Provider>,
  );
  const carte = within(await screen.findByRole('list', { name: 'Indicateurs' }))
    .getByText('Relogements réalisés')
    .closest('li') as HTMLElement;
  return carte.querySelector('.chiffre-valeur')?.textContent ?? null;
}

describe('« Pilotage » prepared at idle', () => {
  it('is read once started; the screen opened then shows its figures from the kept source', async () => {
    const db = await tablette();
    const avant = preparees();
    commencer(db);
    await attendrePreparations(avant + 1);
    const source = await lireSourcePilotage(db);
    expect(await lireSourcePilotage(db)).toBe(source);
    expect(await realisesAffiches(db)).toBe('6');
  });

  it('is prepared again once after a burst of writes, and the screen then counts the lease signed', async () => {
    const db = await tablette();
    const avant = preparees();
    commencer(db);
    await attendrePreparations(avant + 1);
    // Two writes in a burst: the lease signed, then written again.
    await signerLeBailDuMenage10(db);
    await signerLeBailDuMenage10(db);
    await attendrePreparations(avant + 2);
    // Nothing more to prepare: no write since.
    await new Promise((fin) => setTimeout(fin, APRES_ECRITURE_MS + 1_500));
    expect(preparees()).toBe(avant + 2);
    expect(await realisesAffiches(db)).toBe('7');
  });

  it('is not prepared again after a sync cycle’s own writes to `meta`, and is after a colleague renamed or another account signed in, which the screen then shows', async () => {
    const db = await tablette();
    const equipe = (karim: string) =>
      enregistrerEquipe(db, [
        { id: CLAIRE, name: 'Claire', role: 'encadrant' },
        { id: KARIM, name: karim, role: 'chargé' },
      ]);
    await equipe('Karim');
    const avant = preparees();
    commencer(db);
    await attendrePreparations(avant + 1);
    const preparee = await lireSourcePilotage(db);
    // What a cycle that brings nothing writes: the clock, the checkpoint, its failures cleared, the same team.
    await db.meta.bulkPut([
      { key: 'clock', value: { wall: Date.now(), counter: 0, node: 'tablette' } },
      { key: 'checkpoint', value: 7 },
    ]);
    await db.meta.delete('echecsSynchro');
    await equipe('Karim');
    await new Promise((fin) => setTimeout(fin, APRES_ECRITURE_MS + 1_500));
    expect(preparees()).toBe(avant + 1);
    expect(await lireSourcePilotage(db)).toBe(preparee);
    await equipe('Karim Benali');
    await attendrePreparations(avant + 2);
    render(
      <BaseContext.Provider value={db}>
        <PilotageScreen />
      </BaseContext.Provider>,
    );
    const charge = await screen.findByRole('region', { name: 'Charge des chargés de relogement' });
    expect(within(charge).getAllByText('Karim Benali').length).toBeGreaterThan(0);
    expect(within(charge).queryByText('Karim')).toBeNull();
    // Karim himself signs in on this tablet: his caseload, not the organisation's.
    await enregistrerSession(db, {
      token: 'jeton',
      expiresAt: '2099-01-01T00:00:00Z',
      user: {
        id: KARIM,
        email: 'karim@relogement.invalid',
        name: 'Karim Benali',
        role: 'chargé',
        organisation: { id: '0190a6e0-0000-7000-8009-0000000000b1', name: 'Habitat Nord', kind: 'bailleur', territory: null },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pilotage de mon portefeuille' })).toBeTruthy();
  });

  it('prepares nothing while locked, and again after the unlock', async () => {
    const db = await tablette(true);
    const avant = preparees();
    commencer(db);
    await attendrePreparations(avant + 1);
    const preparee = await lireSourcePilotage(db);
    verrouiller(db);
    await new Promise((fin) => setTimeout(fin, APRES_ECRITURE_MS + 1_500));
    expect(preparees()).toBe(avant + 1);
    await deverrouiller(db, '135790');
    await attendrePreparations(avant + 2);
    expect(await lireSourcePilotage(db)).not.toBe(preparee);
  });
});
