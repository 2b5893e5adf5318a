import type { VersionSchema } from './version.ts';

// The checklist of each move, temporary or final, with its costs and invoices (charte §3.2, §3.3).
export const v10: VersionSchema = { numero: 10, stores: { demenagements: 'id, menageId, propositionId' } };
