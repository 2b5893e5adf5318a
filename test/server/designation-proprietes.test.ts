import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DESIGNES, designationActive, positionnementSchema } from '../../src/domain/index.ts';
import type { Positionnement } from '../../src/domain/index.ts';
import { pushChanges } from './api.ts';
import { pullAll } from './api.ts';
import { ModelClient } from './client-model.ts';
import { backends, useDatabase } from './harness.ts';
import { envoyer, offre, positionner, territoire } from './territoire.ts';
import type { Territoire } from './territoire.ts';

// Convention AMP art. 10, as the server must hold it whatever the tablets did offline: teams of
// two organisations position households on the same offers in random order, two platform
// tablets designate in random order, each syncing or staying offline at random. In the end at
// most three candidates are designated per offer, no household is designated on two offers, and
// every device holds the server’s result. A fresh seed each run (test/graine.ts), printed on failure.

type Step =
  | { kind: 'position'; team: 0 | 1; household: number; offer: number }
  | { kind: 'designate'; device: 0 | 1; pick: number }
  | { kind: 'sync'; who: 0 | 1 | 2 | 3 };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('position' as const),
    team: fc.constantFrom(0 as const, 1 as const),
    household: fc.nat(2),
    offer: fc.nat(1),
  }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('designate' as const), device: fc.constantFrom(0 as const, 1 as const), pick: fc.nat(20) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), who: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const) }),
  },
);

/** One sync: the outbox pushed (overruled changes are acknowledged like the others), then pulled up to date. */
async function sync(t: Territoire, client: ModelClient): Promise<void> {
  if (client.outbox.length > 0) {
    const answer = await pushChanges(t.app, client.token, client.outbox, client.deviceId);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    client.acknowledge(answer.body);
  }
  const { pages } = await pullAll(t.app, client.token, client.checkpoint);
  for (const page of pages) client.applyPull(page);
}

const positionsOf = (client: ModelClient, offers: readonly string[]): Positionnement[] =>
  [...client.records.entries()].flatMap(([key, row]) =>
    key.startsWith('positionnements|') && offers.includes(String(row.offreId)) ? [positionnementSchema.parse(row)] : [],
  );

for (const backend of backends()) {
  describe(`désignations concurrentes (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('holds three designated per offer and one offer per household, and every device converges', async () => {
      const t = await territoire(storage.db);
      const residences = [t.residenceMous, t.residenceDemolisseur];
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 16 }), async (steps) => {
          const hote = new ModelClient(t.hote.token, Date.now);
          const offers = [offre(), offre({ adresse: '8 boulevard Michelet' })];
          for (const o of offers) hote.create('offresPartagees', o);
          await envoyer(t.app, hote);
          const offerIds = offers.map((o) => o.id);
          const teams = [new ModelClient(t.mous.token, Date.now), new ModelClient(t.demolisseur.token, Date.now)];
          const platform = [new ModelClient(t.plateforme.token, Date.now), new ModelClient(t.plateforme.token, Date.now)];
          const devices = [...teams, ...platform];
          // Devices that synced before this run: they start from the server's latest sequence, not from 0.
          const [seq] = await storage.db.query<{ seq: string }>('select seq from sync_state where id = 1');
          for (const d of devices) d.checkpoint = Number(seq?.seq ?? 0);
          const households: (string | undefined)[][] = [[], []];
          const positioned = new Set<string>();

          for (const step of steps) {
            if (step.kind === 'position') {
              const team = teams[step.team] as ModelClient;
              const own = households[step.team] as (string | undefined)[];
              const key = `${step.team}|${step.household}|${step.offer}`;
              if (positioned.has(key)) continue;
              positioned.add(key);
              const offerId = offerIds[step.offer] as string;
              const { menageId } = positionner(
                team,
                residences[step.team] as string,
                offerId,
                own[step.household] ? { menageId: own[step.household] } : {},
              );
              own[step.household] = menageId;
            } else if (step.kind === 'designate') {
              const device = platform[step.device] as ModelClient;
              const candidates = positionsOf(device, offerIds).filter((p) => p.statut === 'positionne');
              const chosen = candidates[step.pick % Math.max(candidates.length, 1)];
              if (chosen) device.edit('positionnements', chosen.id, 'statut', 'designe');
            } else {
              await sync(t, devices[step.who] as ModelClient);
            }
          }
          // Everyone syncs twice: the second round brings what the others sent in the first.
          for (let round = 0; round < 2; round++) for (const d of devices) await sync(t, d);

          const server = positionsOf(platform[0] as ModelClient, offerIds);
          for (const offerId of offerIds)
            expect(server.filter((p) => p.offreId === offerId && designationActive(p)).length).toBeLessThanOrEqual(MAX_DESIGNES);
          const designated = server.filter(designationActive).map((p) => p.menageId);
          expect(new Set(designated).size).toBe(designated.length);
          const view = (d: ModelClient) =>
            positionsOf(d, offerIds)
              .map((p) => [p.id, p.statut, p.refusServeur])
              .sort();
          for (const d of devices) expect(view(d)).toEqual(view(platform[0] as ModelClient));
          for (const d of devices) expect(d.outbox).toEqual([]);
        }),
        { numRuns: Number(process.env.DESIGNATION_RUNS ?? 200), endOnFailure: true },
      );
      await t.app.close();
    }, 900_000);
  });
}
