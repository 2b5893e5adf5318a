// The ui project (jsdom): IndexedDB from fake-indexeddb, and the rendered tree removed after each test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => {
  cleanup();
});
