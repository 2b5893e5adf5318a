import type { EnregistrementsPilotage } from '../../src/domain/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { seedRecords } from '../../src/server/testing.ts';
import type { Profile, SyncedTable } from '../../src/sync/index.ts';

// The steering fixture stored on a server, as its organisation's encadrant would have synced it.

/** The fixture with each household followed by the user `chargeeId`. */
export const suiviPar = (d: EnregistrementsPilotage, chargeeId: string): EnregistrementsPilotage => ({
  ...d,
  menages: d.menages.map((m) => ({ ...m, referentId: chargeeId })),
});

/** The fixture's records, table by table, in an order the push accepts (a résidence before its households). */
export function lignesPilotage(d: EnregistrementsPilotage): (readonly [SyncedTable, Record<string, unknown>])[] {
  const tables: [SyncedTable, readonly { id: string }[]][] = [
    ['operations', d.operations],
    ['residences', d.residences],
    ['offres', d.offres],
    ['menages', d.menages],
    ['propositions', d.propositions],
    ['mediations', d.mediations],
    ['enquetes', d.enquetes],
    ['plansRelogement', d.plansRelogement],
    ['bilansAnnuels', d.bilansAnnuels],
  ];
  return tables.flatMap(([t, rs]) => rs.map((r) => [t, r as Record<string, unknown>] as const));
}

export async function chargerPilotage(db: Database, encadrant: Profile, d: EnregistrementsPilotage): Promise<void> {
  await seedRecords(db, encadrant, lignesPilotage(d));
}
