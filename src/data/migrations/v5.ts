import type { VersionSchema } from './version.ts';

// The administrative dossier: its pieces sync as records; their photos and scans are local
// blobs named by their SHA-256, uploaded and downloaded by the sync engine (docs/donnees.md §2).
export const v5: VersionSchema = { numero: 5, stores: { pieces: 'id, menageId', blobs: 'hash, etat' } };
