import { z } from 'zod';
import { countUsers } from './accounts/accounts.ts';
import { logOptions } from './app.ts';
import { DataDirLockedError } from './db/lock.ts';
import { startServer } from './server.ts';

// `npm start`: the server on PORT (8080) with PGlite in DATA_DIR (./data), or PostgreSQL when
// DATABASE_URL is set, serving the PWA built in DIST_DIR (./dist).

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    DIST_DIR: z.string().default('./dist'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How many reverse proxies stand in front of the server (0: none). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Megabytes of field values each organisation may store. */
    ORG_QUOTA_MB: z.coerce.number().int().positive().default(1024),
    /** Megabytes that must stay free on the embedded database's disk for writes to be accepted. */
    MIN_FREE_DISK_MB: z.coerce.number().int().nonnegative().default(512),
  })
  .parse(process.env);

const FIRST_ACCOUNT = `
Aucun compte n’existe encore. Créez l’organisation puis le premier compte :
  npm run -s admin -- create-org "Nom de l’organisation"
  npm run -s admin -- create-user --org "Nom de l’organisation" --email vous@exemple.fr --role administrateur
(Le mot de passe est demandé à la saisie. Avec la base intégrée, arrêtez d’abord le serveur : elle ne
s’ouvre que dans un processus à la fois.)
`;

async function main(): Promise<void> {
  // Whatever the server creates (the embedded database's files above all) is its account's alone.
  process.umask(0o077);
  const server = await startServer({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    distDir: env.DIST_DIR,
    logger: logOptions(env.LOG_LEVEL),
    proxyHops: env.TRUST_PROXY,
    orgQuotaBytes: env.ORG_QUOTA_MB * 1024 * 1024,
    minFreeDiskBytes: env.MIN_FREE_DISK_MB * 1024 * 1024,
  });
  // Signals are handled before the address is announced: a stop asked right after start is clean.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    // A request that hangs must not keep the process (and the PGlite lock) forever.
    setTimeout(() => process.exit(1), 15_000).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: { message: String(error) } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite dans ${env.DATA_DIR}`;
  console.log(`Relogement : ${server.url.replace('127.0.0.1', 'localhost')} — base ${where}.`);
  if ((await countUsers(server.db)) === 0) console.log(FIRST_ACCOUNT);
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
});
