import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from '../../src/sync/index.ts';

describe('canonical JSON', () => {
  it('compares values whatever the order of their keys, as jsonb returns them', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
    expect(sameJson({ valeur: '1', nsp: false }, { nsp: false, valeur: '1' })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
