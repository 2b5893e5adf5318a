import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { accessReportSchema, wipeRequestSchema } from '../../sync/index.ts';
import { declareDeviceLost, declareUserGone } from '../accounts/wipes.ts';
import type { Database } from '../db/database.ts';
import { readAccessLog, recordAccess } from '../protection/access-log.ts';
import { eraseHousehold } from '../protection/erasure.ts';
import { exportHousehold, householdPdf } from '../protection/household-export.ts';
import { actorOf, deviceOf, requireSession } from './authenticate.ts';
import { parseInput } from './errors.ts';

// The rights of the people (export, erasure), the access log, and the declaration of a lost
// tablet or of a user gone (docs/protection-donnees.md).

const menageParams = z.object({ id: z.string().uuid() });
const userParams = z.object({ id: z.string().uuid() });
const journalQuery = z.object({ menageId: z.string().uuid().optional(), userId: z.string().uuid().optional() });

export function protectionRoutes(app: FastifyInstance, db: Database): void {
  const session = requireSession(db);

  app.get('/api/v1/menages/:id/export', { preHandler: session }, async (request, reply) => {
    const { id } = parseInput(menageParams, request.params);
    const data = await exportHousehold(db, actorOf(request), id, deviceOf(request));
    return reply.header('content-disposition', `attachment; filename="menage-${id}.json"`).send(data);
  });

  app.get('/api/v1/menages/:id/export.pdf', { preHandler: session }, async (request, reply) => {
    const { id } = parseInput(menageParams, request.params);
    const pdf = await householdPdf(await exportHousehold(db, actorOf(request), id, deviceOf(request)));
    return reply
      .headers({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="menage-${id}.pdf"` })
      .send(Buffer.from(pdf));
  });

  app.delete('/api/v1/menages/:id', { preHandler: session }, async (request, reply) => {
    const { id } = parseInput(menageParams, request.params);
    await eraseHousehold(db, actorOf(request), id, deviceOf(request));
    return reply.code(204).send();
  });

  app.get('/api/v1/journal', { preHandler: session }, async (request) =>
    readAccessLog(db, actorOf(request), parseInput(journalQuery, request.query)),
  );

  // Prints and exports made on a tablet, offline too: their households must be the
  // organisation's; others are dropped (the household may have been erased since).
  app.post('/api/v1/journal', { preHandler: session }, async (request, reply) => {
    const actor = actorOf(request);
    const { deviceId, events } = parseInput(accessReportSchema, request.body);
    const ids = [...new Set(events.map((e) => e.menageId))];
    const known = new Set(
      (
        await db.query<{ record_id: string }>(
          'select record_id from records where tbl = $1 and org_id = $2 and record_id = any($3::text[])',
          ['menages', actor.organisation.id, ids],
        )
      ).map((r) => r.record_id),
    );
    await recordAccess(
      db,
      actor,
      deviceId,
      events.filter((e) => known.has(e.menageId)),
    );
    return reply.code(204).send();
  });

  app.post('/api/v1/devices/wipe', { preHandler: session }, async (request, reply) => {
    const { userId, deviceId } = parseInput(wipeRequestSchema, request.body);
    await declareDeviceLost(db, actorOf(request), userId, deviceId);
    return reply.code(204).send();
  });

  app.post('/api/v1/users/:id/depart', { preHandler: session }, async (request, reply) => {
    const { id } = parseInput(userParams, request.params);
    await declareUserGone(db, actorOf(request), id);
    return reply.code(204).send();
  });
}
