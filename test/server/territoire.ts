import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTerritory } from '../../src/server/accounts/accounts.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createTestAccount, createTestResidence } from '../../src/server/testing.ts';
import type { TestAccount } from '../../src/server/testing.ts';
import { menageSchema, offrePartageeSchema, positionnementSchema } from '../../src/domain/index.ts';
import type { Role } from '../../src/sync/index.ts';
import { pushChanges } from './api.ts';
import { ModelClient } from './client-model.ts';

// A territory as the convention AMP sets it up: three landlords (the first demolishes), a MOUS
// team, a relocation platform, the métropole and the State; a second territory next door.

export type Territoire = {
  app: FastifyInstance;
  nom: string;
  hote: TestAccount;
  hotePartenaire: TestAccount;
  demolisseur: TestAccount;
  demolisseurPartenaire: TestAccount;
  mous: TestAccount;
  plateforme: TestAccount;
  metropole: TestAccount;
  etat: TestAccount;
  residenceDemolisseur: string;
  residenceMous: string;
  voisin: { bailleur: TestAccount; mous: TestAccount; residence: string };
};

async function organisation(db: Database, territory: string, kind: string, role: Role, name: string): Promise<TestAccount> {
  return createTestAccount(db, { organisation: `${name} ${territory}`, role, name: `${role} ${name}`, kind, territory });
}

export async function territoire(db: Database, now: () => number = Date.now): Promise<Territoire> {
  const nom = `Métropole ${randomUUID().slice(0, 8)}`;
  const voisin = `Programme ${randomUUID().slice(0, 8)}`;
  await createTerritory(db, nom, 'metropole');
  await createTerritory(db, voisin, 'programme');
  const hote = await organisation(db, nom, 'bailleur', 'encadrant', 'Habitat Sud');
  const hotePartenaire = await createTestAccount(db, {
    organisation: `Habitat Sud ${nom}`,
    role: 'partenaire',
    name: 'Gestionnaire Habitat Sud',
  });
  const demolisseur = await organisation(db, nom, 'bailleur', 'encadrant', 'Logis Nord');
  const demolisseurPartenaire = await createTestAccount(db, {
    organisation: `Logis Nord ${nom}`,
    role: 'partenaire',
    name: 'Gestionnaire Logis Nord',
  });
  await organisation(db, nom, 'bailleur', 'encadrant', 'Foyer Est');
  const mous = await organisation(db, nom, 'mous', 'encadrant', 'MOUS Centre');
  const plateforme = await organisation(db, nom, 'plateforme', 'encadrant', 'Plateforme');
  const metropole = await organisation(db, nom, 'metropole', 'partenaire', 'Métropole');
  const etat = await organisation(db, nom, 'etat', 'partenaire', 'DDTM');
  const voisinBailleur = await organisation(db, voisin, 'bailleur', 'encadrant', 'Bailleur voisin');
  const voisinMous = await organisation(db, voisin, 'mous', 'encadrant', 'MOUS voisine');
  return {
    app: await buildApp({ db, now }),
    nom,
    hote,
    hotePartenaire,
    demolisseur,
    demolisseurPartenaire,
    mous,
    plateforme,
    metropole,
    etat,
    residenceDemolisseur: await createTestResidence(db, demolisseur.profile),
    residenceMous: await createTestResidence(db, mous.profile),
    voisin: { bailleur: voisinBailleur, mous: voisinMous, residence: await createTestResidence(db, voisinMous.profile) },
  };
}

export const offre = (over: Record<string, unknown> = {}) =>
  offrePartageeSchema.parse({
    id: randomUUID(),
    bailleur: 'Habitat Sud',
    adresse: '12 rue des Oliviers',
    commune: 'Marseille',
    typologie: 'T3',
    surface: 64,
    loyer: 380,
    charges: 95,
    datePremiereLocation: '2023-06-15',
    dateMiseADisposition: '2026-03-02',
    datePreavisSortant: '2026-02-01',
    ...over,
  });

/** A household of `residenceId` and its position on `offreId`, with the consents given. */
export function positionner(
  client: ModelClient,
  residenceId: string,
  offreId: string,
  options: {
    consentements?: Record<string, { accorde: boolean; date: string }>;
    menageId?: string;
    bailleurOrigineId?: string | null;
    prioritaire?: boolean;
  } = {},
) {
  const menageId = options.menageId ?? randomUUID();
  if (!options.menageId) {
    client.create(
      'menages',
      menageSchema.parse({
        id: menageId,
        residenceId,
        nom: 'Famille Benali',
        adresse: '3 allée des Pins',
        creeLe: '2026-01-05',
        consentements: options.consentements ?? {},
      }),
    );
  }
  const position = positionnementSchema.parse({
    id: randomUUID(),
    offreId,
    menageId,
    positionneLe: '2026-03-04',
    operationPrioritaire: options.prioritaire ?? false,
    bailleurOrigineId: options.bailleurOrigineId ?? null,
    ficheAnonyme: {
      pseudonyme: 'Ménage M-1A2B3C',
      composition: '2 adultes, 2 enfants',
      ages: [41, 38, 12, 9],
      trancheRessources: 'Sous plafond PLAI',
      besoins: ['Rez-de-chaussée'],
    },
    ficheNominative: { nom: 'Famille Benali', adresse: '3 allée des Pins', telephone: '06 12 34 56 78', reference: 'LN-0042' },
  });
  client.create('positionnements', position);
  return { menageId, positionId: position.id };
}

/** The host landlord pools an offer and pushes it: its client and the offer. */
export async function partagerOffre(t: Territoire, logement = offre()) {
  const hote = new ModelClient(t.hote.token, Date.now);
  hote.create('offresPartagees', logement);
  await envoyer(t.app, hote);
  return { hote, logement };
}

/** Pushes the client's outbox, which must be accepted. */
export async function envoyer(app: FastifyInstance, client: ModelClient) {
  const answer = await pushChanges(app, client.token, client.outbox, client.deviceId);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  client.acknowledge(answer.body);
  return answer.body;
}
