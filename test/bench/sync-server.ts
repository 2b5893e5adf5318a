import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dansUnSchemaJetable } from './schema-jetable.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStorage } from '../../src/server/db/open.ts';
import type { StorageOptions } from '../../src/server/db/open.ts';
import { createTestAccount, createTestResidence, pgliteTemplate, seedHouseholds } from '../../src/server/testing.ts';
import type { TestAccount } from '../../src/server/testing.ts';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import type { Change, PullResponse } from '../../src/sync/index.ts';
import { ModelClient } from '../server/client-model.ts';

// Sync server figures for `npm run bench` (goals from issue 3): an incremental sync of 100
// changes, and the latency seen by 50 devices syncing at the same time over real HTTP, with the
// server in its own process, on PGlite and, when TEST_DATABASE_URL or DATABASE_URL is set, on
// PostgreSQL. The lead's Chromium bench seeds its server with `seedHouseholds`
// (src/server/testing.ts) to measure the first sync of 5,000 households.

const ms = (value: number) => `${Math.round(value).toLocaleString('fr-FR')} ms`;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** 50 devices, each syncing 10 times (push 5 changes, then pull), 0 to 2 s apart: about 50 syncs a second. */
const CLIENTS = 50;
const CYCLES = 10;
const MAX_PAUSE_MS = 2_000;

const FIELDS = ['telephone', 'adresse', 'logement', 'reference', 'nom'] as const;

/** Edits of `count` distinct fields of the households, taken out of the device's outbox. */
function edits(client: ModelClient, menageIds: readonly string[], count: number): Change[] {
  for (let i = 0; i < count; i += 1) {
    client.edit(
      'menages',
      menageIds[Math.floor(i / FIELDS.length) % menageIds.length] ?? '',
      FIELDS[i % FIELDS.length] ?? 'nom',
      `${randomUUID().slice(0, 8)} ${i}`,
    );
  }
  const changes = client.outbox;
  client.outbox = [];
  return changes;
}

/** Push 100 changes from one device, then pull them on another: the median of 10 rounds, in process. */
async function incrementalSync(): Promise<number> {
  const storage = await openStorage({ template: await pgliteTemplate() }, 'le banc');
  try {
    const app = await buildApp({ db: storage.db });
    const writer = await createTestAccount(storage.db, { organisation: 'Banc', role: 'encadrant' });
    const reader = await createTestAccount(storage.db, { organisation: 'Banc', role: 'encadrant' });
    const residenceId = await createTestResidence(storage.db, writer.profile);
    const menageIds = await seedHouseholds(storage.db, writer.profile, residenceId, 20);
    const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      if (res.statusCode !== 200) throw new Error(`${url} : ${res.statusCode} ${res.body}`);
      return res.json() as PullResponse;
    };
    const device = new ModelClient(writer.token, Date.now);
    let checkpoint = (await call(reader.token, 'GET', `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=0`)).checkpoint;
    const durations: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const changes = edits(device, menageIds, 100);
      const start = performance.now();
      await call(writer.token, 'POST', '/api/v1/sync/push', { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, changes });
      checkpoint = (await call(reader.token, 'GET', `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${checkpoint}`))
        .checkpoint;
      durations.push(performance.now() - start);
    }
    await app.close();
    return median(durations);
  } finally {
    await storage.close();
  }
}

type Device = { account: TestAccount; menageId: string };

/** An organisation with 50 chargées, each following one household of her own. */
async function prepare(options: StorageOptions): Promise<Device[]> {
  const storage = await openStorage(options, 'le banc');
  try {
    const encadrant = await createTestAccount(storage.db, { organisation: 'Banc HTTP', role: 'encadrant' });
    const residenceId = await createTestResidence(storage.db, encadrant.profile);
    const devices: Device[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      const account = await createTestAccount(storage.db, { organisation: 'Banc HTTP', role: 'chargé' });
      const [menageId = ''] = await seedHouseholds(storage.db, account.profile, residenceId, 1);
      devices.push({ account, menageId });
    }
    return devices;
  } finally {
    await storage.close();
  }
}

/** `npm start`'s server in a child process; resolves with its address once it listens. */
async function serve(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../src/server/main.ts', import.meta.url))], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST_DIR: join(tmpdir(), 'sans-pwa'), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /(http:\/\/\S+) —/.exec(line);
    if (match?.[1]) return { url: match[1], stop: () => (child.kill('SIGTERM'), exited) };
  }
  throw new Error('Le serveur du banc s’est arrêté avant d’écouter.');
}

type Latencies = { firstSyncs: number[]; requests: number[] };

/**
 * Each device's first sync, all at once (a one-off), then the latency of every request of the
 * syncs that follow, in milliseconds, sorted.
 */
async function concurrentDevices(url: string, devices: readonly Device[]): Promise<Latencies> {
  const latencies: number[] = [];
  const call = async (token: string, path: string, body?: object) => {
    const res = await fetch(`${url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} : ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as PullResponse;
  };
  const timed = async (token: string, path: string, body?: object) => {
    const start = performance.now();
    const answer = await call(token, path, body);
    latencies.push(performance.now() - start);
    return answer;
  };
  const pullAll = async (token: string, since: number, send: typeof call) => {
    let checkpoint = since;
    for (let more = true; more;) {
      const page = await send(token, `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${checkpoint}`);
      checkpoint = page.checkpoint;
      more = page.hasMore;
    }
    return checkpoint;
  };
  const firstSyncs: number[] = [];
  const checkpoints = await Promise.all(
    devices.map(async ({ account }) => {
      const start = performance.now();
      const checkpoint = await pullAll(account.token, 0, call);
      firstSyncs.push(performance.now() - start);
      return checkpoint;
    }),
  );
  await Promise.all(
    devices.map(async ({ account, menageId }, i) => {
      const device = new ModelClient(account.token, Date.now);
      let since = checkpoints[i] ?? 0;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_PAUSE_MS));
        await timed(account.token, '/api/v1/sync/push', {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: device.deviceId,
          changes: edits(device, [menageId], 5),
        });
        since = await pullAll(account.token, since, timed);
      }
    }),
  );
  return { firstSyncs: firstSyncs.sort((a, b) => a - b), requests: latencies.sort((a, b) => a - b) };
}

async function latency(storage: StorageOptions, env: Record<string, string>): Promise<Latencies> {
  const devices = await prepare(storage);
  const server = await serve(env);
  try {
    return await concurrentDevices(server.url, devices);
  } finally {
    await server.stop();
  }
}

async function onPglite(): Promise<Latencies> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relogement-banc-'));
  try {
    return await latency({ dataDir, template: await pgliteTemplate() }, { DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(postgres: string): Promise<Latencies> {
  return dansUnSchemaJetable(postgres, (url) => latency({ databaseUrl: url }, { DATABASE_URL: url }));
}

function figures(database: string, measured: Latencies): Record<string, string> {
  const { firstSyncs, requests } = measured;
  return {
    [`${CLIENTS} appareils en HTTP, ${CYCLES} synchros chacun à 0–${MAX_PAUSE_MS / 1000} s d’intervalle (${database})`]: `p99 ${ms(quantile(requests, 0.99))}, médiane ${ms(quantile(requests, 0.5))} sur ${requests.length.toLocaleString('fr-FR')} requêtes (objectif p99 ≤ 250 ms)`,
    [`Leurs ${CLIENTS} premières synchros, toutes en même temps (${database})`]: `la plus lente ${ms(quantile(firstSyncs, 1))}, médiane ${ms(quantile(firstSyncs, 0.5))}`,
  };
}

export async function bench(): Promise<Record<string, string>> {
  const postgres = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return {
    'Synchro incrémentale de 100 modifications (envoi puis réception, PGlite), médiane de 10': `${ms(await incrementalSync())} (objectif ≤ 50 ms)`,
    ...figures('PGlite', await onPglite()),
    ...(postgres
      ? figures('PostgreSQL', await onPostgres(postgres))
      : { 'Appareils simultanés (PostgreSQL)': 'non mesuré : définir TEST_DATABASE_URL ou DATABASE_URL' }),
  };
}
