import { build, preview } from 'vite';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';

// Issue 4: the time from a keystroke to the updated before/after table, in Chromium (goal ≤ 16 ms p95).
const FRAPPES = 300;
const ms = (n: number) => `${n.toFixed(2).replace('.', ',')} ms`;
const rang = (v: readonly number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))] ?? NaN;

export async function bench(): Promise<Record<string, string>> {
  const configFile = 'test/bench/vite.simulation-ecran.config.ts';
  await build({ configFile });
  const serveur = await preview({ configFile });
  const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  try {
    const url = serveur.resolvedUrls?.local[0];
    if (!url) throw new Error('page de mesure non servie');
    await tablette.page.goto(url);
    await tablette.page.locator('.avant-apres').waitFor();
    const durees = await tablette.page.evaluate(
      (n) => (window as unknown as { mesurer: (n: number) => Promise<number[]> }).mesurer(n),
      FRAPPES,
    );
    const cdp = await tablette.context.newCDPSession(tablette.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const lentes = await tablette.page.evaluate(
      (n) => (window as unknown as { mesurer: (n: number) => Promise<number[]> }).mesurer(n),
      FRAPPES,
    );
    return {
      'frappe → tableau à jour, médiane (objectif ≤ 16 ms au p95)': ms(rang(durees, 0.5)),
      'frappe → tableau à jour, p95': ms(rang(durees, 0.95)),
      'frappe → tableau à jour, p95, processeur ralenti 4×': ms(rang(lentes, 0.95)),
    };
  } finally {
    await fermerTablette(tablette);
    await new Promise<void>((resolve) => serveur.httpServer.close(() => resolve()));
  }
}
