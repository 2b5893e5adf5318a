import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import type { Change, PullResponse, PushResponse, SnapshotResponse } from '../../src/sync/index.ts';
import type { ModelClient } from './client-model.ts';

// Calls to the sync API through fastify.inject, as a device would make them.

export type Answer<T> = { status: number; body: T };

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function pushChanges(
  app: FastifyInstance,
  token: string,
  changes: Change[],
  deviceId = 'appareil-test',
): Promise<Answer<PushResponse & { error?: string; rejected?: { changeId: string; error: string }[] }>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: auth(token),
    payload: { protocolVersion: PROTOCOL_VERSION, deviceId, changes },
  });
  return { status: res.statusCode, body: res.json() };
}

export async function pullPage(
  app: FastifyInstance,
  token: string,
  since: number,
  limit = 500,
): Promise<Answer<PullResponse & { error?: string }>> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${since}&limit=${limit}`,
    headers: auth(token),
  });
  return { status: res.statusCode, body: res.json() };
}

/** Every page from `since` on, merged: what a device receives in one sync. */
export async function pullAll(
  app: FastifyInstance,
  token: string,
  since = 0,
  limit = 500,
): Promise<{ pages: PullResponse[]; checkpoint: number }> {
  const pages: PullResponse[] = [];
  let checkpoint = since;
  for (;;) {
    const { status, body } = await pullPage(app, token, checkpoint, limit);
    if (status !== 200) throw new Error(`pull answered ${status}: ${JSON.stringify(body)}`);
    pages.push(body);
    checkpoint = body.checkpoint;
    if (!body.hasMore) return { pages, checkpoint };
  }
}

export async function request(
  app: FastifyInstance,
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await app.inject({
    method,
    url,
    headers: token === null ? {} : auth(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return {
    status: res.statusCode,
    body: res.body === '' ? null : String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.rawPayload,
  };
}

/** One sync of a model device: its outbox pushed (which must be accepted), then pulled up to date. */
export async function sync(client: ModelClient, app: FastifyInstance): Promise<PullResponse[]> {
  if (client.outbox.length > 0) {
    const { status, body } = await pushChanges(app, client.token, client.outbox, client.deviceId);
    expect(status, JSON.stringify(body)).toBe(200);
    client.acknowledge(body);
  }
  while (client.bySnapshot && client.checkpoint === 0) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${client.snapshotCursor?.next ?? 0}`,
      headers: auth(client.token),
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<SnapshotResponse>();
    client.applySnapshot(page);
    if (page.next === null) break;
  }
  const { pages } = await pullAll(app, client.token, client.checkpoint);
  for (const page of pages) client.applyPull(page);
  return pages;
}
