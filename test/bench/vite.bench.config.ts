import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The measuring page, built apart from the app and served beside it on the same origin.
export default defineConfig({
  root: 'test/bench/navigateur',
  base: '/mesures/',
  plugins: [preact()],
  logLevel: 'warn',
  build: { outDir: '../../../.tmp/mesures', emptyOutDir: true, target: 'es2022' },
});
