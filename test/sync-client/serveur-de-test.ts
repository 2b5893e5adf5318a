import { createTestAccount, createTestResidence, pgliteTemplate, seedHouseholds, startServer } from '../../src/server/testing.ts';
import type { RunningServer, TestAccount } from '../../src/server/testing.ts';

/** A real server on PGlite with Claire, encadrant, and `nombre` households of her organisation. */
export async function serveurDeClaire(nombre: number): Promise<{ serveur: RunningServer; claire: TestAccount; menages: string[] }> {
  const serveur = await startServer({ port: 0, template: await pgliteTemplate() });
  const claire = await createTestAccount(serveur.db, { organisation: 'Bailleur', role: 'encadrant', name: 'Claire' });
  const menages = await seedHouseholds(serveur.db, claire.profile, await createTestResidence(serveur.db, claire.profile), nombre);
  return { serveur, claire, menages };
}
