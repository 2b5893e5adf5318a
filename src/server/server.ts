import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import type { Database } from './db/database.ts';
import { openStorage } from './db/open.ts';
import { scheduleDailyPurges } from './protection/housekeeping.ts';
import type { StorageOptions } from './db/open.ts';

export type ServerOptions = StorageOptions & {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  distDir?: string | null;
  logger?: FastifyServerOptions['logger'];
  proxyHops?: number;
  orgQuotaBytes?: number;
  /** Bytes that must stay free on the embedded database's disk for writes to be accepted. */
  minFreeDiskBytes?: number;
  /** Runs the daily purges (access log, retention) on a schedule; on unless set to false. */
  dailyPurges?: boolean;
  /** Tests only (`AppOptions`): tells this build's tablets to update. */
  oldestProtocolVersion?: number;
};

/** Room for the database to finish what it writes and start again: 512 MB. */
const MIN_FREE_DISK_BYTES = 512 * 1024 * 1024;

export type RunningServer = { url: string; app: FastifyInstance; db: Database; close: () => Promise<void> };

/** Opens the database (migrating it), then serves the API and the PWA until `close`. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const storage = await openStorage(options, 'le serveur');
  try {
    const app = await buildApp({
      db: storage.db,
      distDir: options.distDir ?? null,
      logger: options.logger ?? false,
      proxyHops: options.proxyHops ?? 0,
      orgQuotaBytes: options.orgQuotaBytes,
      oldestProtocolVersion: options.oldestProtocolVersion,
      // PostgreSQL's disk is its server's to watch; the embedded database's is this one's.
      diskSpace:
        options.dataDir && !options.databaseUrl
          ? { path: options.dataDir, minFreeBytes: options.minFreeDiskBytes ?? MIN_FREE_DISK_BYTES }
          : null,
    });
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    const stopPurges =
      options.dailyPurges === false
        ? () => undefined
        : scheduleDailyPurges(storage.db, (result) => {
            if (result instanceof Error)
              app.log.error(
                { err: { type: result.name, message: result.message.replace(/"[^"]*"/g, '"…"').slice(0, 300) } },
                'daily purge failed',
              );
            else app.log.info({ purge: result }, 'daily purge');
          });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      app,
      db: storage.db,
      // Stops taking requests, lets those under way finish, then closes the database.
      close: () => {
        stopPurges();
        return (closing ??= app.close().then(storage.close));
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
