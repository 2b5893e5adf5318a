import { BLOB_FIELDS, splitField } from '../../sync/index.ts';
import type { Change } from '../../sync/index.ts';

// Which blobs a change names: any SHA-256 anywhere in the value of a field that holds blobs
// (a piece's pages, a scan's hash). Naming a blob lets whoever sees the record read it.

const BLOB_HASH = /^[0-9a-f]{64}$/;

function hashesIn(value: unknown): string[] {
  if (typeof value === 'string') return BLOB_HASH.test(value) ? [value] : [];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(hashesIn);
  return [];
}

export function blobHashesOf(change: Pick<Change, 'field' | 'value'>): string[] {
  return (BLOB_FIELDS as readonly string[]).includes(splitField(change.field).name) ? hashesIn(change.value) : [];
}
