import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import Appareils from '../../src/ui/synchro/Appareils.tsx';
import { MoteurContext } from '../../src/ui/commun/contexte.ts';
import type { MoteurSync } from '../../src/sync-client/index.ts';
import type { DevicesResponse } from '../../src/sync/index.ts';

// The list an encadrant reads to find silent tablets. The server's side is tested in
// test/server/devices.test.ts; here its answer is given as it comes.

const ilYA = (heures: number) => new Date(Date.now() - heures * 3_600_000).toISOString();
const appareil = (
  nom: string,
  heures: number,
  over: Partial<DevicesResponse['devices'][number]['report']> = {},
): DevicesResponse['devices'][number] => ({
  deviceId: `${nom.toLowerCase()}0123456789`,
  user: {
    id: '00000000-0000-4000-8000-00000000000' + (nom.length % 10),
    name: nom,
    email: `${nom.toLowerCase()}@exemple.fr`,
    disabled: false,
  },
  wipe: null,
  receivedAt: ilYA(heures),
  report: {
    syncedAt: ilYA(heures),
    durationMs: 300,
    pushed: 1,
    pulled: 10,
    pending: 0,
    refused: 0,
    failuresSinceLastSuccess: 0,
    lastError: null,
    clockOffsetMs: 0,
    storage: { persisted: true, usage: 25_000_000, quota: 1_000_000_000 },
    ...over,
  },
});

function afficher(devices: DevicesResponse['devices']) {
  const moteur = { api: { appareils: async () => ({ devices }) } } as unknown as MoteurSync;
  return render(
    <MoteurContext.Provider value={moteur}>
      <Appareils />
    </MoteurContext.Provider>,
  );
}

describe('Tablettes de l’organisation', () => {
  it('flags a tablet silent for three days with changes waiting, one whose syncs fail, and one with refused changes', async () => {
    afficher([
      appareil('Samir', 72, { pending: 14 }),
      appareil('Nadia', 5, { failuresSinceLastSuccess: 3, lastError: 'connexion', clockOffsetMs: -7 * 60_000 }),
      appareil('Claire', 1),
      appareil('Inès', 1, { refused: 3_649 }),
    ]);
    expect(
      await screen.findByText(
        '3 tablettes à surveiller : silencieuse depuis plus de 48 heures, en échec ou avec des modifications refusées.',
      ),
    ).toBeTruthy();
    const lignes = screen.getAllByRole('row').slice(1);
    expect(lignes.map((l) => l.className)).toEqual(['a-surveiller', 'a-surveiller', '', 'a-surveiller']);
    expect(within(lignes[3]!).getByText('3 649')).toBeTruthy();
    expect(within(lignes[0]!).getByText('il y a 3 jours')).toBeTruthy();
    expect(within(lignes[0]!).getByText('14')).toBeTruthy();
    expect(within(lignes[1]!).getByText('3 (session expirée) · horloge décalée de 7 minutes')).toBeTruthy();
    expect(within(lignes[2]!).getByText('protégé · 25 Mo / 1 000 Mo')).toBeTruthy();
  });

  it('says when no tablet has synced yet', async () => {
    afficher([]);
    expect(await screen.findByText('Aucune tablette n’a encore synchronisé.')).toBeTruthy();
  });

  it('declares a tablet lost after a confirmation that says what will happen, then shows the erasure pending', async () => {
    let devices = [appareil('Samir', 2)];
    const declarees: [string, string][] = [];
    const moteur = {
      api: {
        appareils: async () => ({ devices }),
        declarerPerdue: async (userId: string, deviceId: string) => {
          declarees.push([userId, deviceId]);
          devices = devices.map((d) => ({
            ...d,
            wipe: { reason: 'perdue' as const, requestedAt: '2026-03-02T09:30:00.000Z', deliveredAt: null },
          }));
        },
      },
    } as unknown as MoteurSync;
    render(
      <MoteurContext.Provider value={moteur}>
        <Appareils />
      </MoteurContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Déclarer perdue' }));
    expect(screen.getByText(/Déclarer perdue la tablette samir0 de Samir \? Sa session est fermée/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(
      await screen.findByText(
        /Effacement demandé le 2 mars 2026 à \d\d:30 \(tablette déclarée perdue\) : la tablette s’effacera à sa prochaine connexion/,
      ),
    ).toBeTruthy();
    expect(declarees).toEqual([[devices[0]!.user.id, devices[0]!.deviceId]]);
  });
});
