import { z } from 'zod';
import { isSyncedTable } from './tables.ts';
import type { SyncedTable } from './tables.ts';

// The divergence digest (docs/sync.md, « Empreintes et réparation »). A device and the server each
// fold what they hold into one digest per bucket (a table and the first character of the record
// id) and compare: a bucket that differs means the device drifted (a bug, a restored profile,
// storage evicted) and downloads that bucket again (the snapshot's `buckets`). Each field counts by (table, record,
// field, clock) only: a clock names one write, so equal clocks mean equal values, and the server
// hashes it in SQL (`md5`) without reading a single value. Fields are combined by XOR, so the
// order of reading does not matter.

/** The bucket a record's fields fall in, the same on the device and on the server (`left(record_id, 1)`). */
export const bucketOf = (table: SyncedTable | string, recordId: string): string => `${table}:${recordId.slice(0, 1)}`;

/** The first 64 bits of the MD5 of the field's identity, as PostgreSQL's `md5()` computes it on UTF-8 text. */
export function fieldHash(table: string, recordId: string, field: string, hlc: string): bigint {
  md5(`${table}/${recordId}/${field}/${hlc}`);
  // The digest's first eight bytes are the first two state words, each little-endian.
  return (BigInt(byteSwap(state[0] ?? 0)) << 32n) | BigInt(byteSwap(state[1] ?? 0));
}

/**
 * A bucket a device may ask to download again (the snapshot's `buckets`): a synced table and a
 * record id's first character, one that needs no escaping in a query. A divergent bucket of another
 * form (an id starting with another character) is repaired by downloading everything again.
 */
export const repairableBucketSchema = z
  .string()
  .regex(/^[A-Za-z]+:[0-9A-Za-z_-]$/)
  .refine((bucket) => isSyncedTable(bucket.slice(0, bucket.indexOf(':'))), { error: 'table inconnue' });

/** Beyond this many divergent buckets, downloading everything again costs less than naming them. */
export const MAX_REPAIR_BUCKETS = 64;

/** `buckets` of a query: bucket ids separated by commas, each checked, at most `MAX_REPAIR_BUCKETS`. */
export const bucketListSchema = z
  .string()
  .transform((list) => list.split(','))
  .pipe(z.array(repairableBucketSchema).min(1).max(MAX_REPAIR_BUCKETS));

/** Whether a bucket may be named to the snapshot's `buckets`. */
export const isRepairableBucket = (bucket: string): boolean => repairableBucketSchema.safeParse(bucket).success;

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
// both ends compute the same digests. Not for security: only to tell two copies apart. A device
// hashes every field it holds (hundreds of thousands for a caseload), hence one reused buffer and
// no allocation per block.

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const SINES = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
const WORD_OF_STEP = Int32Array.from({ length: 64 }, (_, i) => [i, (5 * i + 1) % 16, (3 * i + 5) % 16, (7 * i) % 16][i >> 4] ?? 0);
const SHIFT_OF_STEP = Int32Array.from({ length: 64 }, (_, i) => SHIFTS[(i >> 4) * 4 + (i % 4)] ?? 0);
let bytes = new Uint8Array(256);
const words = new Int32Array(16);
/** The four state words of the last `md5` call. */
const state = new Int32Array(4);

const rotate = (b: number, sum: number, shift: number) => (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
const byteSwap = (w: number) => (((w & 255) << 24) | (((w >>> 8) & 255) << 16) | (((w >>> 16) & 255) << 8) | (w >>> 24)) >>> 0;

/** Writes the UTF-8 bytes of `text` at the start of `bytes`, growing it as needed; returns their count. */
function utf8(text: string): number {
  if (bytes.length < text.length * 3 + 72) bytes = new Uint8Array(text.length * 6 + 72);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      bytes[n++] = 0xf0 | (c >> 18);
      bytes[n++] = 0x80 | ((c >> 12) & 63);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/** MD5 of the UTF-8 text into `state`. */
function md5(text: string): void {
  const length = utf8(text);
  const total = (((length + 8) >> 6) + 1) << 6;
  bytes.fill(0, length, total);
  bytes[length] = 0x80;
  const bits = length * 8;
  for (let i = 0; i < 8; i++) bytes[total - 8 + i] = i < 4 ? (bits >>> (8 * i)) & 255 : Math.floor(bits / 2 ** (8 * i)) & 255;
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let block = 0; block < total; block += 64) {
    for (let i = 0; i < 16; i++) {
      const o = block + i * 4;
      words[i] = (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) | ((bytes[o + 2] ?? 0) << 16) | ((bytes[o + 3] ?? 0) << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    // One loop per round: the round's function is then fixed in each, which the engine compiles well.
    for (let i = 0; i < 16; i++) {
      const sum = (a + ((b & c) | (~b & d)) + SINES[i]! + words[i]!) | 0;
      a = d;
      d = c;
      c = b;
      b = rotate(b, sum, SHIFT_OF_STEP[i]!);
    }
    for (let i = 16; i < 32; i++) {
      const sum = (a + ((d & b) | (~d & c)) + SINES[i]! + words[WORD_OF_STEP[i]!]!) | 0;
      a = d;
      d = c;
      c = b;
      b = rotate(b, sum, SHIFT_OF_STEP[i]!);
    }
    for (let i = 32; i < 48; i++) {
      const sum = (a + (b ^ c ^ d) + SINES[i]! + words[WORD_OF_STEP[i]!]!) | 0;
      a = d;
      d = c;
      c = b;
      b = rotate(b, sum, SHIFT_OF_STEP[i]!);
    }
    for (let i = 48; i < 64; i++) {
      const sum = (a + (c ^ (b | ~d)) + SINES[i]! + words[WORD_OF_STEP[i]!]!) | 0;
      a = d;
      d = c;
      c = b;
      b = rotate(b, sum, SHIFT_OF_STEP[i]!);
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  state[0] = a0;
  state[1] = b0;
  state[2] = c0;
  state[3] = d0;
}

export function md5Hex(text: string): string {
  md5(text);
  return Array.from(state, (w) => byteSwap(w).toString(16).padStart(8, '0')).join('');
}
