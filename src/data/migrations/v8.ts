import type { VersionSchema } from './version.ts';

// The per-field table emptied by version 7 goes.
export const v8: VersionSchema = { numero: 8, stores: { fieldMeta: null } };
