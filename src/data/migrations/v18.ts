import type { VersionSchema } from './version.ts';

// The caseload summaries in a few rows of many summaries each, sealed as one: a start opens
// dozens of rows instead of one per household (docs/chiffrement.md, « Mesures »). In clear: the
// row's number, a random version and the earliest day its summaries were computed for. The rows
// of `resumes` cannot be moved here (they are sealed and the key is not there while upgrading):
// they are read as they are until the background refresh moves them, after the unlock.
export const v18: VersionSchema = { numero: 18, stores: { paquetsResumes: 'id, [id+version], calculeLe' } };
