import type { BLOB_TYPES } from '../sync/index.ts';

// What a file must look like to be stored under the type it is sent as: the type's magic bytes,
// then what its header declares. An image states its width and height (within what a tablet's
// camera makes); a WebP states its own length; a PDF ends with its end-of-file marker. A file
// that is something else (a page of HTML, a script) labelled as an image is refused.

export type BlobType = (typeof BLOB_TYPES)[number];

/** Larger than any photo or scan: 100 megapixels on a side would be a forged header. */
const MAX_SIDE = 20_000;

const plausible = (width: number, height: number) => width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(b: Buffer): boolean {
  return (
    b.length >= 33 &&
    b.subarray(0, 8).equals(PNG_SIGNATURE) &&
    b.toString('latin1', 12, 16) === 'IHDR' &&
    plausible(b.readUInt32BE(16), b.readUInt32BE(20))
  );
}

/** Start-of-frame markers (C0–CF but DHT C4, JPG C8 and DAC CC) carry the picture's size. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  // Walk the segments up to the first frame header.
  let at = 2;
  while (at + 9 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1] ?? 0;
    if (isStartOfFrame(marker)) return plausible(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    at += 2 + b.readUInt16BE(at + 2);
  }
  return false;
}

function webpSize(b: Buffer): [number, number] | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30) return [1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3)];
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return [1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)];
  }
  if (chunk === 'VP8 ' && b.length >= 30) return [b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  return null;
}

function webp(b: Buffer): boolean {
  if (b.length < 16 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false;
  // The RIFF header states the file's length: a file cut short or padded is refused.
  if (b.readUInt32LE(4) + 8 !== b.length) return false;
  const size = webpSize(b);
  return size !== null && plausible(...size);
}

function pdf(b: Buffer): boolean {
  return b.toString('latin1', 0, 5) === '%PDF-' && b.toString('latin1', Math.max(0, b.length - 1024)).includes('%%EOF');
}

const CHECKS: Record<BlobType, (content: Buffer) => boolean> = {
  'image/jpeg': jpeg,
  'image/png': png,
  'image/webp': webp,
  'application/pdf': pdf,
};

/** True when `content` is a well-formed file of `type` as far as its header tells. */
export const looksLike = (type: BlobType, content: Buffer): boolean => CHECKS[type](content);
