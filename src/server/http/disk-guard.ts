import { statfs } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';

// A database that fills its disk fails mid-write, and may not start again. Writes are refused
// with a clear 507 while the disk holding the data has less than a margin free; reads, logins and
// logouts still go through, so officers keep their work on their tablets and see why.

export type DiskSpace = { path: string; minFreeBytes: number };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALWAYS = new Set(['/api/login', '/api/logout']);

async function freeBytes(path: string): Promise<number> {
  const stats = await statfs(path);
  return stats.bavail * stats.bsize;
}

export function diskGuard(app: FastifyInstance, { path, minFreeBytes }: DiskSpace): void {
  app.addHook('onRequest', async (request) => {
    const route = request.url.split('?')[0] ?? '';
    if (READS.has(request.method) || !route.startsWith('/api/') || ALWAYS.has(route)) return;
    if ((await freeBytes(path)) < minFreeBytes) {
      throw new HttpError(
        507,
        'Espace disque du serveur presque plein : rien n’a été enregistré. Prévenez l’administrateur du serveur ; vos modifications restent sur la tablette.',
      );
    }
  });
}
