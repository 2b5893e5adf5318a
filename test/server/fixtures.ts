import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createTestAccount, createTestResidence } from '../../src/server/testing.ts';
import type { TestAccount } from '../../src/server/testing.ts';
import { menageSchema, personneSchema } from '../../src/domain/index.ts';
import type { Role } from '../../src/sync/index.ts';
import { ModelClient } from './client-model.ts';

// An organisation with an encadrant, two chargées and a résidence, and a second organisation:
// the cast of most server tests.

export type Cast = {
  app: FastifyInstance;
  encadrant: TestAccount;
  claire: TestAccount;
  samir: TestAccount;
  residenceId: string;
  other: { encadrant: TestAccount; chargee: TestAccount; residenceId: string };
};

export async function account(db: Database, organisation: string, role: Role, name: string): Promise<TestAccount> {
  return createTestAccount(db, { organisation, role, name });
}

export async function cast(db: Database, now: () => number = Date.now): Promise<Cast> {
  const org = `Bailleur ${randomUUID().slice(0, 8)}`;
  const otherOrg = `MOUS ${randomUUID().slice(0, 8)}`;
  const encadrant = await account(db, org, 'encadrant', `Encadrante ${org}`);
  const claire = await account(db, org, 'chargé', `Claire ${org}`);
  const samir = await account(db, org, 'chargé', `Samir ${org}`);
  const otherEncadrant = await account(db, otherOrg, 'encadrant', `Encadrant ${otherOrg}`);
  const otherChargee = await account(db, otherOrg, 'chargé', `Chargée ${otherOrg}`);
  return {
    app: await buildApp({ db, now }),
    encadrant,
    claire,
    samir,
    residenceId: await createTestResidence(db, encadrant.profile),
    other: {
      encadrant: otherEncadrant,
      chargee: otherChargee,
      residenceId: await createTestResidence(db, otherEncadrant.profile, 'Résidence de l’autre organisation'),
    },
  };
}

/** A client that writes a new household (with one occupant) whose référent is the user `referentId`. */
export function newHousehold(
  client: ModelClient,
  residenceId: string,
  referentId: string | null,
): { menageId: string; personneId: string } {
  const menageId = randomUUID();
  const personneId = randomUUID();
  const menage = menageSchema.parse({ id: menageId, residenceId, nom: 'Famille Martin', referentId, creeLe: '2025-03-01' });
  client.create('menages', menage);
  client.create('personnes', personneSchema.parse({ id: personneId, menageId, prenom: 'Awa', nom: 'Martin', lien: 'titulaire' }));
  return { menageId, personneId };
}
