import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{domain,data,sync,sync-client,architecture,scripts,server}/**/*.test.ts'],
          setupFiles: ['test/graine.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/graine.ts', 'test/ui/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          // The tablets run in Paris time (chromium.ts): so do the tests' own dates, even when UTC is a day behind.
          env: { TZ: 'Europe/Paris' },
          fileParallelism: false,
          // A loaded CI machine renders slower than a tablet: poll for what the officer sees, patiently.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
