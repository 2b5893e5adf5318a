import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Modules of the entry's shared chunks (paths as they end); anything else a lazy screen loads stays apart. */
const PREMIER_ECRAN = [
  'preact/dist/preact.module.js',
  'preact/hooks/dist/hooks.module.js',
  'preact/jsx-runtime/dist/jsxRuntime.module.js',
  ...['constants', 'constructFrom', 'toDate', 'addDays', 'addMonths'].map((m) => `date-fns/${m}.js`),
  ...['coffre', 'chiffrement', 'caseload', 'resume', 'verrou'].map((m) => `src/data/${m}.ts`),
  ...['app/Reseau.tsx', 'commun/EnChargement.tsx', 'verrou/saisie-code.ts'].map((m) => `src/ui/${m}`),
  ...['calendrier/jours', 'commun/enumeration', 'echeances/alertes-contact', 'echeances/avant-relogement', 'parametres/contact'].map(
    (m) => `src/domain/${m}.ts`,
  ),
  'vite/preload-helper.js',
];
/** Those of the caseload's screen, loaded after the code is typed. */
const LISTE = [
  'src/domain/commun/tel-qu-affiche.ts',
  'src/domain/menage/statut.ts',
  'src/domain/visite/vigilance.ts',
  'src/ui/suivi/Vigilance.tsx',
];
const finitPar = (fins: readonly string[]) => (id: string) => fins.some((fin) => id.replaceAll('\\', '/').endsWith(fin));

export default defineConfig({
  // Dexie's ES module build (its package points bundlers at its ES5 UMD build behind a wrapper):
  // 2 KB gzip less on the first screen, and its unused exports shaken off.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Relogement — suivi des ménages',
        short_name: 'Relogement',
        description: 'Entretiens, dossiers et suivi des ménages à reloger, même sans réseau.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Claiming is safe on the first install; an update still waits for the officer (no skipWaiting).
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  // Every browser the app supports preloads modules itself: the polyfill would weigh on the first screen.
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // The first screen's modules that lazy screens share too: left to automatic splitting, each is a
    // chunk of its own (13 files before the caseload shows, each with its imports and exports). Taken
    // as one chunk, loaded with the entry as they were, without their dependencies (already there).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'premier-ecran', test: finitPar(PREMIER_ECRAN), includeDependenciesRecursively: false },
            { name: 'liste', test: finitPar(LISTE), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
