import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOB_TYPES, MAX_BLOB_BYTES, blobHashSchema } from '../../sync/index.ts';
import { blobInfo, householdsNaming, putBlob, readBlob } from '../blobs.ts';
import type { BlobType } from '../file-types.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { recordEach } from '../protection/access-log.ts';
import { actorOf, deviceOf, requireSession } from './authenticate.ts';
import { parseInput } from './errors.ts';

const blobParams = z.object({ hash: blobHashSchema });

const typeOf = (header: string | undefined): BlobType => {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  const known = BLOB_TYPES.find((t) => t === type);
  if (!known) throw new HttpError(415, `Type de fichier refusé : ${BLOB_TYPES.join(', ')} seulement.`);
  return known;
};

const EXTENSIONS: Record<BlobType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * A file is served as an attachment, never shown in place of the app: a forged one cannot run in
 * its origin. Never cached (every API answer is no-store); the ETag lets the tablet tell a file it has.
 */
const fileHeaders = (hash: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${hash}.${EXTENSIONS[type as BlobType] ?? 'bin'}"`,
  etag: `"${hash}"`,
});

/** Registered in its own context, so that only these routes accept images and PDFs. */
export async function blobRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const session = requireSession(db);
  app.addContentTypeParser([...BLOB_TYPES], { parseAs: 'buffer', bodyLimit: MAX_BLOB_BYTES }, (_request, body, done) => done(null, body));

  app.put('/api/blobs/:hash', { preHandler: session, bodyLimit: MAX_BLOB_BYTES }, async (request, reply) => {
    const { hash } = parseInput(blobParams, request.params);
    const type = typeOf(request.headers['content-type']);
    if (!Buffer.isBuffer(request.body)) throw new HttpError(400, 'Fichier attendu dans le corps de la requête.');
    const created = await putBlob(db, actorOf(request), hash, type, request.body);
    return reply.code(created ? 201 : 200).send({ hash, size: request.body.length });
  });

  app.get('/api/blobs/:hash', { preHandler: session, exposeHeadRoute: false }, async (request, reply) => {
    const { hash } = parseInput(blobParams, request.params);
    const actor = actorOf(request);
    const blob = await readBlob(db, actor, hash);
    await recordEach(db, actor, deviceOf(request), await householdsNaming(db, actor, hash), 'lecture');
    return reply.headers(fileHeaders(hash, blob.type)).send(blob.data);
  });

  app.head('/api/blobs/:hash', { preHandler: session }, async (request, reply) => {
    const { hash } = parseInput(blobParams, request.params);
    const info = await blobInfo(db, actorOf(request), hash);
    return reply.headers({ ...fileHeaders(hash, info.type), 'content-length': info.size }).send();
  });
}
