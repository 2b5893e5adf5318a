import { defineConfig } from 'vite';

// The dossier's measuring page, built apart from the app and served beside it on the same origin.
export default defineConfig({
  root: 'test/bench/dossier',
  base: '/mesures-dossier/',
  logLevel: 'warn',
  build: { outDir: '../../../.tmp/mesures-dossier', emptyOutDir: true, target: 'es2022' },
});
