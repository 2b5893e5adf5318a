import type { VersionSchema } from './version.ts';

// A pending change is found by its field without decrypting the others of its record (the
// autosave budget): the field's name (no personal data) is indexed, so kept in clear. Rows
// sealed before keep it inside their sealed part: on an encrypted device they are sealed again at
// the next unlock, as the rows stored before encryption were ('chiffrementAFaire', docs/chiffrement.md).

export const v14: VersionSchema = {
  numero: 14,
  stores: { outbox: '++seq, changeId, [table+recordId], [table+recordId+field]' },
  async upgrade(tx) {
    const meta = tx.table<{ key: string; value: unknown }>('meta');
    if (!(await meta.get('verrou'))) return;
    const aFaire = (await meta.get('chiffrementAFaire'))?.value;
    // `true`: every table is still to seal, the outbox with them.
    if (aFaire !== true) await meta.put({ key: 'chiffrementAFaire', value: ['outbox'] });
  },
};
