import type { VersionSchema } from './version.ts';

// The relocation plan of each operation (charte §6.6), one record per operation.
export const v15: VersionSchema = { numero: 15, stores: { plansRelogement: 'id, operationId' } };
