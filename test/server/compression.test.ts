import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';
import { codageAccepte } from '../../src/server/http/compression.ts';
import { pullAll, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// A first sync is megabytes of repetitive JSON: it travels compressed to whoever accepts it.

describe('the encoding a client accepts', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(codageAccepte('gzip, deflate, br, zstd')).toBe('br');
    expect(codageAccepte('gzip, deflate')).toBe('gzip');
    expect(codageAccepte('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(codageAccepte('*')).toBe('br');
    expect(codageAccepte('identity')).toBeNull();
    expect(codageAccepte(undefined)).toBeNull();
  });
});

for (const backend of backends()) {
  describe(`compressed answers (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('sends a pull page compressed to a client that accepts it, and the same JSON once decoded', async () => {
      const instant = Date.now();
      const c = await cast(storage.db, () => instant);
      const claire = new ModelClient(c.claire.token, Date.now);
      for (let i = 0; i < 20; i++) newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      const url = `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=0&limit=500`;
      const auth = { authorization: `Bearer ${c.claire.token}` };
      const plain = await c.app.inject({ method: 'GET', url, headers: auth });
      const br = await c.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-encoding': 'br, gzip' } });
      const gz = await c.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-encoding': 'gzip' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(br.headers.vary).toContain('accept-encoding');
      const expected = plain.json();
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(expected);
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(expected);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect((await pullAll(c.app, c.claire.token)).pages.length).toBeGreaterThan(0);
      await c.app.close();
    });
  });
}
