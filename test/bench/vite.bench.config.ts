import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The measuring page, built apart from the app and served beside it on the same origin.
export default defineConfig({
  root: 'test/bench/navigateur',
  base: '/mesures/',
  plugins: [preact()],
  logLevel: 'warn',
  build: {
    outDir: '../../../.tmp/mesures',
    emptyOutDir: true,
    target: 'es2022',
    // This page imports the app's storage whole, so the app's lazy imports cannot split it; in the
    // app's own build they do (the first screen's modules are counted by premier-ecran.ts).
    rolldownOptions: { onLog: (niveau, log, suite) => log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' || suite(niveau, log) },
  },
});
