import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, pulledFields } from '../../src/sync/index.ts';
import type { PullResponse } from '../../src/sync/index.ts';
import { pullAll, pushChanges, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { buildApp } from '../../src/server/app.ts';
import { seedHouseholds } from '../../src/server/testing.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

/** Claire's new household, synced: the start of the tests of who follows it. */
async function householdOfClaire(db: Parameters<typeof cast>[0]) {
  const c = await cast(db);
  const claire = new ModelClient(c.claire.token, Date.now);
  const { menageId, personneId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
  await sync(claire, c.app);
  return { c, claire, menageId, personneId };
}

for (const backend of backends()) {
  describe(`sync push and pull (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('shares a household with its organisation and follows rights', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId, personneId } = newHousehold(claire, c.residenceId, null);
      await sync(claire, c.app);
      expect(claire.outbox).toEqual([]);

      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      expect(encadrant.record('menages', menageId)).toEqual(claire.record('menages', menageId));
      expect(encadrant.record('personnes', personneId)?.prenom).toBe('Awa');

      // Samir follows no household yet; he sees the résidence, not Claire's household.
      const samir = new ModelClient(c.samir.token, Date.now);
      await sync(samir, c.app);
      expect(samir.record('residences', c.residenceId)).toBeDefined();
      expect(samir.record('menages', menageId)).toBeUndefined();

      // Once named binôme, his next pull brings the whole household, rows older than his checkpoint included.
      encadrant.edit('menages', menageId, 'binomeId', c.samir.profile.id);
      await sync(encadrant, c.app);
      await sync(samir, c.app);
      expect(samir.record('menages', menageId)).toEqual(encadrant.record('menages', menageId));
      expect(samir.record('personnes', personneId)).toEqual(claire.record('personnes', personneId));

      // The other organisation sees none of it.
      const other = new ModelClient(c.other.encadrant.token, Date.now);
      await sync(other, c.app);
      expect(other.record('menages', menageId)).toBeUndefined();
      expect(other.record('residences', c.residenceId)).toBeUndefined();
    });

    it('applies a replayed push once', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      const first = await pushChanges(c.app, c.claire.token, claire.outbox);
      const before = await pullAll(c.app, c.encadrant.token);
      const replay = await pushChanges(c.app, c.claire.token, claire.outbox);
      const after = await pullAll(c.app, c.encadrant.token);
      expect(first.status).toBe(200);
      expect(replay.status).toBe(200);
      expect(replay.body.ackedChangeIds).toEqual(first.body.ackedChangeIds);
      expect(after.checkpoint).toBe(before.checkpoint);
    });

    it('logs a concurrent edit whichever value wins, and not an edit made after seeing', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      // A second later than Claire's, whatever the scheduling: the encadrant's edit wins by its clock.
      const encadrant = new ModelClient(c.encadrant.token, () => Date.now() + 1_000);
      await sync(encadrant, c.app);

      claire.edit('menages', menageId, 'telephone', '06 11 11 11 11');
      encadrant.edit('menages', menageId, 'telephone', '06 22 22 22 22');
      await sync(encadrant, c.app);
      await sync(claire, c.app);
      await sync(encadrant, c.app);
      expect(claire.record('menages', menageId)?.telephone).toBe('06 22 22 22 22');
      expect(encadrant.record('menages', menageId)?.telephone).toBe('06 22 22 22 22');

      const listed = await request(c.app, c.claire.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`);
      expect(listed.status).toBe(200);
      expect(listed.body.conflicts).toHaveLength(1);
      const [conflict] = listed.body.conflicts;
      expect(conflict).toMatchObject({
        table: 'menages',
        recordId: menageId,
        field: 'telephone',
        winner: { value: '06 22 22 22 22', author: c.encadrant.profile.name },
        loser: { value: '06 11 11 11 11', author: c.claire.profile.name },
        acknowledged: null,
      });

      // Claire has now seen the encadrant's number: her next edit is no conflict.
      claire.edit('menages', menageId, 'telephone', '06 33 33 33 33');
      await sync(claire, c.app);
      expect((await request(c.app, c.claire.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`)).body.conflicts).toHaveLength(1);

      const ack = await request(c.app, c.claire.token, 'POST', `/api/v1/conflicts/${conflict.id}/ack`);
      expect(ack.status).toBe(200);
      expect(ack.body.acknowledged.by).toBe(c.claire.profile.name);
      expect((await request(c.app, c.claire.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`)).body.conflicts).toEqual([]);
      const pages = await sync(encadrant, c.app);
      expect(pages.flatMap((p) => p.conflicts).map((x) => [x.id, x.acknowledged?.by])).toContainEqual([conflict.id, c.claire.profile.name]);
    });

    it('pages a pull in sequence order without losing a row', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      for (let i = 0; i < 5; i += 1) newHousehold(claire, c.residenceId, c.claire.profile.id);
      await pushChanges(c.app, c.claire.token, claire.outbox);
      const whole = await pullAll(c.app, c.encadrant.token, 0, 500);
      const paged = await pullAll(c.app, c.encadrant.token, 0, 7);
      // A page groups its fields by record; the pages follow each other in sequence order.
      const seqsOf = (pages: readonly PullResponse[]) =>
        pages.map((p) =>
          pulledFields(p)
            .map((x) => x.seq)
            .sort((a, b) => a - b),
        );
      const parPage = seqsOf(paged.pages);
      parPage.slice(1).forEach((seqs, i) => expect(Math.min(...seqs)).toBeGreaterThan(Math.max(...(parPage[i] ?? []))));
      expect(parPage.flat()).toEqual(seqsOf(whole.pages).flat());
      expect(paged.pages.length).toBeGreaterThan(5);
      expect(paged.checkpoint).toBe(whole.checkpoint);
    });

    it('walks a sparse view in bounded windows without missing a row', async () => {
      const c = await cast(storage.db);
      await seedHouseholds(storage.db, c.claire.profile, c.residenceId, 260);
      const samir = new ModelClient(c.samir.token, Date.now);
      const { menageId } = newHousehold(samir, c.residenceId, c.samir.profile.id);
      await sync(samir, c.app);
      const fresh = new ModelClient(c.samir.token, Date.now);
      const pages = await sync(fresh, c.app);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.some((p) => pulledFields(p).length < 500 && p.hasMore)).toBe(true);
      expect(fresh.record('menages', menageId)).toEqual(samir.record('menages', menageId));
    });

    it('sends a household assigned by an encadrant whole, and refuses assignments by a chargée', async () => {
      const { c, claire, menageId, personneId } = await householdOfClaire(storage.db);
      const samir = new ModelClient(c.samir.token, Date.now);
      await sync(samir, c.app);
      expect(samir.record('personnes', personneId)).toBeUndefined();

      const refused = await request(c.app, c.claire.token, 'POST', `/api/v1/menages/${menageId}/assignments`, {
        userId: c.samir.profile.id,
      });
      expect(refused.status).toBe(403);
      const assigned = await request(c.app, c.encadrant.token, 'POST', `/api/v1/menages/${menageId}/assignments`, {
        userId: c.samir.profile.id,
      });
      expect(assigned.status).toBe(204);
      await sync(samir, c.app);
      expect(samir.record('personnes', personneId)).toEqual(claire.record('personnes', personneId));

      // Now Samir may write to it too.
      samir.edit('personnes', personneId, 'prenom', 'Awa Fatou');
      await sync(samir, c.app);
      await sync(claire, c.app);
      expect(claire.record('personnes', personneId)?.prenom).toBe('Awa Fatou');
    });

    it('has a chargée’s device forget a household she no longer follows, and only then', async () => {
      const { c, claire, menageId, personneId } = await householdOfClaire(storage.db);
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      const samir = new ModelClient(c.samir.token, Date.now);
      await request(c.app, c.encadrant.token, 'POST', `/api/v1/menages/${menageId}/assignments`, { userId: c.samir.profile.id });
      await sync(samir, c.app);
      expect(samir.record('personnes', personneId)?.prenom).toBe('Awa');

      // Unassigned while still binôme: he keeps it.
      encadrant.edit('menages', menageId, 'binomeId', c.samir.profile.id);
      await sync(encadrant, c.app);
      expect(
        (await request(c.app, c.encadrant.token, 'DELETE', `/api/v1/menages/${menageId}/assignments/${c.samir.profile.id}`)).status,
      ).toBe(204);
      expect((await sync(samir, c.app)).flatMap((p) => p.removed)).toEqual([]);
      expect(samir.record('menages', menageId)?.binomeId).toBe(c.samir.profile.id);

      // No longer binôme either: his device forgets the household and its occupants.
      encadrant.edit('menages', menageId, 'binomeId', null);
      const pagesEncadrant = await sync(encadrant, c.app);
      expect((await sync(samir, c.app)).flatMap((p) => p.removed)).toEqual([menageId]);
      expect(samir.record('menages', menageId)).toBeUndefined();
      expect(samir.record('personnes', personneId)).toBeUndefined();
      expect(pagesEncadrant.flatMap((p) => p.removed)).toEqual([]);
      expect((await sync(claire, c.app)).flatMap((p) => p.removed)).toEqual([]);
    });

    it('refuses invalid changes with their ids and writes nothing', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      const bad = claire.edit('menages', menageId, 'statut', 'inconnu');
      const before = await pullAll(c.app, c.encadrant.token);
      const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(answer.status).toBe(400);
      expect(answer.body.rejected?.map((r) => r.changeId)).toEqual([bad.changeId]);
      expect((await pullAll(c.app, c.encadrant.token)).checkpoint).toBe(before.checkpoint);

      const ahead = { ...bad, value: 'a_rencontrer', hlc: `${new Date(Date.now() + 6 * 60_000).toISOString()}-0000-0123456789abcdef` };
      const future = await pushChanges(c.app, c.claire.token, [ahead]);
      expect(future.status).toBe(400);
      expect(future.body.rejected?.[0]?.error).toMatch(/horloge/i);

      const outdated = await request(c.app, c.claire.token, 'POST', '/api/v1/sync/push', {
        protocolVersion: PROTOCOL_VERSION - 1,
        deviceId: 'x',
        changes: [],
      });
      expect(outdated.status).toBe(426);
      expect(outdated.body.error).toMatch(/Mise à jour requise/);
    });

    it('refuses a clock that names no instant; a real edit replaces one an older server stored', async () => {
      const { c, claire, menageId } = await householdOfClaire(storage.db);
      const impossible = '9999-99-99T99:99:99.999Z-0000-0123456789abcdef';
      const poisoned = { ...claire.edit('menages', menageId, 'telephone', '06 00 00 00 00'), hlc: impossible };
      const refused = await pushChanges(c.app, c.claire.token, [poisoned]);
      expect(refused.status).toBe(400);
      expect(refused.body.rejected).toEqual([
        { changeId: poisoned.changeId, error: expect.stringMatching(/Horloge de la tablette impossible/) },
      ]);
      claire.outbox = [];

      // Stored as an older server did, without checking, by someone else after Claire's last pull.
      await storage.db.query(
        `with next as (update sync_state set seq = seq + 1 returning seq)
         update fields set value = '"06 00 00 00 00"', hlc = $1, author = $2, seq = (select seq from next)
         where field = 'telephone' and rid = (select rid from records where tbl = 'menages' and record_id = $3)`,
        [impossible, c.encadrant.profile.id, menageId],
      );
      // Claire's edit, concurrent with it, wins over the impossible clock; the conflict still lists.
      claire.edit('menages', menageId, 'telephone', '06 11 11 11 11');
      await sync(claire, c.app);
      const listed = await request(c.app, c.encadrant.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`);
      expect(listed.status).toBe(200);
      expect(listed.body.conflicts).toMatchObject([
        { winner: { value: '06 11 11 11 11' }, loser: { value: '06 00 00 00 00', hlc: impossible } },
      ]);
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      expect(encadrant.record('menages', menageId)?.telephone).toBe('06 11 11 11 11');
    });

    it('refuses a value with a key its schema does not know, at any depth, and stores nothing', async () => {
      const { c, claire, menageId } = await householdOfClaire(storage.db);
      const before = await pullAll(c.app, c.encadrant.token);
      const extra = claire.edit('menages', menageId, 'consentements.caf', {
        accorde: true,
        date: '2025-03-01',
        ['x'.repeat(1_000_000)]: 1,
      });
      const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(answer.status).toBe(400);
      expect(answer.body.rejected).toEqual([{ changeId: extra.changeId, error: expect.stringMatching(/clé « x+ » inconnue/) }]);
      expect((await pullAll(c.app, c.encadrant.token)).checkpoint).toBe(before.checkpoint);
    });

    it('refuses with 507 a push over the organisation’s quota, and still takes one that frees space', async () => {
      const c = await cast(storage.db);
      const app = await buildApp({ db: storage.db, orgQuotaBytes: 2_000 });
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, app);
      const before = await pullAll(app, c.encadrant.token);

      claire.edit('menages', menageId, 'adresse', 'a'.repeat(300));
      for (let i = 0; i < 10; i += 1) newHousehold(claire, c.residenceId, c.claire.profile.id);
      const full = await pushChanges(app, c.claire.token, claire.outbox);
      expect(full.status).toBe(507);
      expect(full.body.error).toMatch(/Espace de stockage de votre organisation plein/);
      expect((await pullAll(app, c.encadrant.token)).checkpoint).toBe(before.checkpoint);

      // Already over a lower quota: a shorter value passes, a longer one does not.
      const tight = await buildApp({ db: storage.db, orgQuotaBytes: 100 });
      claire.outbox = [];
      claire.edit('menages', menageId, 'nom', 'M');
      expect((await pushChanges(tight, c.claire.token, claire.outbox)).status).toBe(200);
      claire.outbox = [];
      claire.edit('menages', menageId, 'nom', 'Famille Martin-Diallo');
      expect((await pushChanges(tight, c.claire.token, claire.outbox)).status).toBe(507);
      // Each organisation has its own quota.
      const other = new ModelClient(c.other.chargee.token, Date.now);
      newHousehold(other, c.other.residenceId, c.other.chargee.profile.id);
      expect((await pushChanges(app, c.other.chargee.token, other.outbox)).status).toBe(200);
    });

    it('lets only encadrants write reference data, and keeps each organisation’s settings apart', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      claire.edit('parametres', 'territoire', 'cadenceContactMois', 2);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(403);

      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      encadrant.edit('parametres', 'territoire', 'cadenceContactMois', 2);
      const other = new ModelClient(c.other.encadrant.token, Date.now);
      other.edit('parametres', 'territoire', 'cadenceContactMois', 6);
      await sync(encadrant, c.app);
      await sync(other, c.app);
      await sync(encadrant, c.app);
      expect(encadrant.record('parametres', 'territoire')?.cadenceContactMois).toBe(2);
      expect(other.record('parametres', 'territoire')?.cadenceContactMois).toBe(6);
    });
  });
}
