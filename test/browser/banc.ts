import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { fermerTablette, ouvrirTablette } from './chromium.ts';
import type { Tablette } from './chromium.ts';
import { demarrerServeur, effacerServeur } from './serveur.ts';
import type { Serveur } from './serveur.ts';

/**
 * The test bench of a describe block: the real server started before its tests, and after them the
 * server and every tablet opened through `ouvrir` closed and their folders removed.
 */
export function banc(annexes: Record<string, string> = {}) {
  let serveur: Serveur | null = null;
  const tablettes: Tablette[] = [];
  beforeAll(async () => {
    serveur = await demarrerServeur(annexes);
  });
  afterAll(async () => {
    // A tablet reopened on the same profile (after a crash) shares its folder: close all, then remove each folder once.
    for (const t of tablettes) await fermerTablette(t, false);
    for (const dossier of new Set(tablettes.map((t) => t.dossier))) rmSync(dossier, { recursive: true, force: true });
    await serveur?.arreter();
    if (serveur) effacerServeur(serveur);
  });
  return {
    get serveur(): Serveur {
      if (!serveur) throw new Error('Le serveur de test n’est pas démarré.');
      return serveur;
    },
    async ouvrir(...args: Parameters<typeof ouvrirTablette>): Promise<Tablette> {
      const tablette = await ouvrirTablette(...args);
      tablettes.push(tablette);
      return tablette;
    },
  };
}
