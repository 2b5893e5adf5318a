import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

// JSON answers travel compressed: a first sync is tens of megabytes of repetitive JSON, and a
// tablet on 4G in a stairwell pays for every byte. Compression runs on libuv's thread pool, so
// a large pull does not hold the event loop.

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, the headers and the codec's frame cost more than they save. */
const MIN_BYTES = 1024;
/**
 * Brotli's quality 1: a first sync's 10.2 MB of snapshot pages in about 12 ms of CPU for 0.80 MB,
 * where quality 4 took about 37 ms for 0.75 MB, quality 5 87 ms for 0.73 MB and gzip -1 23 ms for
 * 0.95 MB (docs/sync.md, « Instantané »). The bytes saved above quality 1 are too few to pay for
 * the processor time, which the tablet waits for.
 */
const BROTLI_QUALITY = 1;

type Codage = 'br' | 'gzip';

export function codageAccepte(acceptEncoding: string | undefined): Codage | null {
  const acceptes = new Map(
    (acceptEncoding ?? '').split(',').map((partie) => {
      const [nom = '', ...params] = partie.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [nom, q === undefined ? 1 : Number(q.slice(2))] as const;
    }),
  );
  const accepte = (c: Codage) => (acceptes.get(c) ?? acceptes.get('*') ?? 0) > 0;
  if (accepte('br')) return 'br';
  if (accepte('gzip')) return 'gzip';
  return null;
}

function compresser(codage: Codage, donnees: Buffer): Promise<Buffer> {
  return codage === 'br'
    ? brotli(donnees, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: donnees.length } })
    : gzipAsync(donnees);
}

export function compressedResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    reply.header('vary', 'accept-encoding');
    const donnees = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const codage = codageAccepte(request.headers['accept-encoding']);
    if (codage === null || donnees.length < MIN_BYTES) return payload;
    reply.header('content-encoding', codage);
    reply.removeHeader('content-length');
    return compresser(codage, donnees);
  });
}
