import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layers point inward (docs/architecture.md): these rules make the direction mechanical.
const outsideDomain = [
  '**/data',
  '**/data/**',
  '**/sync',
  '**/sync/**',
  '**/sync-client',
  '**/sync-client/**',
  '**/server',
  '**/server/**',
  '**/ui',
  '**/ui/**',
  '**/pwa',
  '**/pwa/**',
];

// A layer is imported through its index.ts, never from its insides.
const viaIndex = (...layers) => ({
  group: layers.flatMap((l) => [`**/${l}/*`, `!**/${l}/index`, `!**/${l}/index.ts`]),
  message: 'Import a layer through its index.ts.',
});

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'dev-dist/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-warning-comments': 'off',
    },
  },
  {
    // Type-aware: a promise nobody awaits or catches loses its error, and a promise where a
    // callback's result is ignored (an event handler) runs unchecked.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      { group: outsideDomain, message: 'src/domain is pure: it imports only zod, date-fns and itself.' },
      {
        group: ['dexie', 'preact', 'preact/*', 'fastify', 'pg', '@electric-sql/*', 'node:*'],
        message: 'src/domain is pure: it imports only zod and date-fns.',
      },
    ]),
  },
  {
    files: ['src/sync/**'],
    rules: restrict([
      {
        group: [
          '**/data',
          '**/data/**',
          '**/sync-client',
          '**/sync-client/**',
          '**/server',
          '**/server/**',
          '**/ui',
          '**/ui/**',
          '**/pwa',
          '**/pwa/**',
        ],
        message: 'The sync protocol depends on domain only.',
      },
      {
        group: ['dexie', 'preact', 'preact/*', 'fastify', 'pg', '@electric-sql/*'],
        message: 'The sync protocol is shared by client and server: no runtime-specific import.',
      },
      viaIndex('domain'),
    ]),
  },
  {
    files: ['src/data/**'],
    rules: restrict([
      {
        group: ['**/sync-client', '**/sync-client/**', '**/ui', '**/ui/**', '**/server', '**/server/**', '**/pwa', '**/pwa/**'],
        message: "The tablet's storage depends on the sync protocol and domain only.",
      },
      viaIndex('domain', 'sync'),
    ]),
  },
  {
    files: ['src/sync-client/**'],
    rules: restrict([
      {
        group: ['**/ui', '**/ui/**', '**/server', '**/server/**', '**/pwa', '**/pwa/**'],
        message: 'The sync engine never depends on screens or the server.',
      },
      viaIndex('domain', 'sync', 'data'),
    ]),
  },
  {
    files: ['src/ui/**'],
    rules: restrict([
      {
        group: ['dexie', '**/data/db', '**/data/db/**', '**/server', '**/server/**'],
        message: 'Screens read through repositories (src/data/index.ts), never Dexie tables.',
      },
      viaIndex('domain', 'data', 'sync', 'sync-client'),
    ]),
  },
  {
    files: ['src/server/**'],
    rules: restrict([
      {
        group: [
          'dexie',
          'preact',
          'preact/*',
          '**/ui',
          '**/ui/**',
          '**/data',
          '**/data/**',
          '**/sync-client',
          '**/sync-client/**',
          '**/pwa',
          '**/pwa/**',
        ],
        message: 'The server depends on sync and domain only.',
      },
      viaIndex('domain', 'sync'),
    ]),
  },
);
