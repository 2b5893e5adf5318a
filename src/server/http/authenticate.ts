import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_HEADER, deviceIdSchema } from '../../sync/index.ts';
import type { Profile } from '../../sync/index.ts';
import { userOfSession } from '../accounts/sessions.ts';
import { WipeRequired, wipeOfToken } from '../accounts/wipes.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
  return match?.[1] ?? null;
}

/** The device the request says it comes from, null when it names none (or nothing valid). */
export function deviceOf(request: FastifyRequest): string | null {
  const parsed = deviceIdSchema.safeParse(request.headers[DEVICE_HEADER]);
  return parsed.success ? parsed.data : null;
}

const actors = new WeakMap<FastifyRequest, Profile>();

/**
 * A preHandler that refuses requests without a live session (401), or, from a device declared
 * lost or whose user left, tells it to erase its data (410).
 */
export const requireSession = (db: Database) => async (request: FastifyRequest, _reply: FastifyReply) => {
  const token = bearerToken(request);
  const actor = token === null ? null : await userOfSession(db, token, deviceOf(request));
  if (actor === null) {
    const wipe = token === null ? null : await wipeOfToken(db, token);
    if (wipe !== null) throw new WipeRequired(wipe);
    throw new HttpError(401, 'Session absente ou expirée : reconnectez-vous.');
  }
  actors.set(request, actor);
};

/** The user of a request that went through `requireSession`. */
export function actorOf(request: FastifyRequest): Profile {
  const actor = actors.get(request);
  if (!actor) throw new Error('Route without requireSession');
  return actor;
}
