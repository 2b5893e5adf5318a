import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orientationSchema, propositionSchema } from '../../src/domain/index.ts';
import type { Circuit } from '../../src/domain/index.ts';
import { pushChanges, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import type { Cast } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// Charte §5.5 C across a household's proposals (docs/domaine.md « Circuit d'une proposition »): once a
// partner has not validated a proposal of the circuit dématérialisé, the next ones go to the GTR or
// GTRM unless a later orientation sends the household back to the circuit. The tablet checks it
// when it creates a proposal; the server checks it too, for a stale tablet (two offline) or a hostile one.

const FERME =
  'Un partenaire n’a pas validé la proposition n° 1 dans le circuit dématérialisé (le 6 mai 2025) : la situation est traitée en GTR ou GTRM (charte §5.5 C). Faites la proposition en GTR ou en GTRM, ou enregistrez d’abord une nouvelle orientation vers le circuit dématérialisé.';
const PARTENAIRES = ['Ville', 'Métropole', 'DDTM'];
const REJET = { avis: 'defavorable', date: '2025-05-06', motif: 'Taux d’effort trop élevé' } as const;

const proposition = (menageId: string, rang: number, circuit: Circuit, proposeeLe: string) =>
  propositionSchema.parse({
    id: randomUUID(),
    menageId,
    offreId: randomUUID(),
    rang,
    circuit,
    proposeeLe,
    partenaires: circuit === 'circuit_dematerialise' ? PARTENAIRES : [circuit.toUpperCase()],
  });

const orientation = (menageId: string, date: string, circuit: Circuit) =>
  orientationSchema.parse({ id: randomUUID(), menageId, date, circuit, decidePar: 'Comité de pilotage' });

/** Claire's household with its 1st proposal in the circuit dématérialisé, stored on the server (rejected by DDTM unless `rejetee` is false). */
async function premiereProposition(c: Cast, rejetee = true): Promise<{ claire: ModelClient; menageId: string; premiere: string }> {
  const claire = new ModelClient(c.claire.token, Date.now);
  const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
  claire.create('orientations', orientation(menageId, '2025-04-01', 'circuit_dematerialise'));
  const premiere = proposition(menageId, 1, 'circuit_dematerialise', '2025-05-02');
  claire.create('propositions', rejetee ? { ...premiere, avis: { DDTM: REJET } } : premiere);
  await sync(claire, c.app);
  expect(claire.outbox).toEqual([]);
  return { claire, menageId, premiere: premiere.id };
}

/** What a device of the organisation gets from the server. */
async function stored(c: Cast, table: 'propositions' | 'orientations', id: string) {
  const encadrant = new ModelClient(c.encadrant.token, Date.now);
  await sync(encadrant, c.app);
  return encadrant.record(table, id);
}

for (const backend of backends()) {
  describe(`the circuit dématérialisé after a partner’s rejection, on the server (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('refuses a new proposal in the circuit dématérialisé, in French, and stores nothing of it', async () => {
      const c = await cast(storage.db);
      const { claire, menageId } = await premiereProposition(c);
      const seconde = proposition(menageId, 2, 'circuit_dematerialise', '2025-05-12');
      claire.create('propositions', seconde);

      const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(answer.status).toBe(403);
      expect(answer.body.rejected).toEqual(claire.outbox.map((change) => ({ changeId: change.changeId, error: FERME })));
      expect(await stored(c, 'propositions', seconde.id)).toBeUndefined();
    });

    it('refuses it when the same batch records the rejection and the new proposal', async () => {
      const c = await cast(storage.db);
      const { claire, menageId, premiere } = await premiereProposition(c, false);
      claire.edit('propositions', premiere, 'avis.DDTM', REJET);
      const seconde = proposition(menageId, 2, 'circuit_dematerialise', '2025-05-12');
      claire.create('propositions', seconde);

      const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
      expect(answer.status).toBe(403);
      expect(new Set(answer.body.rejected?.map((r) => r.error))).toEqual(new Set([FERME]));
      expect(await stored(c, 'propositions', seconde.id)).toBeUndefined();
      expect(await stored(c, 'propositions', premiere)).not.toHaveProperty('avis.DDTM');
    });

    it('refuses moving a GTR proposal into the circuit dématérialisé, and an orientation dated before the rejection does not reopen it', async () => {
      const c = await cast(storage.db);
      const { claire, menageId } = await premiereProposition(c);
      const seconde = proposition(menageId, 2, 'gtr', '2025-05-12');
      claire.create('propositions', seconde);
      claire.create('orientations', orientation(menageId, '2025-05-05', 'circuit_dematerialise'));
      await sync(claire, c.app);
      expect(claire.outbox).toEqual([]);

      const moved = claire.edit('propositions', seconde.id, 'circuit', 'circuit_dematerialise');
      const answer = await pushChanges(c.app, c.claire.token, [moved]);
      expect(answer.status).toBe(403);
      expect(answer.body.rejected).toEqual([{ changeId: moved.changeId, error: FERME }]);
      expect(await stored(c, 'propositions', seconde.id)).toMatchObject({ circuit: 'gtr' });
    });

    it('accepts the next proposal in GTR', async () => {
      const c = await cast(storage.db);
      const { claire, menageId } = await premiereProposition(c);
      const seconde = proposition(menageId, 2, 'gtr', '2025-05-12');
      claire.create('propositions', seconde);

      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
      expect(await stored(c, 'propositions', seconde.id)).toMatchObject({ circuit: 'gtr', rang: 2 });
    });

    it('accepts a proposal in the circuit dématérialisé after an orientation back to it dated after the rejection, stored or in the same batch', async () => {
      const c = await cast(storage.db);
      const { claire, menageId } = await premiereProposition(c);
      claire.create('orientations', orientation(menageId, '2025-05-09', 'circuit_dematerialise'));
      const seconde = proposition(menageId, 2, 'circuit_dematerialise', '2025-05-12');
      claire.create('propositions', seconde);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
      expect(await stored(c, 'propositions', seconde.id)).toMatchObject({ circuit: 'circuit_dematerialise', rang: 2 });

      const other = await premiereProposition(c);
      other.claire.create('orientations', orientation(other.menageId, '2025-05-09', 'circuit_dematerialise'));
      await sync(other.claire, c.app);
      const troisieme = proposition(other.menageId, 2, 'circuit_dematerialise', '2025-05-12');
      other.claire.create('propositions', troisieme);
      expect((await pushChanges(c.app, c.claire.token, other.claire.outbox)).status).toBe(200);
    });
  });
}
