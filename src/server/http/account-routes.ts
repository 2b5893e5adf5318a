import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, territoryOrganisationsResponseSchema, usersResponseSchema } from '../../sync/index.ts';
import { findLogin, organisationsOfTerritory, usersOfOrganisation } from '../accounts/accounts.ts';
import { claimLoginAttempt, forgetLoginAttempts } from '../accounts/login-limit.ts';
import { decoyHash, verifyPassword } from '../accounts/passwords.ts';
import { createSession, revokeSession } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { actorOf, bearerToken, requireSession } from './authenticate.ts';
import { parseInput } from './errors.ts';

const waitInFrench = (seconds: number) => (seconds < 60 ? `${seconds} secondes` : `${Math.ceil(seconds / 60)} minutes`);

export function accountRoutes(app: FastifyInstance, db: Database): void {
  const session = requireSession(db);

  app.post('/api/login', async (request, reply) => {
    const { email, password } = parseInput(loginRequestSchema, request.body);
    const keys = { email, ip: request.ip };
    const wait = await claimLoginAttempt(db, keys);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, `Trop de tentatives de connexion : réessayez dans ${waitInFrench(wait)}.`);
    }
    const login = await findLogin(db, email);
    const valid = await verifyPassword(password, login?.passwordHash ?? (await decoyHash()));
    if (!login || !valid) throw new HttpError(401, 'Adresse électronique ou mot de passe incorrect.');
    await forgetLoginAttempts(db, keys);
    if (login.disabled) throw new HttpError(403, 'Ce compte est désactivé : adressez-vous à votre encadrant.');
    return { ...(await createSession(db, login.profile.id)), user: login.profile };
  });

  app.post('/api/logout', { preHandler: session }, async (request, reply) => {
    const token = bearerToken(request);
    if (token !== null) await revokeSession(db, token);
    return reply.code(204).send();
  });

  app.get('/api/me', { preHandler: session }, async (request) => actorOf(request));

  app.get('/api/v1/users', { preHandler: session }, async (request) =>
    usersResponseSchema.parse({ users: await usersOfOrganisation(db, actorOf(request).organisation.id) }),
  );

  // Only the user's own territory: an organisation outside any territory gets an empty list.
  app.get('/api/v1/territory/organisations', { preHandler: session }, async (request) => {
    const territory = actorOf(request).organisation.territory;
    return territoryOrganisationsResponseSchema.parse({
      organisations: territory === null ? [] : await organisationsOfTerritory(db, territory.id),
    });
  });
}
