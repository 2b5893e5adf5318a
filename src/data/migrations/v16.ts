import type { VersionSchema } from './version.ts';

// The drafts of the forms recorded on submit, on this device only (never synced), indexed by
// household so that forgetting a household forgets them.
export const v16: VersionSchema = { numero: 16, stores: { brouillons: 'cle, menageId' } };
