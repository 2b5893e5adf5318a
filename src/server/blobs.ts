import { createHash } from 'node:crypto';
import { BLOB_TYPES } from '../sync/index.ts';
import type { Profile } from '../sync/index.ts';
import type { Database } from './db/database.ts';
import { Params } from './db/params.ts';
import { HttpError, forbidden } from './http-error.ts';
import { visibleRecords } from './replication/access.ts';

// Photos and scans, addressed by the SHA-256 of their content. The server hashes what it receives
// and keeps nothing that does not match. A blob is readable by whoever uploaded it and by whoever
// sees a record whose field names it (blob_refs, fed when such changes are applied).

export type BlobType = (typeof BLOB_TYPES)[number];

/** The first bytes each accepted type starts with, so a mislabelled file is refused. */
const SIGNATURES: Record<BlobType, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Stores a blob; true when it was new. Storing it again changes nothing. */
export async function putBlob(db: Database, actor: Profile, hash: string, type: BlobType, content: Buffer): Promise<boolean> {
  if (createHash('sha256').update(content).digest('hex') !== hash) throw new HttpError(400, 'Le contenu ne correspond pas à son empreinte SHA-256 : rien n’a été enregistré.');
  if (!SIGNATURES[type](content)) throw new HttpError(415, `Le contenu n’est pas un fichier ${type} valide.`);
  return db.transaction(async (tx) => {
    const inserted = await tx.query('insert into blobs (hash, content_type, size, data) values ($1, $2, $3, $4) on conflict do nothing returning hash', [hash, type, content.length, content]);
    await tx.query('insert into blob_uploads (hash, user_id) values ($1, $2) on conflict do nothing', [hash, actor.id]);
    return inserted.length > 0;
  });
}

type BlobAccess = { readable: boolean; stored: { type: string; size: number } | null };

async function access(db: Database, actor: Profile, hash: string): Promise<BlobAccess> {
  const p = new Params();
  const visible = visibleRecords(actor, p);
  const h = p.add(hash);
  const [row] = await db.query<{ type: string | null; size: number | null; uploaded: boolean; referenced: boolean }>(
    `${visible.with} select b.content_type as type, b.size,
       exists (select 1 from blob_uploads u where u.hash = ${h} and u.user_id = ${p.add(actor.id)}) as uploaded,
       exists (select 1 from blob_refs br join records r on r.rid = br.rid where br.hash = ${h} and ${visible.where}) as referenced
     from (select 1) one left join blobs b on b.hash = ${h}`,
    p.values,
  );
  const stored = row?.type != null && row.size != null ? { type: row.type, size: row.size } : null;
  return { readable: Boolean(row?.uploaded || row?.referenced), stored };
}

/** What a HEAD answers; 403 when the user may not see it, whether it exists or not. */
export async function blobInfo(db: Database, actor: Profile, hash: string): Promise<{ type: string; size: number }> {
  const { readable, stored } = await access(db, actor, hash);
  if (!readable) throw forbidden();
  if (stored === null) throw new HttpError(404, 'Ce fichier n’a pas encore été reçu par le serveur.');
  return stored;
}

export async function readBlob(db: Database, actor: Profile, hash: string): Promise<{ type: string; data: Buffer }> {
  const { type } = await blobInfo(db, actor, hash);
  const [row] = await db.query<{ data: Uint8Array }>('select data from blobs where hash = $1', [hash]);
  if (!row) throw new HttpError(404, 'Ce fichier n’a pas encore été reçu par le serveur.');
  return { type, data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) };
}
