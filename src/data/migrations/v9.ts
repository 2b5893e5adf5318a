import type { VersionSchema } from './version.ts';

// Changes the server refused get a table of their own, shown to the officer per household.
// Those an earlier version set aside in `meta` were refused under older rules (a chargée's
// résidence): they go back to the outbox, in their order, to be sent again.

type ChangeMiseDeCote = { changeId: string; seq?: number; erreur?: unknown } & Record<string, unknown>;

export const v9: VersionSchema = {
  numero: 9,
  stores: { refusees: 'changeId, menageId, seqOrigine' },
  async upgrade(tx) {
    const anciennes = (await tx.table<{ key: string; value: unknown }>('meta').get('changesRefusees'))?.value;
    if (!Array.isArray(anciennes)) return;
    const lignes = (anciennes as ChangeMiseDeCote[])
      .filter((r) => typeof r?.changeId === 'string')
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      .map(({ seq: _seq, erreur: _erreur, ...change }) => change);
    await tx.table('outbox').bulkAdd(lignes);
    await tx.table('meta').delete('changesRefusees');
  },
};
