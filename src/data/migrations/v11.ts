import type { VersionSchema } from './version.ts';

// The opérations' partners meetings and their decisions per household (charte §4 steps 5 to 8),
// and the changes of a household's situation (charte §4 step 4).
export const v11: VersionSchema = {
  numero: 11,
  stores: { reunions: 'id, operationId', decisionsReunion: 'id, menageId, reunionId', changementsSituation: 'id, menageId' },
};
