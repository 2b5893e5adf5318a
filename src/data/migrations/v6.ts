import type { VersionSchema } from './version.ts';

// Summaries carry every figure the caseload shows (dossier, watch flags, proposals' clocks),
// computed when records are written, the day they hold for, and a sort key read in index
// order. Existing summaries get empty figures, dated never, and their format is unset: the
// caseload has them rebuilt in the background. Frozen: the sort key and the meta key are
// written as this version wrote them.

const cleTri = (nom: string) =>
  nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export const v6: VersionSchema = {
  numero: 6,
  stores: { resumes: 'id, residenceId, statut, cleTri, calculeLe' },
  async upgrade(tx) {
    await tx
      .table<{ nom: string }>('resumes')
      .toCollection()
      .modify((r) => {
        Object.assign(r, { cleTri: cleTri(r.nom), dossier: null, vigilance: [], delais: [], calculeLe: '' });
      });
    await tx.table('meta').delete('formatResumes');
  },
};
