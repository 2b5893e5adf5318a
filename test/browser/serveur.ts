import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pgliteTemplate, startServer } from '../../src/server/testing.ts';
import type { RunningServer, ServerOptions } from '../../src/server/testing.ts';

export type Serveur = {
  url: string;
  dist: string;
  donnees: string;
  /** The running server, for creating accounts and households directly in its database. */
  actuel: () => RunningServer;
  arreter: () => Promise<void>;
  /** Starts it again, with other test settings if given (a server that has moved to a newer protocol, or back). */
  relancer: (reglages?: Reglages) => Promise<void>;
};

type Reglages = Pick<ServerOptions, 'oldestProtocolVersion'>;

/**
 * The real server (Fastify, PGlite in a temporary folder) serving a private copy of the built app,
 * so a test may change it (a new version) or stop it (offline) and start it again on the same port
 * with the same data. `annexes` adds other built pages beside the app, on the same origin.
 */
export async function demarrerServeur(annexes: Record<string, string> = {}, reglagesInitiaux: Reglages = {}): Promise<Serveur> {
  const dist = mkdtempSync(join(tmpdir(), 'relogement-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'relogement-data-'));
  cpSync(resolve('dist'), dist, { recursive: true });
  for (const [dossier, source] of Object.entries(annexes)) cpSync(resolve(source), join(dist, dossier), { recursive: true });
  const template = await pgliteTemplate();
  let port = 0;
  let serveur: RunningServer | null = null;
  let reglages = reglagesInitiaux;
  const lancer = async (suivants: Reglages = reglages) => {
    reglages = suivants;
    // The template seeds a new data directory only: started again, the server opens its own data.
    serveur = await startServer({ port, dataDir, distDir: dist, ...reglages, ...(port === 0 ? { template } : {}) });
    port = Number(new URL(serveur.url).port);
  };
  await lancer();
  return {
    url: `http://127.0.0.1:${port}/`,
    dist,
    donnees: dataDir,
    actuel: () => {
      if (!serveur) throw new Error('serveur arrêté');
      return serveur;
    },
    arreter: async () => {
      await serveur?.close();
      serveur = null;
    },
    relancer: lancer,
  };
}

export function effacerServeur(s: Serveur): void {
  rmSync(s.dist, { recursive: true, force: true });
  rmSync(s.donnees, { recursive: true, force: true });
}
