import type { CDPSession } from 'playwright-core';

// A CPU profile of the page's main thread over one step of a bench (the CDP Profiler), summed
// for a reader: time by function alone (self), and time under the named functions (inclusive),
// each sample counted once under a name however deep it recurses. Read it on a build whose names
// are kept (`npx vite build --minify false`): a minified bundle names nothing.

type Noeud = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profil = { nodes: Noeud[]; samples: number[]; timeDeltas: number[] };

type Evenement = { name: string; ph: string; dur?: number; tid: number };

/** The browser's own work the profile shows as « (program) »: time by trace event, in ms (nested events each counted). */
const TRAVAUX = [
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.parseOnBackground',
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'HitTest',
  'IndexedDB',
  'Decode Image',
];

export async function profiler<T>(cdp: CDPSession, etape: () => Promise<T>): Promise<{ resultat: T; profil: Profil; trace: string }> {
  const evenements: Evenement[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => evenements.push(...(value as unknown as Evenement[])));
  const fini = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const resultat = await etape();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profil };
  await cdp.send('Tracing.end');
  await fini;
  const parNom = new Map<string, number>();
  for (const e of evenements)
    if (e.ph === 'X' && TRAVAUX.includes(e.name)) parNom.set(e.name, (parNom.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const trace = [...parNom]
    .sort((a, b) => b[1] - a[1])
    .map(([n, v]) => `${n} ${Math.round(v)} ms`)
    .join(' ; ');
  return { resultat, profil: profile, trace };
}

const nom = (n: Noeud) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const fichier = url.split('/').pop() ?? '';
  return fichier ? `${functionName || '(anonyme)'} ${fichier}:${lineNumber + 1}` : functionName;
};

/** The `n` costliest functions alone and the time under each of `sous` (function names), in ms. */
export function resumer(p: Profil, sous: readonly string[], n = 25): string[] {
  const parId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const propre = new Map<string, number>();
  const inclus = new Map<string, number>(sous.map((s) => [s, 0]));
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const feuille = parId.get(id);
    if (!feuille) return;
    total += dt;
    propre.set(nom(feuille), (propre.get(nom(feuille)) ?? 0) + dt);
    const vus = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const f = parId.get(x)?.callFrame.functionName ?? '';
      if (inclus.has(f) && !vus.has(f)) {
        vus.add(f);
        inclus.set(f, (inclus.get(f) ?? 0) + dt);
      }
    }
  });
  const ms = (v: number) => `${Math.round(v)} ms`;
  return [
    `échantillonné : ${ms(total)}`,
    `sous : ${[...inclus].map(([f, v]) => `${f} ${ms(v)}`).join(' ; ')}`,
    ...[...propre]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([f, v]) => `  ${ms(v)}  ${f}`),
  ];
}
