import { z } from 'zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { unstorableText } from '../../sync/index.ts';
import { HttpError } from '../http-error.ts';

// Every answer to bad input is a 4xx with a French message. Only a fault of the server itself
// (the database gone, a bug) gives a 500, logged without the request's content.

z.config(z.locales.fr());

/** Parses client input; a mismatch is a 400 naming the first problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable = unstorableText(input);
  if (unstorable !== null) throw new HttpError(400, `Requête invalide : ${unstorable}`);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')} : ` : '';
  throw new HttpError(400, `Requête invalide : ${where}${issue?.message ?? 'format inattendu'}.`.replace(/\.\.$/, '.'));
}

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Longueur de contenu incohérente.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Corps de requête vide.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Corps JSON mal formé.',
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).send(error.body);
    if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
      return reply.code(503).send({
        error: 'Le serveur met trop de temps à répondre : nouvel essai automatique plus tard. Vos modifications restent sur la tablette.',
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: FRAMEWORK_MESSAGES[error.code] ?? (error instanceof SyntaxError ? 'Corps JSON mal formé.' : 'Requête invalide.') });
    }
    // Quoted parts of a database message may echo what was sent: they stay out of the logs.
    request.log.error(
      { err: { type: error.name, code: error.code, message: error.message.replace(/"[^"]*"/g, '"…"').slice(0, 300) } },
      'request failed',
    );
    return reply.code(500).send({ error: 'Erreur interne du serveur : réessayez plus tard. Vos modifications restent sur la tablette.' });
  });
}
