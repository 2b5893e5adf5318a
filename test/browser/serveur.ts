import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';

export type Serveur = { url: string; dist: string; arreter: () => Promise<void>; relancer: () => Promise<void> };

/**
 * Serves a private copy of the built app, so a test may change it (a new version) or stop it
 * (offline); `annexes` adds other built pages beside it, on the same origin.
 */
export async function demarrerServeur(annexes: Record<string, string> = {}): Promise<Serveur> {
  const dist = mkdtempSync(join(tmpdir(), 'relogement-dist-'));
  cpSync(resolve('dist'), dist, { recursive: true });
  for (const [dossier, source] of Object.entries(annexes)) cpSync(resolve(source), join(dist, dossier), { recursive: true });
  let port = 0;
  let serveur: Awaited<ReturnType<typeof preview>> | null = null;
  const lancer = async () => {
    serveur = await preview({ configFile: false, logLevel: 'silent', build: { outDir: dist }, preview: { host: '127.0.0.1', port, strictPort: port !== 0 } });
    const adresse = serveur.httpServer.address();
    if (adresse && typeof adresse === 'object') port = adresse.port;
  };
  await lancer();
  return {
    url: `http://127.0.0.1:${port}/`,
    dist,
    arreter: async () => {
      await serveur?.close();
      serveur = null;
    },
    relancer: lancer,
  };
}

export const effacerDist = (s: Serveur) => rmSync(s.dist, { recursive: true, force: true });
