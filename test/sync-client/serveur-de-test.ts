import { createTestAccount, createTestResidence, pgliteTemplate, seedHouseholds, startServer } from '../../src/server/testing.ts';
import type { RunningServer, TestAccount } from '../../src/server/testing.ts';
import { afterAll, beforeAll } from 'vitest';

/** A real server on PGlite with Claire, encadrant, and `nombre` households of her organisation. */
export async function serveurDeClaire(nombre: number): Promise<{ serveur: RunningServer; claire: TestAccount; menages: string[] }> {
  const serveur = await startServer({ port: 0, template: await pgliteTemplate() });
  const claire = await createTestAccount(serveur.db, { organisation: 'Bailleur', role: 'encadrant', name: 'Claire' });
  const menages = await seedHouseholds(serveur.db, claire.profile, await createTestResidence(serveur.db, claire.profile), nombre);
  return { serveur, claire, menages };
}

/** The same for the tests of a suite: filled before its first test, closed after its last. */
export function serveurDeClairePourLaSuite(nombre: number): { serveur: RunningServer; claire: TestAccount; menages: string[] } {
  const suite = {} as Awaited<ReturnType<typeof serveurDeClaire>>;
  beforeAll(async () => Object.assign(suite, await serveurDeClaire(nombre)), 60_000);
  afterAll(() => suite.serveur.close());
  return suite;
}
