import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demenagementSchema, propositionSchema } from '../../src/domain/index.ts';
import { pushChanges, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// The end of the path and the moves travel like every synced record: the server checks each
// value against the schema (congé with its proof, move checklist lines), stores the parsed
// value, and merges two officers ticking different lines of the same checklist.
for (const backend of backends()) {
  describe(`congé, temporary relocation and move checklist in sync (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('shares a congé and a checklist whose lines, edited on two tablets, are both kept', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      const propositionId = randomUUID();
      claire.create(
        'propositions',
        propositionSchema.parse({
          id: propositionId,
          menageId,
          offreId: randomUUID(),
          rang: 3,
          circuit: 'gtr',
          proposeeLe: '2025-03-03',
          partenaires: ['GTR'],
          temporaire: false,
        }),
      );
      claire.edit('propositions', propositionId, 'conge', {
        mode: 'huissier',
        envoyeLe: '2025-03-06',
        notifieLe: '2025-03-07',
        preuve: 'Acte n° 2025-117',
      });
      const demenagementId = randomUUID();
      claire.create('demenagements', demenagementSchema.parse({ id: demenagementId, menageId, propositionId }));
      await sync(claire, c.app);
      expect(claire.outbox).toEqual([]);

      const encadrant = new ModelClient(c.encadrant.token, Date.now);
      await sync(encadrant, c.app);
      expect(encadrant.record('propositions', propositionId)?.conge).toEqual({
        mode: 'huissier',
        envoyeLe: '2025-03-06',
        notifieLe: '2025-03-07',
        preuve: 'Acte n° 2025-117',
      });

      claire.edit('demenagements', demenagementId, 'postes.courrier', {
        etat: 'fait',
        payeur: 'bailleur_origine',
        montant: 54,
        factureRemiseLe: '2025-06-02',
        rembourseLe: null,
        commentaire: '',
      });
      encadrant.edit('demenagements', demenagementId, 'postes.carte_grise', {
        etat: 'sans_objet',
        payeur: null,
        montant: null,
        factureRemiseLe: null,
        rembourseLe: null,
        commentaire: 'Pas de véhicule',
      });
      await sync(claire, c.app);
      await sync(encadrant, c.app);
      await sync(claire, c.app);
      const postes = claire.record('demenagements', demenagementId)?.postes as Record<string, { etat: string }>;
      expect(Object.fromEntries(Object.entries(postes).map(([k, v]) => [k, v.etat]))).toEqual({
        courrier: 'fait',
        carte_grise: 'sans_objet',
      });
    });

    it('refuses a congé without its proof and a checklist line it does not know, writing nothing', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      const propositionId = randomUUID();
      claire.create(
        'propositions',
        propositionSchema.parse({
          id: propositionId,
          menageId,
          offreId: randomUUID(),
          rang: 3,
          circuit: 'gtr',
          proposeeLe: '2025-03-03',
          partenaires: ['GTR'],
        }),
      );
      const demenagementId = randomUUID();
      claire.create('demenagements', demenagementSchema.parse({ id: demenagementId, menageId, propositionId }));
      await sync(claire, c.app);
      const sansPreuve = claire.edit('propositions', propositionId, 'conge', {
        mode: 'huissier',
        envoyeLe: '2025-03-06',
        notifieLe: '2025-03-07',
        preuve: '',
      });
      const inconnu = claire.edit('demenagements', demenagementId, 'postes.piscine', { etat: 'fait' });
      const negatif = claire.edit('demenagements', demenagementId, 'cautionAccueil', -10);
      const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(answer.status).toBe(400);
      expect(answer.body.rejected?.map((r) => r.changeId).sort()).toEqual([sansPreuve.changeId, inconnu.changeId, negatif.changeId].sort());
      expect(answer.body.rejected?.find((r) => r.changeId === inconnu.changeId)?.error).toMatch(/Entrée « piscine » inconnue/);
    });
  });
}
