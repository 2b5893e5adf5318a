import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, pulledFields, snapshotResponseSchema } from '../../src/sync/index.ts';
import type { Change, PullResponse, SnapshotRecord } from '../../src/sync/index.ts';
import { randomUUID } from 'node:crypto';
import { attachOrganisation, createOrganisation, createTerritory, setPriorityOperations } from '../../src/server/accounts/accounts.ts';
import { operationSchema, ordreDesignation, positionnementSchema, residenceSchema } from '../../src/domain/index.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { PUBLISHERS_ONLY } from '../../src/server/replication/pooled-rules.ts';
import { pullAll, pushChanges, request, sync } from './api.ts';
import type { FastifyInstance } from 'fastify';
import { ModelClient } from './client-model.ts';
import { backends, useDatabase } from './harness.ts';
import { envoyer, offre, partagerOffre, positionner, territoire } from './territoire.ts';

/** Every record a new device of this account starts from (docs/sync.md, « Instantané »). */
async function instantane(app: FastifyInstance, token: string): Promise<SnapshotRecord[]> {
  const records: SnapshotRecord[] = [];
  for (let apres = 0; ;) {
    const page = snapshotResponseSchema.parse(
      (await request(app, token, 'GET', `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}`)).body,
    );
    records.push(...page.records);
    if (page.next === null) return records;
    apres = page.next;
  }
}

const valeursInstantane = (records: readonly SnapshotRecord[], recordId: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(records.find((r) => r.recordId === recordId)?.fields ?? {}).map(([champ, [valeur]]) => [champ, valeur]),
  );

// Pooled offers and candidates of a territory (convention AMP art. 10, charte §4 step 3 and
// §5.5 C): who sees what, what the server refuses, and what it decides whatever the devices did.

const fieldsOf = (pages: PullResponse[], table: string, id: string) =>
  Object.fromEntries(
    pages
      .flatMap((p) => pulledFields(p))
      .filter((f) => f.table === table && f.recordId === id)
      .map((f) => [f.field, f.value]),
  );

for (const backend of backends()) {
  describe(`territoire et partenaires (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('creates territories and attaches organisations as the admin commands do', async () => {
      const db = storage.db;
      await createTerritory(db, 'Programme de Bellevue', 'programme');
      await expect(createTerritory(db, 'Programme de Bellevue', 'programme')).rejects.toThrow(
        'Le territoire « Programme de Bellevue » existe déjà.',
      );
      await expect(createTerritory(db, 'Ailleurs', 'region')).rejects.toThrow('Type de territoire inconnu : metropole ou programme.');
      await expect(createOrganisation(db, 'Plateforme Bellevue', 'plateforme', 'Inconnu')).rejects.toThrow(
        /Territoire « Inconnu » introuvable/,
      );
      await createOrganisation(db, 'Plateforme Bellevue', 'plateforme', 'Programme de Bellevue');
      await createOrganisation(db, 'Action Logement Bellevue', 'action_logement');
      expect(await attachOrganisation(db, 'Action Logement Bellevue', 'Programme de Bellevue')).toEqual({
        organisation: 'Action Logement Bellevue',
        territory: 'Programme de Bellevue',
      });
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from organisations o join territories t on t.id = o.territory_id where t.name = 'Programme de Bellevue'`,
      );
      expect(row?.n).toBe(2);
    });

    it('shows the demolishing landlord the proposal made to its household and the reply (charte step 11)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const { positionId } = positionner(mous, t.residenceMous, logement.id, {
        bailleurOrigineId: t.demolisseur.profile.organisation.id,
        consentements: { bailleurs: { accorde: true, date: '2026-01-10' } },
      });
      await envoyer(t.app, mous);
      mous.edit('positionnements', positionId, 'reponseMenage', 'acceptee');
      mous.edit('positionnements', positionId, 'reponseMenageLe', '2026-03-27');
      await envoyer(t.app, mous);
      const copie = fieldsOf((await pullAll(t.app, t.demolisseurPartenaire.token)).pages, 'positionnements', positionId);
      expect(copie).toMatchObject({
        offreId: logement.id,
        bailleurOrigineId: t.demolisseur.profile.organisation.id,
        reponseMenage: 'acceptee',
        reponseMenageLe: '2026-03-27',
      });
      expect(copie.ficheNominative).toMatchObject({ nom: 'Famille Benali' });
    });

    it('keeps pooled offers and positions within their territory', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);

      const mous = await pullAll(t.app, t.mous.token);
      expect(fieldsOf(mous.pages, 'offresPartagees', logement.id).adresse).toBe('12 rue des Oliviers');
      const voisin = await pullAll(t.app, t.voisin.mous.token);
      expect(fieldsOf(voisin.pages, 'offresPartagees', logement.id)).toEqual({});

      // A team of the next territory cannot position a household on it, nor edit it: nothing is written.
      const intrus = new ModelClient(t.voisin.mous.token, Date.now);
      positionner(intrus, t.voisin.residence, logement.id);
      const refus = await pushChanges(t.app, intrus.token, intrus.outbox);
      expect(refus.status).toBe(403);
      expect(refus.body.rejected?.map((r) => r.error)).toContain(
        'Offre inconnue dans votre territoire : le positionnement n’a pas été enregistré.',
      );
      intrus.outbox = [];
      intrus.edit('offresPartagees', logement.id, 'loyer', 1);
      expect((await pushChanges(t.app, intrus.token, intrus.outbox)).status).toBe(403);
      const apres = await pullAll(t.app, t.hote.token);
      expect(fieldsOf(apres.pages, 'offresPartagees', logement.id).loyer).toBe(380);
    });

    it('gives a partner the anonymised sheet unless the household agreed to share with its kind of partner (charte §4 step 3)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const sans = positionner(mous, t.residenceMous, logement.id);
      const avec = positionner(mous, t.residenceMous, logement.id, { consentements: { bailleurs: { accorde: true, date: '2026-01-10' } } });
      await envoyer(t.app, mous);

      const landlord = await pullAll(t.app, t.hotePartenaire.token);
      expect(fieldsOf(landlord.pages, 'positionnements', sans.positionId).ficheAnonyme).toMatchObject({
        composition: '2 adultes, 2 enfants',
      });
      expect(fieldsOf(landlord.pages, 'positionnements', sans.positionId)).not.toHaveProperty('ficheNominative');
      expect(fieldsOf(landlord.pages, 'positionnements', avec.positionId).ficheNominative).toMatchObject({ nom: 'Famille Benali' });
      // A new device of the landlord starts from the snapshot: the same rule holds there.
      const premierAppareil = await instantane(t.app, t.hotePartenaire.token);
      expect(valeursInstantane(premierAppareil, sans.positionId)).not.toHaveProperty('ficheNominative');
      expect(valeursInstantane(premierAppareil, sans.positionId).ficheAnonyme).toMatchObject({ composition: '2 adultes, 2 enfants' });
      expect(valeursInstantane(premierAppareil, avec.positionId).ficheNominative).toMatchObject({ nom: 'Famille Benali' });
      // The State was given no consent: no named sheet at all in its payload; the households themselves never reach partners.
      const plateforme = new ModelClient(t.plateforme.token, Date.now);
      plateforme.edit('positionnements', avec.positionId, 'statut', 'designe');
      plateforme.edit('positionnements', avec.positionId, 'designeLe', '2026-03-06');
      await envoyer(t.app, plateforme);
      const etat = await pullAll(t.app, t.etat.token);
      expect(JSON.stringify(etat.pages)).not.toContain('Famille Benali');
      expect(JSON.stringify(await instantane(t.app, t.etat.token))).not.toContain('Famille Benali');
      expect(fieldsOf(etat.pages, 'menages', avec.menageId)).toEqual({});
      expect(fieldsOf(etat.pages, 'positionnements', avec.positionId).ficheAnonyme).toMatchObject({ ages: [41, 38, 12, 9] });
    });

    it('lets the platform designate three candidates at most and a household on one offer at a time (convention art. 10)', async () => {
      const t = await territoire(storage.db);
      const hote = new ModelClient(t.hote.token, Date.now);
      const [a, b] = [offre(), offre({ adresse: '4 place du Marché' })];
      hote.create('offresPartagees', a);
      hote.create('offresPartagees', b);
      await envoyer(t.app, hote);
      const mous = new ModelClient(t.mous.token, Date.now);
      const positions = [1, 2, 3, 4].map(() => positionner(mous, t.residenceMous, a.id));
      const first = positions[0];
      if (!first) throw new Error('no position');
      const ailleurs = positionner(mous, t.residenceMous, b.id, { menageId: first.menageId });
      await envoyer(t.app, mous);

      // Two platform tablets designate offline; the server takes the first it receives.
      const p1 = new ModelClient(t.plateforme.token, Date.now);
      const p2 = new ModelClient(t.plateforme.token, Date.now);
      for (const p of positions.slice(0, 3)) p1.edit('positionnements', p.positionId, 'statut', 'designe');
      p2.edit('positionnements', positions[3]?.positionId ?? '', 'statut', 'designe');
      p2.edit('positionnements', ailleurs.positionId, 'statut', 'designe');
      await envoyer(t.app, p1);
      const overruled = await envoyer(t.app, p2);
      expect(overruled.overruled.map((o) => o.error)).toEqual([
        'Déjà 3 candidats désignés sur cette offre : la désignation n’a pas été retenue par le serveur.',
        'Ce ménage est déjà désigné sur une autre offre : la désignation n’a pas été retenue par le serveur.',
      ]);
      await pullAll(t.app, p2.token).then(({ pages }) => pages.forEach((page) => p2.applyPull(page)));
      expect(p2.record('positionnements', positions[3]?.positionId ?? '')).toMatchObject({
        statut: 'positionne',
        refusServeur: expect.stringContaining('Déjà 3'),
      });
      // Alone in its batch, the designation elsewhere is judged on the other offer too.
      const p3 = new ModelClient(t.plateforme.token, Date.now);
      p3.edit('positionnements', ailleurs.positionId, 'statut', 'designe');
      expect((await envoyer(t.app, p3)).overruled.map((o) => o.error)).toEqual([
        'Ce ménage est déjà désigné sur une autre offre : la désignation n’a pas été retenue par le serveur.',
      ]);

      // The host landlord may not designate where there is a platform; a MOUS may not either.
      const hoteDesigne = new ModelClient(t.hote.token, Date.now);
      hoteDesigne.edit('positionnements', ailleurs.positionId, 'statut', 'designe');
      expect((await pushChanges(t.app, hoteDesigne.token, hoteDesigne.outbox)).status).toBe(403);
    });

    it('refuses bad input with a French message and writes nothing', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);

      const tot = new ModelClient(t.hote.token, Date.now);
      tot.edit('offresPartagees', logement.id, 'caleolLe', '2026-02-20');
      const avant = await pushChanges(t.app, tot.token, tot.outbox);
      expect(avant.status).toBe(403);
      expect(avant.body.rejected?.[0]?.error).toBe('La CALEOL ne peut pas précéder la mise à disposition du logement (2026-03-02).');

      const mous = new ModelClient(t.mous.token, Date.now);
      const { positionId } = positionner(mous, t.residenceMous, logement.id);
      await envoyer(t.app, mous);
      const sansMotif = new ModelClient(t.hote.token, Date.now);
      sansMotif.edit('positionnements', positionId, 'decision', {
        decision: 'defavorable',
        motif: ' ',
        le: '2026-03-20',
        par: 'Habitat Sud',
      });
      const decision = await pushChanges(t.app, sansMotif.token, sansMotif.outbox);
      expect(decision.status).toBe(400);
      expect(decision.body.rejected?.[0]?.error).toContain('Indiquez le motif');

      const retrait = new ModelClient(t.hote.token, Date.now);
      retrait.edit('offresPartagees', logement.id, 'retireeLe', '2026-03-10');
      retrait.edit('offresPartagees', logement.id, 'motifRetrait', 'Logement repris pour travaux');
      await envoyer(t.app, retrait);
      const tard = new ModelClient(t.mous.token, Date.now);
      positionner(tard, t.residenceMous, logement.id);
      const ferme = await pushChanges(t.app, tard.token, tard.outbox);
      expect(ferme.status).toBe(403);
      expect(ferme.body.rejected?.map((r) => r.error)).toContain(
        'Cette offre n’est plus disponible (retirée, rendue ou déjà attribuée) : le positionnement n’a pas été enregistré.',
      );

      // A réservataire gives only its own opinion.
      const etat = new ModelClient(t.etat.token, Date.now);
      etat.edit('positionnements', positionId, `avis.${t.metropole.profile.organisation.id}`, {
        decision: 'favorable',
        motif: 'Ressources adaptées',
        le: '2026-03-12',
        par: 'DDTM',
      });
      expect((await pushChanges(t.app, etat.token, etat.outbox)).status).toBe(403);
      etat.outbox = [];
      etat.edit('positionnements', positionId, `avis.${t.etat.profile.organisation.id}`, {
        decision: 'favorable',
        motif: 'Ressources adaptées',
        le: '2026-03-12',
        par: 'DDTM',
      });
      await envoyer(t.app, etat);
    });
    it('shows a partner only the positions submitted to its organisation (convention art. 10, charte §5.5 C and step 11)', async () => {
      const t = await territoire(storage.db);
      const hote = new ModelClient(t.hote.token, Date.now);
      const [logement, autreLogement] = [offre(), offre({ adresse: '8 impasse des Lilas' })];
      hote.create('offresPartagees', logement);
      hote.create('offresPartagees', autreLogement);
      await envoyer(t.app, hote);
      const mous = new ModelClient(t.mous.token, Date.now);
      const surHote = positionner(mous, t.residenceMous, logement.id);
      const duDemolisseur = positionner(mous, t.residenceMous, autreLogement.id, {
        bailleurOrigineId: t.demolisseur.profile.organisation.id,
      });
      const ailleurs = positionner(mous, t.residenceMous, autreLogement.id);
      await envoyer(t.app, mous);

      const vus = async (token: string) => {
        const { pages } = await pullAll(t.app, token);
        return new Set(pages.flatMap((p) => p.records.filter((r) => r.table === 'positionnements').map((r) => r.recordId)));
      };
      expect(await vus(t.hotePartenaire.token)).toEqual(new Set([surHote.positionId, duDemolisseur.positionId, ailleurs.positionId]));
      expect(await vus(t.demolisseurPartenaire.token)).toEqual(new Set([duDemolisseur.positionId]));
      expect(await vus(t.etat.token)).toEqual(new Set());
      // Offers stay visible to every partner of the territory.
      expect(fieldsOf((await pullAll(t.app, t.etat.token)).pages, 'offresPartagees', autreLogement.id).adresse).toBe('8 impasse des Lilas');

      // Once designated to the host landlord, the State gets the whole anonymised sheet at its next sync.
      const etat = new ModelClient(t.etat.token, Date.now);
      await sync(etat, t.app);
      const plateforme = new ModelClient(t.plateforme.token, Date.now);
      plateforme.edit('positionnements', ailleurs.positionId, 'statut', 'designe');
      plateforme.edit('positionnements', ailleurs.positionId, 'designeLe', '2026-03-06');
      await envoyer(t.app, plateforme);
      await sync(etat, t.app);
      expect(etat.record('positionnements', ailleurs.positionId)).toMatchObject({
        statut: 'designe',
        ficheAnonyme: { composition: '2 adultes, 2 enfants' },
      });
      expect(etat.record('positionnements', surHote.positionId)).toBeUndefined();
    });

    it('removes the named sheet from a partner device at its next sync once the household withdraws its consent (charte §4 step 3)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const { menageId, positionId } = positionner(mous, t.residenceMous, logement.id, {
        consentements: { bailleurs: { accorde: true, date: '2026-01-10' } },
      });
      await envoyer(t.app, mous);
      const partenaire = new ModelClient(t.hotePartenaire.token, Date.now);
      await sync(partenaire, t.app);
      expect(partenaire.record('positionnements', positionId)?.ficheNominative).toMatchObject({ nom: 'Famille Benali' });

      mous.edit('menages', menageId, 'consentements.bailleurs', { accorde: false, date: '2026-03-10' });
      await envoyer(t.app, mous);
      await sync(partenaire, t.app);
      expect(partenaire.record('positionnements', positionId)).toMatchObject({ ficheAnonyme: { composition: '2 adultes, 2 enfants' } });
      expect(partenaire.record('positionnements', positionId)).not.toHaveProperty('ficheNominative');

      // Given again: the named sheet, written long before, comes back.
      mous.edit('menages', menageId, 'consentements.bailleurs', { accorde: true, date: '2026-03-12' });
      await envoyer(t.app, mous);
      await sync(partenaire, t.app);
      expect(partenaire.record('positionnements', positionId)?.ficheNominative).toMatchObject({ nom: 'Famille Benali' });

      // A refusal signed later closes it again.
      mous.edit('menages', menageId, 'refusConsentement', { signeLe: '2026-03-14' });
      await envoyer(t.app, mous);
      await sync(partenaire, t.app);
      expect(partenaire.record('positionnements', positionId)).not.toHaveProperty('ficheNominative');
    });

    it('lists no conflict on a named sheet to whoever may not read it (GET /conflicts)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const { positionId } = positionner(mous, t.residenceMous, logement.id);
      await envoyer(t.app, mous);
      // Two users of the team edit the named sheet concurrently: the losing value is logged.
      const collegue = await createTestAccount(storage.db, {
        organisation: t.mous.profile.organisation.name,
        role: 'encadrant',
        name: 'Collègue MOUS',
      });
      const a = new ModelClient(t.mous.token, Date.now);
      const b = new ModelClient(collegue.token, Date.now);
      await sync(a, t.app);
      await sync(b, t.app);
      a.edit('positionnements', positionId, 'ficheNominative', {
        nom: 'Famille Benali-Roux',
        adresse: '3 allée des Pins',
        telephone: '',
        reference: '',
      });
      b.edit('positionnements', positionId, 'ficheNominative', {
        nom: 'Famille Roux',
        adresse: '3 allée des Pins',
        telephone: '',
        reference: '',
      });
      await envoyer(t.app, a);
      await envoyer(t.app, b);
      const equipe = await request(t.app, t.mous.token, 'GET', '/api/v1/conflicts');
      expect(JSON.stringify(equipe.body)).toContain('Famille Roux');

      for (const token of [t.hote.token, t.hotePartenaire.token, t.plateforme.token]) {
        const listed = await request(t.app, token, 'GET', '/api/v1/conflicts');
        expect(listed.status).toBe(200);
        expect(JSON.stringify(listed.body)).not.toContain('Benali');
        expect(JSON.stringify(listed.body)).not.toContain('Roux');
      }
      const id = (equipe.body as { conflicts: { id: string }[] }).conflicts[0]?.id ?? '';
      expect((await request(t.app, t.hote.token, 'POST', `/api/v1/conflicts/${id}/ack`)).status).toBe(403);
    });
    it('lets only a landlord publish a dwelling: an officer of a MOUS or of the platform may not in its name (convention annex 5)', async () => {
      const t = await territoire(storage.db);
      for (const officier of [t.mous, t.plateforme]) {
        const client = new ModelClient(officier.token, Date.now);
        const logement = offre();
        client.create('offresPartagees', logement);
        const refus = await pushChanges(t.app, client.token, client.outbox);
        expect(refus.status).toBe(403);
        expect(refus.body.rejected?.[0]?.error).toBe(PUBLISHERS_ONLY);
        expect(fieldsOf((await pullAll(t.app, t.mous.token)).pages, 'offresPartagees', logement.id)).toEqual({});
      }
      // The landlord's partner account publishes.
      const bailleur = new ModelClient(t.hotePartenaire.token, Date.now);
      const logement = offre();
      bailleur.create('offresPartagees', logement);
      await envoyer(t.app, bailleur);
      expect(fieldsOf((await pullAll(t.app, t.mous.token)).pages, 'offresPartagees', logement.id).adresse).toBe('12 rue des Oliviers');
    });
    it('marks a position priority from the résidence a batch leaves its household in, not from a change that lost (convention art. 10)', async () => {
      const t = await territoire(storage.db);
      await setPriorityOperations(storage.db, t.nom, ['NPNRU Bellevue']);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const operationId = randomUUID();
      const bellevue = randomUUID();
      mous.create('operations', operationSchema.parse({ id: operationId, nom: 'NPNRU Bellevue' }));
      mous.create('residences', residenceSchema.parse({ id: bellevue, operationId, nom: 'Les Cèdres', dateOuverture: '2025-01-15' }));
      const { menageId, positionId } = positionner(mous, t.residenceMous, logement.id);
      await envoyer(t.app, mous);
      // A tablet whose clock is a day behind moves the household to Bellevue: that change loses to
      // the stored résidence, so the position it claims priority with stays ordinary.
      const enRetard = new ModelClient(t.mous.token, () => Date.now() - 86_400_000);
      const demenage = enRetard.edit('menages', menageId, 'residenceId', bellevue);
      const revendique = mous.edit('positionnements', positionId, 'operationPrioritaire', true);
      expect((await pushChanges(t.app, t.mous.token, [demenage, revendique])).status).toBe(200);
      mous.outbox = [];
      await sync(mous, t.app);
      expect(mous.record('menages', menageId)?.residenceId).toBe(t.residenceMous);
      expect(mous.record('positionnements', positionId)?.operationPrioritaire).toBe(false);
    });

    it('marks a position priority from its territory’s list of priority operations, whatever the tablet says (convention art. 10)', async () => {
      const t = await territoire(storage.db);
      await expect(setPriorityOperations(storage.db, 'Territoire inconnu', ['NPNRU Bellevue'])).rejects.toThrow(
        'Territoire « Territoire inconnu » introuvable',
      );
      for (const refusee of [['NPNRU Bellevue', '  '], ['x'.repeat(201)]])
        await expect(setPriorityOperations(storage.db, t.nom, refusee)).rejects.toMatchObject({
          status: 400,
          message: 'Nom d’opération vide ou trop long (200 caractères au plus) : rien n’a été changé.',
        });
      expect(await setPriorityOperations(storage.db, t.nom, [' NPNRU Bellevue ', 'NPNRU Bellevue'])).toEqual({
        territory: t.nom,
        operations: ['NPNRU Bellevue'],
      });
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const operationId = randomUUID();
      const bellevue = randomUUID();
      mous.create('operations', operationSchema.parse({ id: operationId, nom: 'npnru bellevue' }));
      mous.create('residences', residenceSchema.parse({ id: bellevue, operationId, nom: 'Les Cèdres', dateOuverture: '2025-01-15' }));
      await envoyer(t.app, mous);
      // The tablet claims the opposite of the list each time: the server decides.
      const prioritaire = positionner(mous, bellevue, logement.id, { prioritaire: false });
      const ordinaire = positionner(mous, t.residenceMous, logement.id, { prioritaire: true });
      await envoyer(t.app, mous);
      await sync(mous, t.app);
      expect(mous.record('positionnements', prioritaire.positionId)?.operationPrioritaire).toBe(true);
      expect(mous.record('positionnements', ordinaire.positionId)?.operationPrioritaire).toBe(false);

      const plateforme = new ModelClient(t.plateforme.token, Date.now);
      await sync(plateforme, t.app);
      const positions = [prioritaire.positionId, ordinaire.positionId].map((id) =>
        positionnementSchema.parse(plateforme.record('positionnements', id)),
      );
      const ordre = ordreDesignation(positions, t.hote.profile.organisation.id);
      expect(ordre.map((c) => c.position.id)).toEqual([prioritaire.positionId, ordinaire.positionId]);
      expect(ordre[0]?.raisons).toContain('Opération prioritaire du comité de pilotage');
    });
    it('lists to a user the organisations of its own territory only, with no personal data', async () => {
      const t = await territoire(storage.db);
      const liste = await request(t.app, t.mous.token, 'GET', '/api/v1/territory/organisations');
      expect(liste.status).toBe(200);
      const organisations = (liste.body as { organisations: { id: string; name: string; kind: string }[] }).organisations;
      expect(organisations.map((o) => `${o.name.split(' Métropole')[0]} (${o.kind})`).sort()).toEqual([
        'DDTM (etat)',
        'Foyer Est (bailleur)',
        'Habitat Sud (bailleur)',
        'Logis Nord (bailleur)',
        'MOUS Centre (mous)',
        'Métropole (metropole)',
        'Plateforme (plateforme)',
      ]);
      expect(Object.keys(organisations[0] ?? {}).sort()).toEqual(['id', 'kind', 'name']);
      const voisins = await request(t.app, t.voisin.mous.token, 'GET', '/api/v1/territory/organisations');
      expect((voisins.body as { organisations: { kind: string }[] }).organisations.map((o) => o.kind)).toEqual(['bailleur', 'mous']);
      expect((await request(t.app, null, 'GET', '/api/v1/territory/organisations')).status).toBe(401);
    });

    it('takes as demolishing landlord only a landlord of the territory (charte step 11)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      for (const intrus of [t.voisin.bailleur.profile.organisation.id, t.plateforme.profile.organisation.id]) {
        const mous = new ModelClient(t.mous.token, Date.now);
        positionner(mous, t.residenceMous, logement.id, { bailleurOrigineId: intrus });
        const refus = await pushChanges(t.app, mous.token, mous.outbox);
        expect(refus.status).toBe(403);
        expect(refus.body.rejected?.map((r) => r.error)).toEqual([
          'Le bailleur d’origine doit être un bailleur de votre territoire : le positionnement n’a pas été enregistré.',
        ]);
      }
      const mous = new ModelClient(t.mous.token, Date.now);
      positionner(mous, t.residenceMous, logement.id, { bailleurOrigineId: t.demolisseur.profile.organisation.id });
      await envoyer(t.app, mous);
    });

    it('takes the household’s reply from its team only, dated after the offer, with a reason for a refusal (convention art. 10)', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      const { positionId } = positionner(mous, t.residenceMous, logement.id, { bailleurOrigineId: t.demolisseur.profile.organisation.id });
      await envoyer(t.app, mous);
      const essai = async (token: string, champs: Record<string, Change['value']>) => {
        const c = new ModelClient(token, Date.now);
        for (const [champ, valeur] of Object.entries(champs)) c.edit('positionnements', positionId, champ, valeur);
        return pushChanges(t.app, c.token, c.outbox);
      };
      const sansMotif = await essai(t.mous.token, { reponseMenage: 'refusee', reponseMenageLe: '2026-03-20' });
      expect(sansMotif.status).toBe(403);
      expect(sansMotif.body.rejected?.[0]?.error).toBe('Indiquez le motif du refus du ménage.');
      const tot = await essai(t.mous.token, { reponseMenage: 'acceptee', reponseMenageLe: '2026-02-27' });
      expect(tot.body.rejected?.[0]?.error).toBe(
        'La réponse du ménage ne peut pas précéder la mise à disposition du logement (2026-03-02).',
      );
      const parLeBailleur = await essai(t.hotePartenaire.token, { reponseMenage: 'acceptee', reponseMenageLe: '2026-03-20' });
      expect(parLeBailleur.status).toBe(403);
      expect(parLeBailleur.body.rejected?.[0]?.error).toBe('Seule l’équipe qui suit le ménage modifie son positionnement ou sa fiche.');
      const refus = { reponseMenage: 'refusee', reponseMenageLe: '2026-03-20', reponseMenageMotif: 'Trop loin de l’école des enfants' };
      expect((await essai(t.mous.token, refus)).status).toBe(200);
      for (const token of [t.hotePartenaire.token, t.demolisseurPartenaire.token])
        expect(fieldsOf((await pullAll(t.app, token)).pages, 'positionnements', positionId)).toMatchObject(refus);
    });

    it('lets the host landlord designate where the territory has no platform, and no one else (convention art. 10)', async () => {
      const t = await territoire(storage.db);
      const bailleur = new ModelClient(t.voisin.bailleur.token, Date.now);
      const logement = offre({ bailleur: 'Bailleur voisin' });
      bailleur.create('offresPartagees', logement);
      await envoyer(t.app, bailleur);
      const mous = new ModelClient(t.voisin.mous.token, Date.now);
      const { positionId } = positionner(mous, t.voisin.residence, logement.id);
      await envoyer(t.app, mous);
      mous.edit('positionnements', positionId, 'statut', 'designe');
      const parLaMous = await pushChanges(t.app, mous.token, mous.outbox);
      expect(parLaMous.status).toBe(403);
      expect(parLaMous.body.rejected?.[0]?.error).toMatch(/^Seuls les utilisateurs de la plateforme/);
      bailleur.edit('positionnements', positionId, 'statut', 'designe');
      bailleur.edit('positionnements', positionId, 'designeLe', '2026-03-06');
      await envoyer(t.app, bailleur);
    });
  });
}
