import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operationSchema, residenceSchema } from '../../src/domain/index.ts';
import { pushChanges, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// A chargée who creates a résidence on her tablet proposes it: the server keeps it, awaiting an
// encadrant, and every change of the households she created in it reaches the server. The
// encadrant then validates it, or maps it onto an existing résidence and the households follow.

/** Claire's tablet: a résidence of her own (and its operation), a household in it with one occupant. */
function claireProposes(claire: ModelClient, referentId: string) {
  const operation = operationSchema.parse({ id: randomUUID(), nom: 'NPNRU Les Tilleuls' });
  const residence = residenceSchema.parse({
    id: randomUUID(),
    operationId: operation.id,
    nom: 'Les Tilleuls',
    dateOuverture: '2026-01-05',
  });
  claire.create('operations', operation);
  claire.create('residences', residence);
  const household = newHousehold(claire, residence.id, referentId);
  claire.edit('menages', household.menageId, 'telephone', '06 12 34 56 78');
  return { residenceId: residence.id, operationId: operation.id, ...household };
}

for (const backend of backends()) {
  describe(`résidences proposed by a chargée (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('keeps the proposal and every change of its households, then lets an encadrant validate it', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const proposed = claireProposes(claire, c.claire.profile.id);
      const sent = claire.outbox.length;
      const answer = await pushChanges(c.app, c.claire.token, claire.outbox, claire.deviceId);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.ackedChangeIds).toHaveLength(sent);
      claire.acknowledge(answer.body);

      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      expect(encadrant.record('residences', proposed.residenceId)).toMatchObject({ nom: 'Les Tilleuls', aValider: true });
      expect(encadrant.record('operations', proposed.operationId)).toMatchObject({ aValider: true });
      expect(encadrant.record('menages', proposed.menageId)).toMatchObject({
        residenceId: proposed.residenceId,
        nom: 'Famille Martin',
        telephone: '06 12 34 56 78',
      });
      expect(encadrant.record('personnes', proposed.personneId)).toMatchObject({ menageId: proposed.menageId, prenom: 'Awa' });

      // Hers to correct while it awaits; never hers to validate, never another chargée's to edit.
      claire.edit('residences', proposed.residenceId, 'adresse', '3 rue des Tilleuls');
      await sync(claire, c.app);
      const selfValidation = claire.edit('residences', proposed.residenceId, 'aValider', false);
      const refused = await pushChanges(c.app, c.claire.token, [selfValidation]);
      expect(refused.status).toBe(403);
      expect(refused.body.rejected).toEqual([
        { changeId: selfValidation.changeId, error: expect.stringMatching(/Seul un encadrant peut valider/) },
      ]);
      claire.outbox = [];
      const samir = new ModelClient(c.samir.token, Date.now);
      expect((await pushChanges(c.app, c.samir.token, [samir.edit('residences', proposed.residenceId, 'nom', 'Autre nom')])).status).toBe(
        403,
      );

      encadrant.edit('residences', proposed.residenceId, 'aValider', false);
      await sync(encadrant, c.app);
      await sync(claire, c.app);
      expect(claire.record('residences', proposed.residenceId)).toMatchObject({ aValider: false, adresse: '3 rue des Tilleuls' });
      const late = await pushChanges(c.app, c.claire.token, [claire.edit('residences', proposed.residenceId, 'nom', 'Tilleuls')]);
      expect(late.status).toBe(403);
      expect(late.body.rejected?.[0]?.error).toMatch(/validée/);
    });

    it('lets an encadrant map a proposed résidence onto an existing one, the households with it', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const proposed = claireProposes(claire, c.claire.profile.id);
      await sync(claire, c.app);

      // What the encadrant's tablet writes when she maps the proposal (src/data referentiel).
      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      encadrant.edit('menages', proposed.menageId, 'residenceId', c.residenceId);
      encadrant.edit('residences', proposed.residenceId, 'rattacheeA', c.residenceId);
      encadrant.edit('residences', proposed.residenceId, 'aValider', false);
      encadrant.edit('residences', proposed.residenceId, 'supprime', true);
      await sync(encadrant, c.app);

      await sync(claire, c.app);
      expect(claire.record('menages', proposed.menageId)).toMatchObject({ residenceId: c.residenceId, telephone: '06 12 34 56 78' });
      expect(claire.record('residences', proposed.residenceId)).toMatchObject({ rattacheeA: c.residenceId, supprime: true });
      // Mapping is the encadrant's: a chargée may not name the target herself.
      const mapping = claire.edit('residences', proposed.residenceId, 'rattacheeA', c.residenceId);
      expect((await pushChanges(c.app, c.claire.token, [mapping])).status).toBe(403);
    });

    it('still refuses a chargée’s territory settings and barèmes', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const change = claire.edit('parametres', 'territoire', 'cadenceContactMois', 2);
      const answer = await pushChanges(c.app, c.claire.token, [change]);
      expect(answer.status).toBe(403);
      expect(answer.body.rejected).toEqual([{ changeId: change.changeId, error: expect.stringMatching(/encadrants/) }]);
    });
  });
}
