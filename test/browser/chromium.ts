import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

// Debian's Chromium driven by playwright-core; never a downloaded browser.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI a missing Chromium fails the run; elsewhere the browser tests are skipped with a reason. */
export function chromiumDisponible(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI || process.env.REQUIRE_BROWSER)
    throw new Error(`Chromium introuvable (${CHROMIUM}) : les tests navigateur sont obligatoires ici.`);
  console.warn(`Tests navigateur ignorés : ${CHROMIUM} est absent (apt-get install chromium).`);
  return false;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type Tablette = { context: BrowserContext; page: Page; dossier: string };

/** A tablet with its own persistent profile, so IndexedDB and the service worker survive a crash. */
export async function ouvrirTablette(
  dossier = mkdtempSync(join(tmpdir(), 'relogement-tablette-')),
  options: { largeur?: number; hauteur?: number } = {},
): Promise<Tablette> {
  const context = await chromium.launchPersistentContext(dossier, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: options.largeur ?? 800, height: options.hauteur ?? 1280 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, dossier };
}

/** Kills the tablet's browser at once, as a flat battery would: no pagehide, no unload. */
export function tuerTablette(t: Tablette): void {
  try {
    execFileSync('pkill', ['-9', '-f', '--', `user-data-dir=${t.dossier}`]);
  } catch {
    // pkill exits 1 when nothing matched: the browser is already gone.
  }
}

export async function fermerTablette(t: Tablette, effacer = true): Promise<void> {
  await t.context.close().catch(() => undefined);
  if (effacer) rmSync(t.dossier, { recursive: true, force: true });
}

/** Waits until the service worker controls the page, so the app shell is cached for offline use. */
export async function attendreServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}
