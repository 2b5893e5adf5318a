import type { SyncedTable } from './tables.ts';

// The divergence digest (docs/sync.md, « Empreintes et réparation »). A device and the server each
// fold what they hold into one digest per bucket (a table and the first character of the record
// id) and compare: a bucket that differs means the device drifted (a bug, a restored profile,
// storage evicted) and must download everything again. Each field counts by (table, record,
// field, clock) only: a clock names one write, so equal clocks mean equal values, and the server
// hashes it in SQL (`md5`) without reading a single value. Fields are combined by XOR, so the
// order of reading does not matter.

/** The bucket a record's fields fall in, the same on the device and on the server (`left(record_id, 1)`). */
export const bucketOf = (table: SyncedTable | string, recordId: string): string => `${table}:${recordId.slice(0, 1)}`;

/** The first 64 bits of the MD5 of the field's identity, as PostgreSQL's `md5()` computes it on UTF-8 text. */
export function fieldHash(table: string, recordId: string, field: string, hlc: string): bigint {
  return BigInt(`0x${md5Hex(`${table}/${recordId}/${field}/${hlc}`).slice(0, 16)}`);
}

/** One bucket: how many fields it holds and the XOR of their hashes, in hexadecimal without leading zeros (PostgreSQL's `to_hex`). */
export type BucketDigest = { count: number; digest: string };

export class DigestBuilder {
  private readonly buckets = new Map<string, { count: number; xor: bigint }>();

  add(table: string, recordId: string, field: string, hlc: string): void {
    const key = bucketOf(table, recordId);
    const bucket = this.buckets.get(key) ?? { count: 0, xor: 0n };
    bucket.count++;
    bucket.xor ^= fieldHash(table, recordId, field, hlc);
    this.buckets.set(key, bucket);
  }

  result(): Record<string, BucketDigest> {
    return Object.fromEntries([...this.buckets].map(([key, { count, xor }]) => [key, { count, digest: xor.toString(16) }]));
  }
}

/** The buckets whose digests differ, `skip` left out (those holding changes not yet accepted by the server). */
export function divergentBuckets(
  device: Readonly<Record<string, BucketDigest>>,
  server: Readonly<Record<string, BucketDigest>>,
  skip: ReadonlySet<string> = new Set(),
): string[] {
  const keys = new Set([...Object.keys(device), ...Object.keys(server)]);
  return [...keys]
    .filter((key) => !skip.has(key))
    .filter((key) => device[key]?.count !== server[key]?.count || device[key]?.digest !== server[key]?.digest)
    .sort();
}

// MD5 (RFC 1321) over the UTF-8 bytes of a string: the hash PostgreSQL offers in core, so that
// both ends compute the same digests. Not for security: only to tell two copies apart.

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const SINES = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

export function md5Hex(text: string): string {
  const bytes = utf8(text);
  const bits = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 0; i < 8; i++) bytes.push(i < 4 ? (bits >>> (8 * i)) & 255 : Math.floor(bits / 2 ** (8 * i)) & 255);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const words = new Array<number>(16);
  for (let block = 0; block < bytes.length; block += 64) {
    for (let i = 0; i < 16; i++) {
      const o = block + i * 4;
      words[i] = (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) | ((bytes[o + 2] ?? 0) << 16) | ((bytes[o + 3] ?? 0) << 24);
    }
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + (SINES[i] ?? 0) + (words[g] ?? 0)) | 0;
      const shift = SHIFTS[round * 4 + (i % 4)] ?? 0;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return [a0, b0, c0, d0]
    .map((w) => Array.from({ length: 4 }, (_, i) => ((w >>> (8 * i)) & 255).toString(16).padStart(2, '0')).join(''))
    .join('');
}
