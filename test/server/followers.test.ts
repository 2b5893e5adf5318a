import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { menageSchema } from '../../src/domain/index.ts';
import { pushChanges, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import type { Cast } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// Who follows a household is its referentId and binomeId (user ids) and the assignments, never a
// name nor who created it; only an encadrant changes them (docs/sync.md « Droits »).

const FOLLOWERS_ONLY = 'Seul un encadrant change le référent ou le binôme d’un ménage.';

/** A household the encadrant creates, with the given fields (followers, legacy names…). */
async function encadrantCreates(c: Cast, fields: Record<string, unknown>): Promise<{ menageId: string; encadrant: ModelClient }> {
  const encadrant = new ModelClient(c.encadrant.token, Date.now);
  const menageId = randomUUID();
  encadrant.create(
    'menages',
    menageSchema.parse({ id: menageId, residenceId: c.residenceId, nom: 'Famille Diallo', creeLe: '2025-03-01', ...fields }),
  );
  await sync(encadrant, c.app);
  return { menageId, encadrant };
}

async function sees(c: Cast, token: string, menageId: string): Promise<boolean> {
  const device = new ModelClient(token, Date.now);
  await sync(device, c.app);
  return device.record('menages', menageId) !== undefined;
}

for (const backend of backends()) {
  describe(`followers of a household (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('gives nothing to a chargée whose name or email a household’s référent field holds', async () => {
      const c = await cast(storage.db);
      const { menageId } = await encadrantCreates(c, { referent: c.samir.profile.name, binome: c.samir.profile.email });
      expect(await sees(c, c.samir.token, menageId)).toBe(false);
      const samir = new ModelClient(c.samir.token, Date.now);
      samir.edit('menages', menageId, 'telephone', '06 00');
      expect((await pushChanges(c.app, c.samir.token, samir.outbox)).status).toBe(403);
    });

    it('keeps a household with its référente when her display name changes', async () => {
      const c = await cast(storage.db);
      const { menageId } = await encadrantCreates(c, { referentId: c.claire.profile.id });
      await storage.db.query('update users set name = $1 where id = $2', [`Claire Nouveau-Nom ${randomUUID()}`, c.claire.profile.id]);
      expect(await sees(c, c.claire.token, menageId)).toBe(true);
      const claire = new ModelClient(c.claire.token, Date.now);
      claire.edit('menages', menageId, 'telephone', '06 11');
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
    });

    it('refuses a chargée assigned a household for a while to name herself binôme, so she loses it when unassigned', async () => {
      const c = await cast(storage.db);
      const { menageId } = await encadrantCreates(c, { referentId: c.claire.profile.id });
      await request(c.app, c.encadrant.token, 'POST', `/api/v1/menages/${menageId}/assignments`, { userId: c.samir.profile.id });
      const samir = new ModelClient(c.samir.token, Date.now);
      await sync(samir, c.app);
      const binome = samir.edit('menages', menageId, 'binomeId', c.samir.profile.id);
      const answer = await pushChanges(c.app, c.samir.token, [binome]);
      expect(answer.status).toBe(403);
      expect(answer.body.rejected).toEqual([{ changeId: binome.changeId, error: FOLLOWERS_ONLY }]);

      samir.outbox = [];
      await request(c.app, c.encadrant.token, 'DELETE', `/api/v1/menages/${menageId}/assignments/${c.samir.profile.id}`);
      expect((await sync(samir, c.app)).flatMap((p) => p.removed)).toEqual([menageId]);
      expect(samir.record('menages', menageId)).toBeUndefined();
    });

    it('takes a household from the chargée who created it once an encadrant gives it to another', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      encadrant.edit('menages', menageId, 'referentId', c.samir.profile.id);
      await sync(encadrant, c.app);

      expect((await sync(claire, c.app)).flatMap((p) => p.removed)).toEqual([menageId]);
      claire.edit('menages', menageId, 'telephone', '06 22');
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(403);
      expect(await sees(c, c.samir.token, menageId)).toBe(true);
    });

    it('lets only an encadrant change who follows a household, to a user of the organisation', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      const handOver = claire.edit('menages', menageId, 'referentId', c.samir.profile.id);
      const answer = await pushChanges(c.app, c.claire.token, [handOver]);
      expect(answer.status).toBe(403);
      expect(answer.body.rejected).toEqual([{ changeId: handOver.changeId, error: FOLLOWERS_ONLY }]);
      expect(await sees(c, c.samir.token, menageId)).toBe(false);

      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      encadrant.edit('menages', menageId, 'binomeId', c.samir.profile.id);
      expect((await pushChanges(c.app, c.encadrant.token, encadrant.outbox)).status).toBe(200);
      expect(await sees(c, c.samir.token, menageId)).toBe(true);

      // Only to a user of the organisation.
      for (const stranger of [c.other.chargee.profile.id, randomUUID()]) {
        const given = encadrant.edit('menages', menageId, 'referentId', stranger);
        const refused = await pushChanges(c.app, c.encadrant.token, [given]);
        expect(refused.status).toBe(403);
        expect(refused.body.rejected).toEqual([
          { changeId: given.changeId, error: 'Le référent ou le binôme d’un ménage est un compte de votre organisation.' },
        ]);
      }
    });

    it('makes a chargée creating a household its référente, and refuses her naming anyone else', async () => {
      const c = await cast(storage.db);
      // Created before her first login: the tablet knows no user id yet.
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, null);
      await sync(claire, c.app);
      expect(claire.record('menages', menageId)?.referentId).toBe(c.claire.profile.id);

      for (const fields of [{ referentId: c.samir.profile.id }, { binomeId: c.samir.profile.id }]) {
        const other = new ModelClient(c.claire.token, Date.now);
        const id = randomUUID();
        other.create(
          'menages',
          menageSchema.parse({ id, residenceId: c.residenceId, nom: 'Famille Kaya', creeLe: '2025-03-01', ...fields }),
        );
        const answer = await pushChanges(c.app, c.claire.token, other.outbox);
        expect(answer.status).toBe(403);
        expect(answer.body.rejected?.map((r) => r.error)).toEqual([FOLLOWERS_ONLY]);
        expect(await sees(c, c.samir.token, id)).toBe(false);
      }
    });

    it('gives a household opened by décohabitation the référent and binôme of its origin, whichever of them opens it', async () => {
      const c = await cast(storage.db);
      const { menageId: origine } = await encadrantCreates(c, { referentId: c.claire.profile.id, binomeId: c.samir.profile.id });
      // Samir, the binôme, opens the file (data/propositions.ts `decohabiter` copies the followers).
      const samir = new ModelClient(c.samir.token, Date.now);
      await sync(samir, c.app);
      const issu = randomUUID();
      samir.create(
        'menages',
        menageSchema.parse({
          id: issu,
          residenceId: c.residenceId,
          nom: 'Moussa Diallo',
          creeLe: '2025-03-02',
          menageOrigineId: origine,
          personneOrigineId: randomUUID(),
          referentId: c.claire.profile.id,
          binomeId: c.samir.profile.id,
        }),
      );
      expect((await pushChanges(c.app, c.samir.token, samir.outbox)).status).toBe(200);
      const claire = new ModelClient(c.claire.token, Date.now);
      await sync(claire, c.app);
      expect(claire.record('menages', issu)).toMatchObject({ referentId: c.claire.profile.id, binomeId: c.samir.profile.id });
      expect(await sees(c, c.samir.token, issu)).toBe(true);
    });

    it('makes a chargée who is not among the origin’s followers référente of the household she opens from it', async () => {
      const c = await cast(storage.db);
      const { menageId: origine } = await encadrantCreates(c, { referentId: c.claire.profile.id });
      await request(c.app, c.encadrant.token, 'POST', `/api/v1/menages/${origine}/assignments`, { userId: c.samir.profile.id });
      const samir = new ModelClient(c.samir.token, Date.now);
      await sync(samir, c.app);
      const issu = randomUUID();
      samir.create(
        'menages',
        menageSchema.parse({ id: issu, residenceId: c.residenceId, nom: 'Moussa Diallo', creeLe: '2025-03-02', menageOrigineId: origine }),
      );
      expect((await pushChanges(c.app, c.samir.token, samir.outbox)).status).toBe(200);
      await sync(samir, c.app);
      expect(samir.record('menages', issu)?.referentId).toBe(c.samir.profile.id);
    });

    it('keeps a household a chargée creates offline hers while she pushes it one change at a time', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId, personneId } = newHousehold(claire, c.residenceId, null);
      claire.edit('menages', menageId, 'telephone', '06 33');
      // The first change gives the résidence, which creates the household; then its empty référent…
      expect(claire.outbox.slice(0, 2).map((ch) => ch.field)).toEqual(['residenceId', 'referentId']);
      for (const change of claire.outbox) expect((await pushChanges(c.app, c.claire.token, [change])).status).toBe(200);
      const device = new ModelClient(c.claire.token, Date.now);
      await sync(device, c.app);
      expect(device.record('menages', menageId)).toMatchObject({ telephone: '06 33', referentId: c.claire.profile.id });
      expect(device.record('personnes', personneId)?.prenom).toBe('Awa');
    });
  });
}
