import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  REFUS_BAILLEUR_INCONNU,
  REFUS_BILAN_ANNUEL,
  idBilanAnnuel,
  agregatsSeulement,
  calculerPilotage,
  donneesPilotage,
  filtresPilotageSchema,
  offreSchema,
  operationSchema,
  propositionSchema,
  remplacerPartie,
  reviserPlan,
  type EnregistrementsPilotage,
} from '../../src/domain/index.ts';
import { pilotageResponseSchema } from '../../src/sync/index.ts';
import { createOrganisation, createTerritory } from '../../src/server/accounts/accounts.ts';
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
      // The métropole reads its territory's organisations: the two landlords belong to it.
      await createTerritory(db, `Territoire ${suffixe}`, 'metropole');
      await createOrganisation(db, `Métropole ${suffixe}`, 'metropole', `Territoire ${suffixe}`);
      const [encA, claire, encB, sofia] = [
        await createTestAccount(db, {
          organisation: `Habitat Nord ${suffixe}`,
          role: 'encadrant',
          kind: 'bailleur',
          territory: `Territoire ${suffixe}`,
        }),
        await createTestAccount(db, { organisation: `Habitat Nord ${suffixe}`, role: 'chargé', name: 'Claire' }),
        await createTestAccount(db, {
          organisation: `Logis Sud ${suffixe}`,
          role: 'encadrant',
          kind: 'bailleur',
          territory: `Territoire ${suffixe}`,
        }),
        await createTestAccount(db, { organisation: `Logis Sud ${suffixe}`, role: 'chargé', name: 'Sofia' }),
      ];
      // Each offer keeps its landlord's organisation, matched when it was typed (docs/pilotage.md).
      const landlords = new Map([
        ['Habitat Nord', encA.profile.organisation.id],
        ['Logis Sud', encB.profile.organisation.id],
      ]);
      const matched = (d: EnregistrementsPilotage): EnregistrementsPilotage => ({
        ...d,
        offres: d.offres.map((o) => ({ ...o, bailleurId: landlords.get(o.bailleur) ?? null })),
      });
      const a = suiviPar(matched(ORGANISATION_A), claire.profile.id);
      const b = suiviPar(matched(ORGANISATION_B), sofia.profile.id);
      await chargerPilotage(db, encA.profile, a);
      await chargerPilotage(db, encB.profile, b);
      const metropole = await createTestAccount(db, { organisation: `Métropole ${suffixe}`, role: 'encadrant' });
      const foyer = await createTestAccount(db, {
        organisation: `Foyer ${suffixe}`,
        role: 'encadrant',
        kind: 'bailleur',
        territory: `Territoire ${suffixe}`,
      });
      const foyerPartenaire = await createTestAccount(db, { organisation: `Foyer ${suffixe}`, role: 'partenaire' });
      const mous = await createTestAccount(db, {
        organisation: `MOUS ${suffixe}`,
        role: 'encadrant',
        kind: 'mous',
        territory: `Territoire ${suffixe}`,
      });
      // The report names landlords as the territory's list does now.
      const organisations = await db.query<{ id: string; name: string }>(
        'select id::text as id, name from organisations where territory_id = (select id from territories where name = $1)',
        [`Territoire ${suffixe}`],
      );
      return {
        app: await buildApp({ db }),
        db,
        a: { ...a, organisations },
        b: { ...b, organisations },
        encA,
        claire,
        encB,
        metropole,
        foyer,
        foyerPartenaire,
        mous,
        suffixe,
      };
    }

    /** Both organisations' records, as the métropole's report reads them. */
    const territoireEntier = (t: Awaited<ReturnType<typeof chargerTerritoire>>): EnregistrementsPilotage =>
      Object.fromEntries(
        Object.keys(t.a).map((k) => [
          k,
          [...(t.a[k as keyof EnregistrementsPilotage] ?? []), ...(t.b[k as keyof EnregistrementsPilotage] ?? [])],
        ]),
      ) as unknown as EnregistrementsPilotage;

    it('gives the encadrant the figures the domain computes over the organisation, households included', async () => {
      const t = await territoire();
      const reponse = await request(t.app, t.encA.token, 'GET', url(''));
      expect(reponse.status, JSON.stringify(reponse.body)).toBe(200);
      const attendu = calculerPilotage(donneesPilotage(t.a), filtres(), { offresProposeesSeulement: false });
      expect(reponse.body.chiffres).toEqual(attendu.chiffres);
      expect(reponse.body.tableaux).toEqual(attendu.tableaux);
      expect(reponse.body.chiffres.find((c: { code: string }) => c.code === 'relogements')).toMatchObject({ valeur: 6 });
      expect(reponse.body.charge.lignes).toEqual([['Claire', 17, 'non']]);
      const filtre = await request(t.app, t.encA.token, 'GET', url('&qpv=non&typologie=T4'));
      expect(filtre.body.chiffres).toEqual(
        calculerPilotage(donneesPilotage(t.a), filtres({ qpv: false, typologie: 'T4' }), { offresProposeesSeulement: false }).chiffres,
      );
    });

    it('gives the métropole the territory’s aggregates only, with no household identifier in the payload', async () => {
      const t = await territoire();
      const reponse = await request(t.app, t.metropole.token, 'GET', url(''));
      expect(reponse.status, JSON.stringify(reponse.body)).toBe(200);
      const tout = territoireEntier(t);
      const attendu = agregatsSeulement(calculerPilotage(donneesPilotage(tout), filtres(), { offresProposeesSeulement: false }));
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

    it('gives a landlord’s partner account the aggregates of its dwellings, whoever relocated there, the filters’ choices, and another partner nothing, in French', async () => {
      const t = await territoire();
      const partenaire = await createTestAccount(t.db, { organisation: `Habitat Nord ${t.suffixe}`, role: 'partenaire' });
      const reponse = await request(t.app, partenaire.token, 'GET', url(''));
      expect(reponse.status, JSON.stringify(reponse.body)).toBe(200);
      const tout = territoireEntier(t);
      const habitatNord = t.encA.profile.organisation.id;
      const attendu = agregatsSeulement(
        calculerPilotage(donneesPilotage(tout), filtres(), { offresProposeesSeulement: false, bailleurId: habitatNord }),
      );
      expect(pilotageResponseSchema.parse(reponse.body)).toMatchObject({
        chiffres: attendu.chiffres,
        tableaux: attendu.tableaux,
        charge: null,
        agregatsSeulement: true,
      });
      // Logis Sud's household 20, relocated into Habitat Nord's offer 8, counts; Habitat Nord's household 3,
      // relocated into Logis Sud's offer 3, does not (test/domain/pilotage/indicateurs.test.ts).
      const valeur = (code: string) => reponse.body.chiffres.find((c: { code: string }) => c.code === code)?.valeur;
      expect([valeur('logements'), valeur('relogements'), valeur('interbailleur')]).toEqual([7, 6, 16.7]);
      // The filters offer the territory's operations and résidences, and the towns of its dwellings: names, no household.
      expect(reponse.body.choix.operations).toHaveLength(t.a.operations.length + t.b.operations.length);
      const siens = tout.offres.filter((o) => o.bailleurId === habitatNord);
      expect(reponse.body.choix.communes).toEqual([...new Set(siens.map((o) => o.commune))].sort((x, y) => x.localeCompare(y, 'fr')));
      expect(reponse.body.choix.bailleurs).toEqual(['Habitat Nord']);
      const texte = JSON.stringify(reponse.body);
      for (const m of tout.menages) expect(texte).not.toContain(m.id);

      const ville = await createTestAccount(t.db, {
        organisation: `Ville ${t.suffixe}`,
        role: 'partenaire',
        kind: 'ville',
        territory: `Territoire ${t.suffixe}`,
      });
      const refus = await request(t.app, ville.token, 'GET', url(''));
      expect(refus.status).toBe(403);
      expect(refus.body.error).toBe(
        'Le rapport de pilotage est celui de la métropole, de l’État et de chaque bailleur : ce compte n’en reçoit pas.',
      );
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

    it('counts every write in the next report: a lease signed, a lease undone, an erased household, an edited dwelling and household', async () => {
      const c = await cast(storage.db);
      const tablette = new ModelClient(c.encadrant.token, Date.now);
      const relogements = async (filtre = '') =>
        (await request(c.app, c.encadrant.token, 'GET', url(filtre))).body.chiffres.find((x: { code: string }) => x.code === 'relogements')
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

      // The dwelling and the household of the lease left, each edited after it was stored.
      const offre = offreSchema.parse({
        id: randomUUID(),
        statut: 'disponible',
        adresse: '3 rue des Lilas',
        typologie: 'T3',
        surface: 60,
        loyer: 400,
        charges: 80,
        bailleur: 'Habitat Nord',
      });
      tablette.create('offres', offre);
      tablette.edit('propositions', propositions[2] ?? '', 'offreId', offre.id);
      await sync(tablette, c.app);
      expect(await relogements('&bailleur=Habitat%20Nord')).toBe(1);
      tablette.edit('offres', offre.id, 'bailleur', 'Habitat Sud');
      await sync(tablette, c.app);
      expect(await relogements('&bailleur=Habitat%20Nord')).toBe(0);
      expect(await relogements('&bailleur=Habitat%20Sud')).toBe(1);
      tablette.edit('menages', menages[2] ?? '', 'supprime', true);
      await sync(tablette, c.app);
      expect(await relogements()).toBe(0);
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

    it('keeps one yearly review for the territory: the métropole’s objectives, each landlord’s own total by organisation id, read by every organisation', async () => {
      const t = await territoire();
      const [nord, sud, foyerId] = [t.encA.profile.organisation.id, t.encB.profile.organisation.id, t.foyer.profile.organisation.id];
      const tableau = async (token: string, code: string) =>
        (await request(t.app, token, 'GET', url(''))).body.tableaux?.find((x: { code: string }) => x.code === code)?.lignes;
      // The métropole types the landlords' objectives (AMP annexe 4), each under its organisation's
      // id: in its report, against the leases of 2026 in the territory (Habitat Nord 6, Logis Sud 5).
      const metropole = new ModelClient(t.metropole.token, Date.now);
      metropole.create(
        'bilansAnnuels',
        remplacerPartie(undefined, 2026, 'objectifs', [
          { organisationId: nord, bailleur: 'Habitat Nord', objectif: 6 },
          { organisationId: sud, bailleur: 'Logis Sud', objectif: 8 },
        ]),
      );
      await sync(metropole, t.app);
      const objectifs = [
        [`Habitat Nord ${t.suffixe}`, 6, 6, 0, 'atteint'],
        [`Logis Sud ${t.suffixe}`, 8, 5, -3, 'non atteint'],
      ];
      expect(await tableau(t.metropole.token, 'objectifsBailleurs')).toEqual(objectifs);
      // A landlord's own report and tablet read the territory's objectives, against the relocations
      // its organisation recorded (household 3, placed by Habitat Nord's team, is not among them).
      expect((await tableau(t.encB.token, 'objectifsBailleurs'))?.[1]).toEqual([`Logis Sud ${t.suffixe}`, 8, 4, -4, 'non atteint']);
      const tabletteSud = new ModelClient(t.encB.token, Date.now);
      await sync(tabletteSud, t.app);
      expect(
        Object.keys((tabletteSud.records.get(`bilansAnnuels|${idBilanAnnuel(2026)}`)?.objectifs as object | undefined) ?? {}).sort(),
      ).toEqual([nord, sud].sort());

      // A landlord's partner account types its own total lettings, dated and sourced, under its organisation's id, into the same record.
      const total = {
        organisationId: foyerId,
        bailleur: 'Foyer',
        attributions: 40,
        saisiLe: '2027-01-15',
        source: 'Bilan des attributions 2026',
      };
      const partenaire = new ModelClient(t.foyerPartenaire.token, Date.now);
      await sync(partenaire, t.app);
      partenaire.edit('bilansAnnuels', idBilanAnnuel(2026), `attributions.${foyerId}`, total);
      await sync(partenaire, t.app);
      await sync(tabletteSud, t.app);
      expect(tabletteSud.records.get(`bilansAnnuels|${idBilanAnnuel(2026)}`)?.attributions).toEqual({ [foyerId]: total });

      // Refused, in French, nothing written: another landlord's total, an entry keyed by a name,
      // an objective from a landlord, an objective from a MOUS, anything from a chargée.
      const refus = async (token: string, champ: string, valeur: Parameters<ModelClient['edit']>[3]) => {
        const c = new ModelClient(token, Date.now);
        c.edit('bilansAnnuels', idBilanAnnuel(2026), champ, valeur);
        const r = await pushChanges(t.app, token, c.outbox);
        expect(r.status).toBe(403);
        return r.body.rejected?.[0]?.error;
      };
      expect(await refus(t.foyer.token, `attributions.${sud}`, { ...total, organisationId: sud })).toBe(REFUS_BILAN_ANNUEL);
      expect(await refus(t.foyerPartenaire.token, `attributions.${sud}`, { ...total, organisationId: sud, bailleur: 'Foyer' })).toBe(
        REFUS_BILAN_ANNUEL,
      );
      expect(await refus(t.foyer.token, `objectifs.${foyerId}`, { organisationId: foyerId, bailleur: 'Foyer', objectif: 1 })).toBe(
        REFUS_BILAN_ANNUEL,
      );
      expect(await refus(t.mous.token, `objectifs.${sud}`, { organisationId: sud, bailleur: 'Logis Sud', objectif: 1 })).toBe(
        REFUS_BILAN_ANNUEL,
      );
      expect(await refus(t.metropole.token, 'objectifs.logis-sud', { organisationId: null, bailleur: 'Logis Sud', objectif: 1 })).toBe(
        REFUS_BAILLEUR_INCONNU,
      );
      // The métropole is no landlord: no objective under its id.
      const metropoleId = t.metropole.profile.organisation.id;
      expect(await refus(t.metropole.token, `objectifs.${metropoleId}`, { organisationId: metropoleId, bailleur: 'M', objectif: 1 })).toBe(
        REFUS_BAILLEUR_INCONNU,
      );
      expect(await refus(t.claire.token, `objectifs.${sud}`, { organisationId: sud, bailleur: 'Logis Sud', objectif: 1 })).toBe(
        REFUS_BILAN_ANNUEL,
      );

      // A renamed landlord keeps its entries and shows its new name; it still types its own total.
      await t.db.query('update organisations set name = $1 where id = $2', [`Foyer Habitat ${t.suffixe}`, foyerId]);
      const part = await tableau(t.metropole.token, 'partAttributions');
      expect(part?.find((l: unknown[]) => l[0] === `Foyer Habitat ${t.suffixe}`)).toEqual([
        `Foyer Habitat ${t.suffixe}`,
        0,
        0,
        40,
        'le 15 janvier 2027 (Bilan des attributions 2026)',
        0,
        'non atteint',
      ]);
      const renomme = new ModelClient(t.foyer.token, Date.now);
      renomme.edit('bilansAnnuels', idBilanAnnuel(2026), `attributions.${foyerId}`, { ...total, attributions: 41 });
      expect((await pushChanges(t.app, t.foyer.token, renomme.outbox)).status).toBe(200);
    });
  });
}
