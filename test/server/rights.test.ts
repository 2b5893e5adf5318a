import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personneSchema } from '../../src/domain/index.ts';
import { pulledFields } from '../../src/sync/index.ts';
import { pullAll, pushChanges, request } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// A user of organisation B can neither pull, push to, nor read what belongs to a household of
// organisation A, and the refusal reads the same as for something that does not exist.

for (const backend of backends()) {
  describe(`rights between organisations (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('keeps each organisation’s households to itself and reveals nothing', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId, personneId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);

      const intruder = new ModelClient(c.other.encadrant.token, Date.now);
      const { pages } = await pullAll(c.app, c.other.encadrant.token);
      expect(pages.flatMap((p) => pulledFields(p)).filter((x) => x.recordId === menageId || x.recordId === personneId)).toEqual([]);

      const editExisting = intruder.edit('menages', menageId, 'telephone', '06 66 66 66 66');
      const forbidden = await pushChanges(c.app, intruder.token, [editExisting]);
      const editUnknown = intruder.edit('menages', randomUUID(), 'telephone', '06 66 66 66 66');
      const unknown = await pushChanges(c.app, intruder.token, [editUnknown]);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toEqual({
        ...unknown.body,
        rejected: [{ changeId: editExisting.changeId, error: unknown.body.rejected?.[0]?.error }],
      });

      intruder.outbox = [];
      intruder.create('personnes', personneSchema.parse({ id: randomUUID(), menageId, prenom: 'Intrus' }));
      expect((await pushChanges(c.app, intruder.token, intruder.outbox)).status).toBe(403);
      intruder.outbox = [];
      newHousehold(intruder, c.residenceId, null);
      const borrowed = await pushChanges(c.app, intruder.token, intruder.outbox);
      expect(borrowed.status).toBe(403);

      const conflicts = await request(c.app, c.other.encadrant.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`);
      const noConflicts = await request(c.app, c.other.encadrant.token, 'GET', `/api/v1/conflicts?menageId=${randomUUID()}`);
      expect(conflicts).toEqual({ status: 403, body: { error: 'Accès refusé.' } });
      expect(noConflicts).toEqual(conflicts);
      const assign = await request(c.app, c.other.encadrant.token, 'POST', `/api/v1/menages/${menageId}/assignments`, {
        userId: c.other.chargee.profile.id,
      });
      expect(assign).toEqual(conflicts);

      // Nothing the intruder sent was written.
      const { pages: after } = await pullAll(c.app, c.encadrant.token);
      expect(after.flatMap((p) => pulledFields(p)).find((x) => x.recordId === menageId && x.field === 'telephone')?.value).toBe('');
    });

    it('lets a chargée write only the households she follows', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await pushChanges(c.app, c.claire.token, claire.outbox);
      const samir = new ModelClient(c.samir.token, Date.now);
      samir.edit('menages', menageId, 'telephone', '06 00');
      expect((await pushChanges(c.app, c.samir.token, samir.outbox)).status).toBe(403);
      expect((await request(c.app, c.samir.token, 'GET', `/api/v1/conflicts?menageId=${menageId}`)).status).toBe(403);
    });
  });
}
