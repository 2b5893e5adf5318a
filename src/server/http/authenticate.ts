import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Profile } from '../../sync/index.ts';
import { userOfSession } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
  return match?.[1] ?? null;
}

const actors = new WeakMap<FastifyRequest, Profile>();

/** A preHandler that refuses requests without a live session (401). */
export const requireSession = (db: Database) => async (request: FastifyRequest, _reply: FastifyReply) => {
  const token = bearerToken(request);
  const actor = token === null ? null : await userOfSession(db, token);
  if (actor === null) throw new HttpError(401, 'Session absente ou expirée : reconnectez-vous.');
  actors.set(request, actor);
};

/** The user of a request that went through `requireSession`. */
export function actorOf(request: FastifyRequest): Profile {
  const actor = actors.get(request);
  if (!actor) throw new Error('Route without requireSession');
  return actor;
}
