// A fresh IndexedDB database (fake-indexeddb) per test, deleted afterwards.
import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';
import { RelogementDb } from '../../src/data/db.ts';
import { creerOperation, creerResidence } from '../../src/data/index.ts';
import type { Residence } from '../../src/domain/index.ts';

const ouvertes: RelogementDb[] = [];
let numero = 0;

export const nomUnique = (prefixe = 'test') => `${prefixe}-${process.pid}-${++numero}-${Math.random().toString(36).slice(2)}`;

/** Makes every write to `table` fail with `erreur()` while `panne.active` is true. */
export type Panne = { table: string | null; erreur: () => unknown };

export function nouvelleBase(): RelogementDb & { panne: Panne } {
  const panne: Panne = { table: null, erreur: () => new Error('panne') };
  const db = Object.assign(new RelogementDb(nomUnique()), { panne });
  // Below the tables, at the storage-engine level, so the failure does not depend on which Table
  // method the write path calls (put, bulkPut, add…).
  db.use({
    stack: 'dbcore',
    name: 'panne-simulee',
    create: (down) => ({
      ...down,
      table: (nom) => {
        const table = down.table(nom);
        return { ...table, mutate: (req) => (panne.table === nom ? Promise.reject(panne.erreur()) : table.mutate(req)) };
      },
    }),
  });
  ouvertes.push(db);
  return db;
}

export const quotaDepasse = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * The device's day during the test (its clock keeps running from there): the write path computes
 * the caseload summaries' dossier and clocks for the device's day.
 */
export function jourDeLAppareil(jour: string): void {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${jour}T10:00:00`), shouldAdvanceTime: true, advanceTimeDelta: 1 });
}

afterEach(async () => {
  vi.useRealTimers();
  for (const db of ouvertes.splice(0)) await db.delete();
});

/** A renewal project and its résidence « Les Tilleuls », opened on `ouverture`: where test households live. */
export async function residenceDeTest(db: RelogementDb, ouverture: string): Promise<Residence> {
  const operation = await creerOperation(db, { nom: 'NPNRU Test', commune: 'Exempleville', territoire: '' });
  return creerResidence(db, { operationId: operation.id, nom: 'Les Tilleuls', adresse: '', commune: '', bailleur: '', dateOuverture: ouverture });
}
