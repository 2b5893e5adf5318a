import type { VersionSchema } from './version.ts';

// The offers pooled in the territory and the households positioned on them.
export const v13: VersionSchema = { numero: 13, stores: { offresPartagees: 'id', positionnements: 'id, offreId, menageId' } };
