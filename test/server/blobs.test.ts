import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { MAX_BLOB_BYTES } from '../../src/sync/index.ts';
import type { SyncedTable } from '../../src/sync/index.ts';
import { pushChanges } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('une photo de quittance')]);
const PDF = Buffer.from('%PDF-1.7\nun avis d’imposition');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function put(app: FastifyInstance, token: string, hash: string, type: string, body: Buffer) {
  const res = await app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: body });
  return { status: res.statusCode, body: res.json() as { error?: string } };
}

async function get(app: FastifyInstance, token: string, hash: string, method: 'GET' | 'HEAD' = 'GET') {
  const res = await app.inject({ method, url: `/api/blobs/${hash}`, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, type: res.headers['content-type'], length: res.headers['content-length'], bytes: res.rawPayload };
}

for (const backend of backends()) {
  describe(`photos and scans (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('stores a blob under the hash of its content, once', async () => {
      const c = await cast(storage.db);
      const hash = sha256(PNG);
      expect((await put(c.app, c.claire.token, hash, 'image/png', PNG)).status).toBe(201);
      expect((await put(c.app, c.claire.token, hash, 'image/png', PNG)).status).toBe(200);
      const read = await get(c.app, c.claire.token, hash);
      expect(read).toMatchObject({ status: 200, type: 'image/png' });
      expect(read.bytes.equals(PNG)).toBe(true);
      expect(await get(c.app, c.claire.token, hash, 'HEAD')).toMatchObject({ status: 200, type: 'image/png', length: String(PNG.length) });
    });

    it('refuses a mismatched hash, a wrong type and an oversized file, storing nothing', async () => {
      const c = await cast(storage.db);
      const before = await storage.db.query('select count(*)::int as n from blobs');
      const mismatch = await put(c.app, c.claire.token, sha256(PDF), 'application/pdf', Buffer.concat([PDF, Buffer.from('!')]));
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error).toMatch(/empreinte/);
      expect((await put(c.app, c.claire.token, sha256(PDF), 'text/plain', PDF)).status).toBe(415);
      expect((await put(c.app, c.claire.token, sha256(PDF), 'image/png', PDF)).status).toBe(415);
      const huge = Buffer.concat([PDF, Buffer.alloc(MAX_BLOB_BYTES)]);
      expect((await put(c.app, c.claire.token, sha256(huge), 'application/pdf', huge)).status).toBe(413);
      expect(await storage.db.query('select count(*)::int as n from blobs')).toEqual(before);
      expect((await get(c.app, c.claire.token, sha256(PDF))).status).toBe(403);
    });

    it('lets only its uploader read a blob no visible record refers to', async () => {
      const c = await cast(storage.db);
      const hash = sha256(PDF);
      await put(c.app, c.claire.token, hash, 'application/pdf', PDF);
      const stranger = await get(c.app, c.other.encadrant.token, hash);
      const unknown = await get(c.app, c.other.encadrant.token, sha256(Buffer.from(randomUUID())));
      expect(stranger.status).toBe(403);
      expect(stranger.bytes.toString()).toBe(unknown.bytes.toString());
      expect((await get(c.app, c.encadrant.token, hash)).status).toBe(403);
    });

    // Dossier pieces name their pages' blobs; the test runs once that table is synced.
    it('lets whoever sees the record that names a blob read it, and nobody else', async () => {
      const c = await cast(storage.db);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      const hash = sha256(PNG);
      await put(c.app, c.claire.token, hash, 'image/png', PNG);
      claire.edit('pieces' as SyncedTable, randomUUID(), 'menageId', menageId);
      const piece = claire.outbox.at(-1)?.recordId ?? '';
      claire.edit('pieces' as SyncedTable, piece, 'pages', [{ blobHash: hash, mime: 'image/png', size: PNG.length }]);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
      expect((await get(c.app, c.encadrant.token, hash)).status).toBe(200);
      expect((await get(c.app, c.samir.token, hash)).status).toBe(403);
      expect((await get(c.app, c.other.encadrant.token, hash)).status).toBe(403);
    });
  });
}
