import { createHash } from 'node:crypto';
import type { Profile } from '../sync/index.ts';
import type { Database, Sql } from './db/database.ts';
import { Params } from './db/params.ts';
import { looksLike } from './file-types.ts';
import type { BlobType } from './file-types.ts';
import { HttpError, forbidden } from './http-error.ts';
import { visibleRecords } from './replication/access.ts';

// Photos and scans, addressed by the SHA-256 of their content. The server hashes what it receives
// and keeps nothing that does not match. A blob is readable by whoever uploaded it, and by whoever
// sees a record of an organisation one of its uploaders belongs to that names it (blob_refs, fed
// when such changes are applied). A record may only name a blob its author may read already, so
// knowing a hash is never enough to read a file. A blob that does not exist and one that is not
// yours get the same answer.

/**
 * Stores a blob; true when this user had not uploaded it before. Storing it again changes
 * nothing, and whether someone else uploaded the same file is not told.
 */
export async function putBlob(db: Database, actor: Profile, hash: string, type: BlobType, content: Buffer): Promise<boolean> {
  if (createHash('sha256').update(content).digest('hex') !== hash)
    throw new HttpError(400, 'Le contenu ne correspond pas à son empreinte SHA-256 : rien n’a été enregistré.');
  if (!looksLike(type, content)) throw new HttpError(415, `Le contenu n’est pas un fichier ${type} valide.`);
  return db.transaction(async (tx) => {
    await tx.query('insert into blobs (hash, content_type, size, data) values ($1, $2, $3, $4) on conflict do nothing', [
      hash,
      type,
      content.length,
      content,
    ]);
    const uploaded = await tx.query('insert into blob_uploads (hash, user_id) values ($1, $2) on conflict do nothing returning hash', [
      hash,
      actor.id,
    ]);
    return uploaded.length > 0;
  });
}

/** `with …` and a condition true when the actor may read the blob whose hash is the SQL `hash`. */
function readable(actor: Profile, p: Params, hash: string): { with: string; where: string } {
  const visible = visibleRecords(actor, p);
  return {
    with: visible.with,
    where: `(exists (select 1 from blob_uploads u where u.hash = ${hash} and u.user_id = ${p.add(actor.id)})
      or exists (select 1 from blob_refs br join records r on r.rid = br.rid
                 where br.hash = ${hash} and ${visible.where}
                   and exists (select 1 from blob_uploads u join users uploader on uploader.id = u.user_id
                               where u.hash = br.hash and uploader.organisation_id = r.org_id)))`,
  };
}

/** Of these hashes, those the actor may not name in a record: not readable by them. */
export async function unreadableBlobs(tx: Sql, actor: Profile, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const p = new Params();
  const rule = readable(actor, p, 'h.hash');
  const rows = await tx.query<{ hash: string }>(
    `${rule.with} select h.hash from unnest(${p.add([...new Set(hashes)])}::text[]) as h(hash) where not ${rule.where}`,
    p.values,
  );
  return new Set(rows.map((r) => r.hash));
}

/** What a HEAD answers; 403 when the user may not read it, whether it exists or not. */
export async function blobInfo(db: Database, actor: Profile, hash: string): Promise<{ type: string; size: number }> {
  const p = new Params();
  const h = p.add(hash);
  const rule = readable(actor, p, h);
  const [row] = await db.query<{ type: string; size: number }>(
    `${rule.with} select b.content_type as type, b.size from blobs b where b.hash = ${h} and ${rule.where}`,
    p.values,
  );
  if (!row) throw forbidden();
  return row;
}

export async function readBlob(db: Database, actor: Profile, hash: string): Promise<{ type: string; data: Buffer }> {
  const { type } = await blobInfo(db, actor, hash);
  const [row] = await db.query<{ data: Uint8Array }>('select data from blobs where hash = $1', [hash]);
  if (!row) throw forbidden();
  return { type, data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) };
}

/** The households the actor sees whose records name this blob: a download reads them. */
export async function householdsNaming(db: Sql, actor: Profile, hash: string): Promise<string[]> {
  const p = new Params();
  const visible = visibleRecords(actor, p);
  const rows = await db.query<{ menage_id: string }>(
    `${visible.with} select distinct r.menage_id from blob_refs br join records r on r.rid = br.rid
     where br.hash = ${p.add(hash)} and r.menage_id is not null and ${visible.where}`,
    p.values,
  );
  return rows.map((r) => r.menage_id);
}
