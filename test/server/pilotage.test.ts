import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  REFUS_BILAN_ANNUEL,
  agregatsSeulement,
  calculerPilotage,
  filtresPilotageSchema,
  operationSchema,
  propositionSchema,
  remplacerPartie,
  reviserPlan,
  type DonneesPilotage,
} from '../../src/domain/index.ts';
import { attachOrganisation, createOrganisation, createTerritory } from '../../src/server/accounts/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { chargerPilotage, suiviPar } from './pilotage-chargement.ts';
import { ORGANISATION_A, ORGANISATION_B, TRIMESTRE, idMenage } from '../fixtures/pilotage.ts';
import { pushChanges, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';

// The steering report from the server (GET /api/v1/pilotage) on the fixture of
// test/fixtures/pilotage.ts: the same figures as the domain computes on the tablet, the
// organisation's for its encadrant, aggregates only for the métropole.

const url = (query: string) => `/api/v1/pilotage?debut=${TRIMESTRE.debut}&fin=${TRIMESTRE.fin}${query}`;
const filtres = (champs: object = {}) => filtresPilotageSchema.parse({ periode: TRIMESTRE, ...champs });

for (const backend of backends()) {
  describe(`the steering report on the server (${backend.name})`, () => {
    const storage = useDatabase(backend);

    // The fixture's ids are fixed: the territory is loaded once for the suite.
    let charge: ReturnType<typeof chargerTerritoire> | null = null;
    const territoire = () => (charge ??= chargerTerritoire());
    async function chargerTerritoire() {
      const db = storage.db;
      const suffixe = randomUUID().slice(0, 8);
      const [encA, claire, encB, sofia] = [
        await createTestAccount(db, { organisation: `Habitat Nord ${suffixe}`, role: 'encadrant' }),
        await createTestAccount(db, { organisation: `Habitat Nord ${suffixe}`, role: 'chargé', name: 'Claire' }),
        await createTestAccount(db, { organisation: `Logis Sud ${suffixe}`, role: 'encadrant' }),
        await createTestAccount(db, { organisation: `Logis Sud ${suffixe}`, role: 'chargé', name: 'Sofia' }),
      ];
      const a = suiviPar(ORGANISATION_A, claire.profile.id);
      const b = suiviPar(ORGANISATION_B, sofia.profile.id);
      await chargerPilotage(db, encA.profile, a);
      await chargerPilotage(db, encB.profile, b);
      // The métropole reads its territory's organisations: the two landlords are attached to it.
      await createTerritory(db, `Territoire ${suffixe}`, 'metropole');
      await createOrganisation(db, `Métropole ${suffixe}`, 'metropole', `Territoire ${suffixe}`);
      for (const org of [`Habitat Nord ${suffixe}`, `Logis Sud ${suffixe}`]) await attachOrganisation(db, org, `Territoire ${suffixe}`);
      const metropole = await createTestAccount(db, { organisation: `Métropole ${suffixe}`, role: 'encadrant' });
      const foyer = await createTestAccount(db, {
        organisation: `Foyer ${suffixe}`,
        role: 'encadrant',
        kind: 'bailleur',
        territory: `Territoire ${suffixe}`,
      });
      return { app: await buildApp({ db }), a, b, encA, claire, encB, metropole, foyer, suffixe };
    }

    it('gives the encadrant the figures the domain computes over the organisation, households included', async () => {
      const t = await territoire();
      const reponse = await request(t.app, t.encA.token, 'GET', url(''));
      expect(reponse.status, JSON.stringify(reponse.body)).toBe(200);
      const attendu = calculerPilotage(t.a, filtres(), { offresProposeesSeulement: false });
      expect(reponse.body.chiffres).toEqual(attendu.chiffres);
      expect(reponse.body.tableaux).toEqual(attendu.tableaux);
      expect(reponse.body.chiffres.find((c: { code: string }) => c.code === 'relogements')).toMatchObject({ valeur: 6 });
      expect(reponse.body.charge.lignes).toEqual([['Claire', 17, 'non']]);
      const filtre = await request(t.app, t.encA.token, 'GET', url('&qpv=non&typologie=T4'));
      expect(filtre.body.chiffres).toEqual(
        calculerPilotage(t.a, filtres({ qpv: false, typologie: 'T4' }), { offresProposeesSeulement: false }).chiffres,
      );
    });

    it('gives the métropole the territory’s aggregates only, with no household identifier in the payload', async () => {
      const t = await territoire();
      const reponse = await request(t.app, t.metropole.token, 'GET', url(''));
      expect(reponse.status, JSON.stringify(reponse.body)).toBe(200);
      const tout: DonneesPilotage = Object.fromEntries(
        Object.keys(t.a).map((k) => [k, [...t.a[k as keyof DonneesPilotage], ...t.b[k as keyof DonneesPilotage]]]),
      ) as unknown as DonneesPilotage;
      const attendu = agregatsSeulement(calculerPilotage(tout, filtres(), { offresProposeesSeulement: false }));
      expect(reponse.body.chiffres).toEqual(attendu.chiffres);
      expect(reponse.body.chiffres.find((c: { code: string }) => c.code === 'neufRecent')).toMatchObject({
        valeur: 40,
        atteint: true,
        menageIds: [],
      });
      expect(reponse.body.charge).toBeNull();
      const texte = JSON.stringify(reponse.body);
      for (const m of tout.menages) expect(texte).not.toContain(m.id);
      expect(texte).not.toContain(idMenage(1).slice(0, 28));
      expect(texte).not.toContain('Ménage 1');
    });

    it('refuses a chargée, and a period whose end is before its start, in French', async () => {
      const t = await territoire();
      const chargee = await request(t.app, t.claire.token, 'GET', url(''));
      expect(chargee.status).toBe(403);
      expect(chargee.body.error).toBe('Le pilotage d’une chargée se calcule sur sa tablette, sur son portefeuille.');
      const inverse = await request(t.app, t.encA.token, 'GET', `/api/v1/pilotage?debut=2026-03-31&fin=2026-01-01`);
      expect(inverse.status).toBe(400);
      expect(inverse.body.error).toBe('La fin de la période précède son début : corrigez l’une des deux dates.');
    });

    it('counts every write in the next report: a lease signed, a lease undone, an erased household', async () => {
      const c = await cast(storage.db);
      const tablette = new ModelClient(c.encadrant.token, Date.now);
      const relogements = async () =>
        (await request(c.app, c.encadrant.token, 'GET', url(''))).body.chiffres.find((x: { code: string }) => x.code === 'relogements')
          ?.valeur;
      const menages = [1, 2, 3].map(() => newHousehold(tablette, c.residenceId, c.claire.profile.id).menageId);
      const propositions = menages.map((menageId) => {
        const proposition = propositionSchema.parse({
          id: randomUUID(),
          menageId,
          offreId: randomUUID(),
          rang: 1,
          circuit: 'gtr',
          proposeeLe: TRIMESTRE.debut,
          partenaires: ['GTR'],
        });
        tablette.create('propositions', proposition);
        return proposition.id;
      });
      await sync(tablette, c.app);
      expect(await relogements()).toBe(0);

      for (const id of propositions) tablette.edit('propositions', id, 'bailSigneLe', TRIMESTRE.fin);
      await sync(tablette, c.app);
      expect(await relogements()).toBe(3);
      tablette.edit('propositions', propositions[0] ?? '', 'bailSigneLe', null);
      await sync(tablette, c.app);
      expect(await relogements()).toBe(2);
      expect((await request(c.app, c.encadrant.token, 'DELETE', `/api/v1/menages/${menages[1]}`)).status).toBe(204);
      expect(await relogements()).toBe(1);
      expect(await readSideMismatches(storage.db)).toEqual([]);
    });

    it('keeps a relocation plan written by an encadrant and refuses a chargée’s, in French', async () => {
      const c = await cast(storage.db);
      const operationId = randomUUID();
      const plan = reviserPlan(undefined, operationId, '2026-02-10', [
        { annee: 2026, residenceId: randomUUID(), typologie: 'T3', prevus: 4 },
      ]);
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      // One plan per operation of the organisation, under the operation's id.
      for (const [id, operation] of [
        [randomUUID(), operationId],
        [operationId, operationId],
      ]) {
        const ailleurs = new ModelClient(c.encadrant.token, Date.now);
        ailleurs.create('plansRelogement', { ...plan, id: id!, operationId: operation! });
        const refuse = await pushChanges(c.app, c.encadrant.token, ailleurs.outbox);
        expect(refuse.status).toBe(403);
        expect(refuse.body.rejected?.[0]?.error).toBe(
          'Un plan de relogement est celui d’une opération de votre organisation, sous l’identifiant de l’opération.',
        );
      }
      encadrant.create('operations', operationSchema.parse({ id: operationId, nom: 'NPNRU Les Planches' }));
      encadrant.create('plansRelogement', plan);
      expect((await pushChanges(c.app, c.encadrant.token, encadrant.outbox)).status).toBe(200);
      const deplace = encadrant.edit('plansRelogement', operationId, 'operationId', randomUUID());
      expect((await pushChanges(c.app, c.encadrant.token, [deplace])).status).toBe(403);
      const claire = new ModelClient(c.claire.token, Date.now);
      claire.create('plansRelogement', reviserPlan(plan, operationId, '2026-05-04', []));
      const refused = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(refused.status).toBe(403);
      expect(refused.body.rejected?.[0]?.error).toBe(
        'Les règles du territoire et les barèmes sont modifiés par les encadrants et administrateurs, comme les réunions des partenaires.',
      );
      // A forecast below zero is refused by the same schema as on the tablet.
      const faux = new ModelClient(c.encadrant.token, Date.now);
      faux.outbox.push({
        ...deplace,
        changeId: randomUUID(),
        field: 'revisions.2026-T2',
        value: { misAJourLe: '2026-05-04', lignes: [{ annee: 2026, residenceId: operationId, typologie: 'T3', prevus: -1 }] },
      });
      const negatif = await pushChanges(c.app, c.encadrant.token, faux.outbox);
      expect(JSON.stringify(negatif.body)).toContain('ne peut pas être négatif');
    });

    it('keeps the yearly review the métropole types, a landlord’s own total lettings, and refuses the rest in French', async () => {
      const t = await territoire();
      // The métropole types the landlords' objectives (AMP annexe 4): in its report, against the
      // leases of 2026 in the territory (Habitat Nord 6, Logis Sud 5).
      const metropole = new ModelClient(t.metropole.token, Date.now);
      metropole.create(
        'bilansAnnuels',
        remplacerPartie(undefined, 2026, 'objectifs', [
          { bailleur: 'Habitat Nord', objectif: 6 },
          { bailleur: 'Logis Sud', objectif: 8 },
        ]),
      );
      expect((await pushChanges(t.app, t.metropole.token, metropole.outbox)).status).toBe(200);
      const rapport = await request(t.app, t.metropole.token, 'GET', url(''));
      expect(rapport.body.tableaux.find((x: { code: string }) => x.code === 'objectifsBailleurs')?.lignes).toEqual([
        ['Habitat Nord', 6, 6, 0, 'atteint'],
        ['Logis Sud', 8, 5, -3, 'non atteint'],
      ]);
      // A landlord types its own total lettings, dated and sourced, not another landlord's, nor objectives.
      const nom = `Foyer ${t.suffixe}`;
      const total = { bailleur: nom, attributions: 40, saisiLe: '2027-01-15', source: 'Bilan des attributions 2026' };
      const foyer = new ModelClient(t.foyer.token, Date.now);
      foyer.create('bilansAnnuels', remplacerPartie(undefined, 2026, 'attributions', [total]));
      expect((await pushChanges(t.app, t.foyer.token, foyer.outbox)).status).toBe(200);
      for (const bilan of [
        remplacerPartie(undefined, 2026, 'attributions', [{ ...total, bailleur: 'Logis Sud' }]),
        remplacerPartie(undefined, 2026, 'objectifs', [{ bailleur: nom, objectif: 1 }]),
      ]) {
        const autre = new ModelClient(t.foyer.token, Date.now);
        autre.create('bilansAnnuels', bilan);
        const refus = await pushChanges(t.app, t.foyer.token, autre.outbox);
        expect(refus.status).toBe(403);
        expect(refus.body.rejected?.[0]?.error).toBe(REFUS_BILAN_ANNUEL);
      }
      // A chargée types none of it.
      const claire = new ModelClient(t.claire.token, Date.now);
      claire.create('bilansAnnuels', remplacerPartie(undefined, 2026, 'objectifs', [{ bailleur: 'Logis Sud', objectif: 1 }]));
      const chargee = await pushChanges(t.app, t.claire.token, claire.outbox);
      expect(chargee.status).toBe(403);
      expect(chargee.body.rejected?.[0]?.error).toMatch(/encadrants et administrateurs/);
      // The métropole's report now reads the landlord's total from its organisation: 0 relocations ÷ 40.
      const apres = await request(t.app, t.metropole.token, 'GET', url(''));
      const part = apres.body.tableaux.find((x: { code: string }) => x.code === 'partAttributions');
      expect(part?.lignes.find((l: unknown[]) => l[0] === nom)).toEqual([
        nom,
        0,
        0,
        40,
        'le 15 janvier 2027 (Bilan des attributions 2026)',
        0,
        'non atteint',
      ]);
    });
  });
}
