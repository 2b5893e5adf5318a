import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  assignmentRequestSchema,
  digestQuerySchema,
  pullQuerySchema,
  pushRequestSchema,
  queryVersionSchema,
  snapshotQuerySchema,
  telemetryRequestSchema,
  versionedSchema,
} from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { assignHousehold, unassignHousehold } from '../replication/assignments.ts';
import { acknowledgeConflict, openConflicts } from '../replication/conflicts.ts';
import { listDevices, recordReport } from '../replication/devices.ts';
import { digest } from '../replication/digest.ts';
import { pull } from '../replication/pull.ts';
import { push } from '../replication/push.ts';
import { snapshot } from '../replication/snapshot.ts';
import { actorOf, deviceOf, requireSession } from './authenticate.ts';
import { parseInput } from './errors.ts';

/** An outdated client is told to update before anything else is looked at (426). */
function checkClientVersion(input: unknown, oldest: number): void {
  const versioned = versionedSchema.safeParse(input);
  if (!versioned.success) return;
  if (versioned.data.protocolVersion < oldest) {
    throw new HttpError(
      426,
      'Mise à jour requise : rechargez l’application pour reprendre la synchronisation. Vos modifications restent sur la tablette.',
    );
  }
  if (versioned.data.protocolVersion > PROTOCOL_VERSION) throw new HttpError(400, 'Version du protocole inconnue du serveur.');
}

const menageParams = z.object({ id: z.string().uuid() });
const assignmentParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });
const conflictParams = z.object({ id: z.string().uuid() });
const conflictsQuery = z.object({ menageId: z.string().uuid().optional() });

/** `oldestProtocolVersion`: the oldest version served, PROTOCOL_VERSION except in tests playing a server that has moved on. */
export function syncRoutes(
  app: FastifyInstance,
  db: Database,
  now: () => number,
  orgQuotaBytes: number,
  oldestProtocolVersion = PROTOCOL_VERSION,
): void {
  const session = requireSession(db);
  const checkVersion = (input: unknown) => checkClientVersion(input, oldestProtocolVersion);

  app.post('/api/v1/sync/push', { preHandler: session, bodyLimit: MAX_PUSH_BYTES }, async (request) => {
    checkVersion(request.body);
    return push(db, actorOf(request), parseInput(pushRequestSchema, request.body), now(), orgQuotaBytes);
  });

  // A GET names its version in its query: parsed like every other query value, never read raw.
  const checkQueryVersion = (query: unknown) => {
    const versioned = queryVersionSchema.safeParse(query);
    if (versioned.success) checkVersion(versioned.data);
  };

  app.get('/api/v1/sync/pull', { preHandler: session }, async (request) => {
    checkQueryVersion(request.query);
    const { since, limit } = parseInput(pullQuerySchema, request.query);
    return pull(db, actorOf(request), since, limit, now(), deviceOf(request));
  });

  app.get('/api/v1/sync/digest', { preHandler: session }, async (request) => {
    checkQueryVersion(request.query);
    parseInput(digestQuerySchema, request.query);
    return digest(db, actorOf(request));
  });

  // A new device's first pull (docs/sync.md, « Instantané »): the page's JSON text, sent as it is.
  app.get('/api/v1/sync/snapshot', { preHandler: session }, async (request, reply) => {
    checkQueryVersion(request.query);
    const { after, limit, buckets } = parseInput(snapshotQuerySchema, request.query);
    const page = await snapshot(db, actorOf(request), after, limit, now(), deviceOf(request), buckets ?? null);
    return reply.type('application/json; charset=utf-8').send(page);
  });

  app.get('/api/v1/conflicts', { preHandler: session }, async (request) => {
    const { menageId } = parseInput(conflictsQuery, request.query);
    return { conflicts: await openConflicts(db, actorOf(request), menageId ?? null) };
  });

  app.post('/api/v1/conflicts/:id/ack', { preHandler: session }, async (request) => {
    const { id } = parseInput(conflictParams, request.params);
    return acknowledgeConflict(db, actorOf(request), id);
  });

  app.post('/api/v1/devices/report', { preHandler: session }, async (request, reply) => {
    checkVersion(request.body);
    const { deviceId, report } = parseInput(telemetryRequestSchema, request.body);
    await recordReport(db, actorOf(request), deviceId, report);
    return reply.code(204).send();
  });

  app.get('/api/v1/devices', { preHandler: session }, async (request) => listDevices(db, actorOf(request)));

  app.post('/api/v1/menages/:id/assignments', { preHandler: session }, async (request, reply) => {
    const { id } = parseInput(menageParams, request.params);
    const { userId } = parseInput(assignmentRequestSchema, request.body);
    await assignHousehold(db, actorOf(request), id, userId);
    return reply.code(204).send();
  });

  app.delete('/api/v1/menages/:id/assignments/:userId', { preHandler: session }, async (request, reply) => {
    const { id, userId } = parseInput(assignmentParams, request.params);
    await unassignHousehold(db, actorOf(request), id, userId);
    return reply.code(204).send();
  });
}
