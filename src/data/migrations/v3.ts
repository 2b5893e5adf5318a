import type { VersionSchema } from './version.ts';

// Concurrent edits reported by the server, shown on the household until acknowledged.
export const v3: VersionSchema = { numero: 3, stores: { conflits: 'id, menageId' } };
