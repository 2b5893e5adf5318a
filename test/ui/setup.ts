// The ui project (jsdom): IndexedDB from fake-indexeddb, and the rendered tree removed after each test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/preact';

// `waitFor` and `find*` wait for what the user would see. Their default of 1 s was a bet on the
// machine's speed: on two loaded cores an autosave plus its IndexedDB round trip took longer, and
// tests failed at random (test/ui/brouillons.test.tsx). A test still fails when the thing never shows.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});
