import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { entretienSchema, menageSchema, personneSchema } from '../../src/domain/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createTestAccount, createTestResidence } from '../../src/server/testing.ts';
import type { TestAccount } from '../../src/server/testing.ts';
import { PROTOCOL_VERSION, applyField, canonicalJson, fieldClocks, pulledFields, sameJson } from '../../src/sync/index.ts';
import type { Change, Conflict, PullResponse, PushResponse, SnapshotResponse, SyncedTable } from '../../src/sync/index.ts';
import { ModelClient } from './client-model.ts';
import { crashingDuringNextWrite } from './faults.ts';
import { readSideMismatches, resetHouseholds, useDatabase } from './harness.ts';
import type { Backend } from './harness.ts';

// Convergence (docs/sync.md, « Convergence »): two officers edit the same household offline, the same fields
// included, then sync in random orders while requests are lost before or after the server
// commits, duplicated, or the server stops mid-batch and restarts. In the end both devices and the
// server hold the same data, every field holds the value with the greatest clock, and the
// conflict log holds exactly the concurrent values that were overwritten. Each device may start
// from the server's snapshot (docs/sync.md, « Instantané »), cut short and resumed later.

type Target = { table: SyncedTable; record: 'menage' | 'personne' | 'entretien'; field: string; values: readonly Change['value'][] };

const TARGETS: readonly Target[] = [
  { table: 'menages', record: 'menage', field: 'telephone', values: ['06 01', '06 02', '06 03'] },
  { table: 'menages', record: 'menage', field: 'statut', values: ['entretien', 'dossier', 'oriente'] },
  { table: 'menages', record: 'menage', field: 'dernierContact', values: ['2025-04-01', '2025-05-02', null] },
  {
    table: 'menages',
    record: 'menage',
    field: 'consentements.caf',
    values: [{ accorde: true, date: '2025-04-01' }, { accorde: false, date: '2025-04-02' }, null],
  },
  { table: 'personnes', record: 'personne', field: 'prenom', values: ['Awa', 'Inès', 'Léa'] },
  { table: 'personnes', record: 'personne', field: 'supprime', values: [true, false] },
  {
    table: 'entretiens',
    record: 'entretien',
    field: 'reponses.logement.loyer',
    values: [{ valeur: '400' }, { valeur: '450', nsp: false }, null],
  },
  { table: 'entretiens', record: 'entretien', field: 'statut', values: ['brouillon', 'termine'] },
];

type Fault = 'none' | 'lostBeforeCommit' | 'lostAfterCommit' | 'duplicated' | 'serverStopsMidBatch';
/** `cut`: a snapshot under way stops after one page, to be resumed by the next sync. */
type Sync = { fault: Fault; failAt: number; batch: number; pageSize: number; cut: boolean };
type Step =
  | { kind: 'edit'; client: 0 | 1; target: number; value: number }
  | ({ kind: 'sync'; client: 0 | 1 } & Sync)
  | { kind: 'pull'; client: 0 | 1; pageSize: number; cut: boolean }
  | { kind: 'restart' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client: fc.constantFrom(0 as const, 1 as const),
      target: fc.nat(TARGETS.length - 1),
      value: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      client: fc.constantFrom(0 as const, 1 as const),
      fault: fc.constantFrom<Fault>('none', 'none', 'lostBeforeCommit', 'lostAfterCommit', 'duplicated', 'serverStopsMidBatch'),
      failAt: fc.integer({ min: 1, max: 8 }),
      batch: fc.integer({ min: 1, max: 6 }),
      pageSize: fc.integer({ min: 3, max: 50 }),
      cut: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pull' as const),
      client: fc.constantFrom(0 as const, 1 as const),
      pageSize: fc.integer({ min: 3, max: 50 }),
      cut: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The rule of the protocol, restated over versions: what the server must end with. */
class Oracle {
  readonly fields = new Map<string, { value: unknown; hlc: string; author: string }>();
  readonly maxHlc = new Map<string, string>();
  readonly applied = new Set<string>();
  readonly conflicts = new Set<string>();
  /** The version (clock) of a field a device saw when it remembers a server seq for it, learnt from pulls and snapshots. */
  readonly versionSeen = new Map<string, string>();

  learn(page: PullResponse): void {
    for (const c of pulledFields(page)) this.versionSeen.set(`${c.table}|${c.recordId}|${c.field}|${c.seq}`, c.hlc);
  }

  /** A snapshot page gives every field as of its `upto`, the seq its devices remember. */
  learnSnapshot(page: SnapshotResponse): void {
    for (const { table, recordId, hlc, fields } of page.records)
      for (const [field, [, clock]] of Object.entries(fields))
        this.versionSeen.set(`${table}|${recordId}|${field}|${page.upto}`, fieldClocks(hlc)(clock) ?? '');
  }

  commit(changes: readonly Change[], author: string): void {
    for (const change of changes) {
      if (this.applied.has(change.changeId)) continue;
      this.applied.add(change.changeId);
      const key = `${change.table}|${change.recordId}|${change.field}`;
      const stored = this.fields.get(key);
      if (!stored || change.hlc > stored.hlc) this.fields.set(key, { value: change.value, hlc: change.hlc, author });
      if ((this.maxHlc.get(key) ?? '') < change.hlc) this.maxHlc.set(key, change.hlc);
      const seen = change.baseSeq === null ? undefined : this.versionSeen.get(`${key}|${change.baseSeq}`);
      if (stored && stored.hlc !== seen && stored.author !== author && !sameJson(stored.value, change.value)) {
        const [winner, loser] = change.hlc > stored.hlc ? [change.hlc, stored.hlc] : [stored.hlc, change.hlc];
        this.conflicts.add(`${key}|${winner}|${loser}`);
      }
    }
  }
}

const conflictKey = (c: Conflict) => `${c.table}|${c.recordId}|${c.field}|${c.winner.hlc}|${c.loser.hlc}`;

/** How the devices reach the server: one app in process, or several server processes in turn. */
export type Transport = {
  send: (token: string, method: 'GET' | 'POST', url: string, payload?: object) => Promise<{ status: number; body: unknown }>;
  /** Stops the server and starts it again, on `db` (a database that may fail on purpose); null when it cannot. */
  restart: ((db?: Database) => Promise<void>) | null;
  close: () => Promise<void>;
};

type World = { db: Database; transport: Transport; officers: [TestAccount, TestAccount]; observer: TestAccount };

function send(world: World, token: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return world.transport.send(token, method, url, payload);
}

/** One app in this process, reached through fastify.inject; a restart builds it anew. */
export async function inProcess(db: Database): Promise<Transport> {
  let app: FastifyInstance = await buildApp({ db });
  return {
    async send(token, method, url, payload) {
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.json() as unknown };
    },
    async restart(on = db) {
      await app.close();
      app = await buildApp({ db: on });
    },
    close: () => app.close(),
  };
}

type Page = { conflicts: Conflict[] };

/** Pulls until up to date, from the snapshot first for a new device that starts so (`cut`: one snapshot page only). */
async function pullInto(world: World, client: ModelClient, oracle: Oracle, pageSize = 500, cut = false): Promise<Page[]> {
  const pages: Page[] = [];
  while (client.bySnapshot && client.checkpoint === 0) {
    const { status, body } = await send(
      world,
      client.token,
      'GET',
      `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${client.snapshotCursor?.next ?? 0}&limit=${pageSize}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as SnapshotResponse;
    oracle.learnSnapshot(page);
    client.applySnapshot(page);
    pages.push(page);
    if (page.next === null) break;
    if (cut) return pages;
  }
  for (;;) {
    const { status, body } = await send(
      world,
      client.token,
      'GET',
      `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${client.checkpoint}&limit=${pageSize}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as PullResponse;
    oracle.learn(page);
    client.applyPull(page);
    pages.push(page);
    if (!page.hasMore) return pages;
  }
}

const CLEAN: Sync = { fault: 'none', failAt: 0, batch: 500, pageSize: 500, cut: false };

async function syncWith(
  world: World,
  client: ModelClient,
  author: string,
  oracle: Oracle,
  { fault, failAt, batch, pageSize, cut }: Sync,
): Promise<void> {
  if (client.outbox.length > 0) {
    const request = client.pushRequest(batch);
    if (fault === 'lostBeforeCommit') return;
    if (fault === 'serverStopsMidBatch' && world.transport.restart) {
      await world.transport.restart(crashingDuringNextWrite(world.db, failAt));
      const { status } = await send(world, client.token, 'POST', '/api/v1/sync/push', request);
      await world.transport.restart();
      if (status === 200) oracle.commit(request.changes, author);
      else expect(status).toBe(500);
      return;
    }
    const first = await send(world, client.token, 'POST', '/api/v1/sync/push', request);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    oracle.commit(request.changes, author);
    if (fault === 'lostAfterCommit') return;
    const answer = fault === 'duplicated' ? await send(world, client.token, 'POST', '/api/v1/sync/push', request) : first;
    expect(answer.status).toBe(200);
    client.acknowledge(answer.body as PushResponse);
  }
  await pullInto(world, client, oracle, pageSize, cut);
  expectPendingOnTop(client);
}

/**
 * A pull never hides an edit still waiting in the outbox, unless it brings a value with a greater
 * clock (which the pending edit will lose to on the server too).
 */
function expectPendingOnTop(client: ModelClient): void {
  for (const change of client.outbox) {
    const held = client.meta.get(`${change.table}|${change.recordId}|${change.field}`);
    expect(held !== undefined && held.hlc >= change.hlc).toBe(true);
    if (held?.hlc === change.hlc) {
      const record = client.record(change.table as SyncedTable, change.recordId) ?? {};
      expect(canonicalJson(applyField(record, change.field, change.value))).toBe(canonicalJson(record));
    }
  }
}

async function settle(world: World, clients: ModelClient[], oracle: Oracle): Promise<void> {
  for (let round = 0; clients.some((c) => c.outbox.length > 0) && round < 20; round += 1) {
    for (const [i, client] of clients.entries()) await syncWith(world, client, world.officers[i]?.profile.id ?? '', oracle, CLEAN);
  }
  for (const [i, client] of clients.entries()) await syncWith(world, client, world.officers[i]?.profile.id ?? '', oracle, CLEAN);
}

const snapshot = (client: ModelClient) => new Map([...client.records].map(([k, v]) => [k, canonicalJson(v)]));

/**
 * `transport` opens the way to the server over the suite's database: by default one app in
 * process, which can also be stopped mid-batch and restarted.
 */
export function convergenceSuite(
  backend: Backend,
  runs: number,
  transport: { name: string; open: (db: Database) => Promise<Transport> } = { name: 'un serveur', open: inProcess },
): void {
  describe(`convergence of two offline devices (${backend.name}, ${transport.name})`, () => {
    const storage = useDatabase(backend);

    it(`converges with every overwritten concurrent value logged (${runs} runs)`, async () => {
      const db = storage.db;
      const world: World = {
        db,
        transport: await transport.open(db),
        officers: [
          await createTestAccount(db, { organisation: 'Convergence', role: 'chargé', name: 'Claire' }),
          await createTestAccount(db, { organisation: 'Convergence', role: 'encadrant', name: 'Nadia' }),
        ],
        observer: await createTestAccount(db, { organisation: 'Convergence', role: 'administrateur', name: 'Observatrice' }),
      };
      const residenceId = await createTestResidence(db, world.officers[1].profile);
      const clockSkew = fc.integer({ min: -10 * 60_000, max: 2 * 60_000 });

      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArb, { minLength: 1, maxLength: 14 }),
          clockSkew,
          clockSkew,
          fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
          async (steps, skewA, skewB, [snapA, snapB, snapObserver]) => {
            await resetHouseholds(db);
            const [claire, nadia] = world.officers;
            const clients = [
              new ModelClient(claire.token, () => Date.now() + skewA, snapA),
              new ModelClient(nadia.token, () => Date.now() + skewB, snapB),
            ];
            const [a, b] = clients as [ModelClient, ModelClient];
            const oracle = new Oracle();
            const ids = { menage: randomUUID(), personne: randomUUID(), entretien: randomUUID() };
            a.create(
              'menages',
              menageSchema.parse({
                id: ids.menage,
                residenceId,
                nom: 'Famille Diallo',
                referentId: claire.profile.id,
                creeLe: '2025-03-01',
              }),
            );
            a.create('personnes', personneSchema.parse({ id: ids.personne, menageId: ids.menage, prenom: 'Awa' }));
            a.create(
              'entretiens',
              entretienSchema.parse({
                id: ids.entretien,
                menageId: ids.menage,
                date: '2025-03-02',
                type: 'premier',
                statut: 'brouillon',
                reponses: {},
              }),
            );
            await settle(world, clients, oracle);

            for (const step of steps) {
              if (step.kind === 'restart') await world.transport.restart?.();
              else if (step.kind === 'pull') {
                const client = clients[step.client] as ModelClient;
                await pullInto(world, client, oracle, step.pageSize, step.cut);
                expectPendingOnTop(client);
              } else if (step.kind === 'edit') {
                const target = TARGETS[step.target] as Target;
                const value = target.values[step.value % target.values.length] as Change['value'];
                clients[step.client]?.edit(target.table, ids[target.record], target.field, value);
              } else {
                await syncWith(world, clients[step.client] as ModelClient, world.officers[step.client].profile.id, oracle, step);
              }
            }
            await settle(world, clients, oracle);

            const observer = new ModelClient(world.observer.token, Date.now, snapObserver);
            const pages = await pullInto(world, observer, new Oracle());
            expect(a.outbox).toEqual([]);
            expect(b.outbox).toEqual([]);
            expect(snapshot(a)).toEqual(snapshot(b));
            expect(snapshot(observer)).toEqual(snapshot(a));
            for (const [key, stored] of oracle.fields) {
              expect(stored.hlc).toBe(oracle.maxHlc.get(key));
              const [table, id, ...field] = key.split('|');
              const held = observer.meta.get(`${table}|${id}|${field.join('|')}`);
              expect(held?.hlc).toBe(stored.hlc);
            }
            const logged = new Set(pages.flatMap((p) => p.conflicts).map(conflictKey));
            expect(logged).toEqual(oracle.conflicts);
            // The read side the reports use holds every record as its fields are, whatever the order of the writes.
            expect(await readSideMismatches(db)).toEqual([]);
          },
        ),
        { numRuns: runs, endOnFailure: true },
      );
      await world.transport.close();
    }, 600_000);
  });
}
