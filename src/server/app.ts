import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { MAX_PUSH_BYTES } from '../sync/index.ts';
import type { Database } from './db/database.ts';
import { HttpError } from './http-error.ts';
import { accountRoutes } from './http/account-routes.ts';
import { blobRoutes } from './http/blob-routes.ts';
import { compressedResponses } from './http/compression.ts';
import { diskGuard } from './http/disk-guard.ts';
import type { DiskSpace } from './http/disk-guard.ts';
import { installErrorHandlers } from './http/errors.ts';
import { protectionRoutes } from './http/protection-routes.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticRoutes } from './http/static-routes.ts';
import { syncRoutes } from './http/sync-routes.ts';
import { pilotageRoutes } from './http/pilotage-routes.ts';
import { DEFAULT_ORG_QUOTA_BYTES } from './replication/push.ts';

export type AppOptions = {
  db: Database;
  /** The built PWA to serve; null serves the API only. */
  distDir?: string | null;
  /** The server's clock, injectable so that tests control it. */
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  /**
   * Reverse proxies in front of the server: the client address (login limits) is taken that many
   * hops from the end of X-Forwarded-For, the part the proxies wrote; what the client wrote
   * itself before them is never trusted.
   */
  proxyHops?: number;
  /** Bytes of field values each organisation may store. */
  orgQuotaBytes?: number;
  /** The disk the data is on, and how much of it must stay free for writes to be accepted. */
  diskSpace?: DiskSpace | null;
  /** How long a request may take to be answered before it gets 503 (the tablet tries again later). */
  handlerTimeoutMs?: number;
  /** Tests only: a version above PROTOCOL_VERSION plays a server that has moved on, and tells this build's tablets to update (426). */
  oldestProtocolVersion?: number;
};

/** Long enough for the largest push on a loaded server; a request stuck longer is answered 503. */
const HANDLER_TIMEOUT_MS = 60_000;
/** Receiving a whole request (a 30 MB scan over a slow link) may take this long. */
const REQUEST_TIMEOUT_MS = 5 * 60_000;

/** Logs say what was asked and how it went, never who, what was sent, or from where. */
export const logOptions = (level: string) =>
  ({
    level,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }) satisfies FastifyServerOptions['logger'];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const {
    db,
    distDir = null,
    now = Date.now,
    logger = false,
    proxyHops = 0,
    orgQuotaBytes = DEFAULT_ORG_QUOTA_BYTES,
    diskSpace = null,
    handlerTimeoutMs = HANDLER_TIMEOUT_MS,
    oldestProtocolVersion,
  } = options;
  // The socket's peer is hop 0: the addresses the proxies wrote are trusted, the client's own are not.
  // (Fastify's numeric setting trusts none: the server must only be reachable through its proxies.)
  const app = Fastify({
    logger,
    bodyLimit: MAX_PUSH_BYTES,
    trustProxy: proxyHops > 0 ? (_address: string, hop: number) => hop < proxyHops : false,
    handlerTimeout: handlerTimeoutMs,
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  installErrorHandlers(app);
  securityHeaders(app);
  compressedResponses(app);
  if (diskSpace !== null) diskGuard(app, diskSpace);

  app.get('/api/health', async () => {
    try {
      await db.query('select 1');
    } catch {
      throw new HttpError(503, 'Base de données indisponible.');
    }
    return { status: 'ok', database: db.kind };
  });
  accountRoutes(app, db);
  syncRoutes(app, db, now, orgQuotaBytes, oldestProtocolVersion);
  pilotageRoutes(app, db);
  protectionRoutes(app, db);
  await app.register(blobRoutes, { db });
  await staticRoutes(app, distDir);
  return app;
}
