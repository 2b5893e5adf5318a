import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The simulation panel's measuring page, built apart from the app.
export default defineConfig({
  root: 'test/bench/simulation-ecran',
  base: './',
  plugins: [preact()],
  logLevel: 'warn',
  build: { outDir: '../../../.tmp/simulation-ecran', emptyOutDir: true, target: 'es2022' },
  preview: { port: 0, strictPort: false },
});
