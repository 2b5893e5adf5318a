import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The built PWA. Hashed files under /assets never change and are cached for good; everything
// else (index.html, sw.js, the manifest) is revalidated on each load, so that an update is seen.
// A navigation to an app route without a file (/menages/…) gets index.html (SPA fallback).

const NO_CACHE = 'no-cache';

export async function staticRoutes(app: FastifyInstance, distDir: string | null): Promise<void> {
  const root = distDir === null ? null : resolve(distDir);
  const served = root !== null && existsSync(resolve(root, 'index.html'));
  if (served) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : NO_CACHE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const navigation = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api') && extname(path) === '';
    if (served && navigation) return reply.header('cache-control', NO_CACHE).sendFile('index.html');
    return reply.code(404).send({ error: path.startsWith('/api') ? 'Adresse d’API inconnue.' : 'Page introuvable.' });
  });
}
