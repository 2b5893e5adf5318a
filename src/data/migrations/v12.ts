import type { VersionSchema } from './version.ts';

// Encryption at rest (docs/chiffrement.md): an index holds its values in clear, and the
// summaries' sort key is the household's name. The caseload sorts the summaries in memory.
export const v12: VersionSchema = { numero: 12, stores: { resumes: 'id, residenceId, statut, calculeLe' } };
