import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DEVICE_HEADER, MAX_BLOB_BYTES } from '../../src/sync/index.ts';
import type { SyncedTable } from '../../src/sync/index.ts';
import { pushChanges, request } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';

// Real files, as small as they come: a 1×1 PNG, a JPEG's headers, a WebP's headers, a PDF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\nun avis d’imposition\n%%EOF\n');
const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
const jpeg = (width: number, height: number) =>
  Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    0xff,
    0xd9,
  ]);
function webp(declaredExtra = 0): Buffer {
  const chunk = Buffer.concat([Buffer.from('VP8L'), Buffer.from([5, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0])]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + chunk.length + declaredExtra, 4);
  return Buffer.concat([riff, Buffer.from('WEBP'), chunk]);
}
/** A PNG whose header declares another width. */
const pngOfWidth = (width: number) => {
  const forged = Buffer.from(PNG);
  forged.writeUInt32BE(width, 16);
  return forged;
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function put(app: FastifyInstance, token: string, hash: string, type: string, body: Buffer, device?: string) {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/blobs/${hash}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': type, ...(device ? { [DEVICE_HEADER]: device } : {}) },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() as { error?: string } };
}

async function get(app: FastifyInstance, token: string, hash: string, method: 'GET' | 'HEAD' = 'GET', device?: string) {
  const res = await app.inject({
    method,
    url: `/api/blobs/${hash}`,
    headers: { authorization: `Bearer ${token}`, ...(device ? { [DEVICE_HEADER]: device } : {}) },
  });
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

    it('stores only files that are what they claim, header and declared size, and serves them as attachments', async () => {
      const c = await cast(storage.db);
      const accepted: [string, Buffer][] = [
        ['image/jpeg', jpeg(640, 480)],
        ['image/webp', webp()],
        ['image/png', PNG],
        ['application/pdf', PDF],
      ];
      for (const [type, body] of accepted) expect((await put(c.app, c.claire.token, sha256(body), type, body)).status, type).toBe(201);
      const refused: [string, Buffer][] = [
        ['image/png', Buffer.concat([PNG.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')])],
        ['image/png', pngOfWidth(0)],
        ['image/png', pngOfWidth(1_000_000)],
        ['image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<script>alert(1)</script>')])],
        ['image/jpeg', jpeg(0, 480)],
        ['image/webp', webp(100)],
        ['application/pdf', Buffer.from('%PDF-1.7\n<script>alert(1)</script>')],
      ];
      for (const [type, body] of refused)
        expect((await put(c.app, c.claire.token, sha256(body), type, body)).status, `${type} ${body.length}`).toBe(415);

      const read = await c.app.inject({
        method: 'GET',
        url: `/api/blobs/${sha256(PDF)}`,
        headers: { authorization: `Bearer ${c.claire.token}` },
      });
      expect(read.headers['content-disposition']).toBe(`attachment; filename="${sha256(PDF)}.pdf"`);
      expect(read.headers['x-content-type-options']).toBe('nosniff');
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
      const [headStranger, headUnknown] = [
        await get(c.app, c.other.encadrant.token, hash, 'HEAD'),
        await get(c.app, c.other.encadrant.token, sha256(Buffer.from(randomUUID())), 'HEAD'),
      ];
      expect(headStranger.status).toBe(403);
      expect(headStranger.length).toBe(headUnknown.length);
      // Uploading the same file tells nothing of who else has it.
      expect((await put(c.app, c.other.encadrant.token, hash, 'application/pdf', PDF)).status).toBe(201);
    });

    it('does not let a record name a file its author may not read, whether it exists or not', async () => {
      const c = await cast(storage.db);
      const theirs = sha256(PDF);
      await put(c.app, c.other.encadrant.token, theirs, 'application/pdf', PDF);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox)).status).toBe(200);
      const refusals = [];
      for (const hash of [theirs, sha256(Buffer.from(randomUUID()))]) {
        claire.outbox = [];
        const pieceId = randomUUID();
        claire.edit('pieces', pieceId, 'menageId', menageId);
        const naming = claire.edit('pieces', pieceId, 'pages', [{ blobHash: hash, mime: 'application/pdf', size: PDF.length }]);
        const answer = await pushChanges(c.app, c.claire.token, claire.outbox);
        expect(answer.status).toBe(403);
        expect(answer.body.rejected?.map((r) => r.changeId)).toEqual([naming.changeId]);
        refusals.push(answer.body.rejected?.[0]?.error);
      }
      expect(refusals[0]).toBe(refusals[1]);
      expect((await get(c.app, c.claire.token, theirs)).status).toBe(403);
    });

    it('reads a file through a record only where one of its uploaders belongs to the record’s organisation', async () => {
      const c = await cast(storage.db);
      const theirs = sha256(PNG);
      await put(c.app, c.other.encadrant.token, theirs, 'image/png', PNG);
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await pushChanges(c.app, c.claire.token, claire.outbox);
      // A reference stored by an older server that did not check who named what.
      await storage.db.query(`insert into blob_refs (hash, rid) select $1, rid from records where tbl = 'menages' and record_id = $2`, [
        theirs,
        menageId,
      ]);
      expect((await get(c.app, c.claire.token, theirs)).status).toBe(403);
      expect((await get(c.app, c.encadrant.token, theirs, 'HEAD')).status).toBe(403);
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

    it('logs a file read with its device, and answers a tablet declared lost « erase everything » on every file request', async () => {
      const c = await cast(storage.db);
      const tablette = `tablette-${randomUUID()}`;
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      const hash = sha256(PNG);
      expect((await put(c.app, c.claire.token, hash, 'image/png', PNG, tablette)).status).toBe(201);
      const piece = randomUUID();
      claire.edit('pieces', piece, 'menageId', menageId);
      claire.edit('pieces', piece, 'pages', [{ blobHash: hash, mime: 'image/png', size: PNG.length }]);
      expect((await pushChanges(c.app, c.claire.token, claire.outbox, tablette)).status).toBe(200);
      expect((await get(c.app, c.claire.token, hash, 'GET', tablette)).status).toBe(200);
      const lectures = await storage.db.query<{ device_id: string }>(
        `select device_id from access_log where menage_id = $1 and action = 'lecture' and user_id = $2`,
        [menageId, c.claire.profile.id],
      );
      expect(lectures.map((l) => l.device_id)).toEqual([tablette]);

      const declared = await request(c.app, c.encadrant.token, 'POST', '/api/v1/devices/wipe', {
        userId: c.claire.profile.id,
        deviceId: tablette,
      });
      expect(declared.status).toBe(204);
      const effacer = { error: expect.stringContaining('déclarée perdue'), wipe: { reason: 'perdue' } };
      const lue = await get(c.app, c.claire.token, hash, 'GET', tablette);
      expect({ status: lue.status, body: JSON.parse(lue.bytes.toString()) as unknown }).toEqual({ status: 410, body: effacer });
      expect(await put(c.app, c.claire.token, sha256(PDF), 'application/pdf', PDF, tablette)).toEqual({ status: 410, body: effacer });
      expect((await get(c.app, c.claire.token, hash, 'HEAD', tablette)).status).toBe(410);
    });
  });
}
