import type { VersionSchema } from './version.ts';

export const v1: VersionSchema = {
  numero: 1,
  stores: {
    operations: 'id',
    residences: 'id, operationId',
    menages: 'id, residenceId, statut',
    personnes: 'id, menageId',
    entretiens: 'id, menageId',
    parametres: 'id',
    outbox: '++seq, changeId, [table+recordId]',
    fieldMeta: 'key',
    meta: 'key',
    reprises: 'entretienId',
  },
};
