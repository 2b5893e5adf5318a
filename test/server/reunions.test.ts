import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changementSituationSchema, decisionReunionSchema, reunionSchema } from '../../src/domain/index.ts';
import { pushChanges } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// The partners' meetings are the organisation's reference data, written by its encadrants; a
// meeting's decision and a change of situation belong to a household, written by those who follow
// it. The server checks every value against the same schemas as the tablets (charte §4 steps 4 to 8).

for (const backend of backends()) {
  describe(`meetings and changes of situation on the server (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('an encadrant records a meeting, a chargée may not; she records its decision and a change of situation for her household', async () => {
      const c = await cast(storage.db);
      const reunion = reunionSchema.parse({ id: randomUUID(), operationId: randomUUID(), nature: 'gtr', date: '2025-05-12' });
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      encadrant.create('reunions', reunion);
      expect((await pushChanges(c.app, c.encadrant.token, encadrant.outbox)).status).toBe(200);

      const claire = new ModelClient(c.claire.token, Date.now);
      claire.create('reunions', reunionSchema.parse({ ...reunion, id: randomUUID() }));
      const refused = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(refused.status).toBe(403);
      expect(refused.body.rejected?.[0]?.error).toBe(
        'Les règles du territoire et les barèmes sont modifiés par les encadrants et administrateurs, comme les réunions des partenaires.',
      );

      claire.outbox = [];
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      claire.create(
        'decisionsReunion',
        decisionReunionSchema.parse({
          id: randomUUID(),
          menageId,
          reunionId: reunion.id,
          decision: 'freins_a_lever',
          detail: 'Plan d’apurement',
        }),
      );
      claire.create(
        'changementsSituation',
        changementSituationSchema.parse({ id: randomUUID(), menageId, nature: 'naissance', date: '2025-05-02' }),
      );
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
    });

    it('refuses a decision or a change of situation the schemas do not know', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
      claire.outbox = [];
      const decision = claire.edit('decisionsReunion', randomUUID(), 'decision', 'expulsion');
      const answer = await pushChanges(c.app, c.claire.token, [decision]);
      expect(answer.status).toBe(400);
      expect(answer.body.rejected?.[0]?.error).toMatch(/Décision inconnue/);
      const changement = claire.edit('changementsSituation', randomUUID(), 'nature', 'mariage');
      expect((await pushChanges(c.app, c.claire.token, [changement])).body.rejected?.[0]?.error).toMatch(/Changement inconnu/);
    });
  });
}
