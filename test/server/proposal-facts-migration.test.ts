import { describe, expect, it } from 'vitest';
import { faitsDesPropositions } from '../../src/domain/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrations.ts';
import { backfillFacts, readFacts } from '../../src/server/pilotage/facts.ts';
import { backfillSnapshotRecords } from '../../src/server/replication/snapshot-records.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { backends, readSideMismatches } from './harness.ts';

// Migration 19 (docs/pilotage.md): the proposals stored before it get their facts once, derived
// by the domain when the server starts; a deleted proposal has none.

const AVANT = 18;

/** A proposal stored as the push stored it before step 19: its fields (a map's entries apart) and its read-side row. */
async function enregistrer(db: Database, org: string, user: string, proposition: Record<string, unknown>) {
  const [{ rid }] = (await db.query<{ rid: string }>(
    `insert into records (tbl, scope, record_id, org_id, menage_id, created_by, created_seq) values ('propositions', '', $1, $2, $3, $4, 1) returning rid`,
    [proposition.id, org, proposition.menageId, user],
  )) as [{ rid: string }];
  const champs = Object.entries(proposition).flatMap(([champ, valeur]) =>
    champ === 'avis' ? Object.entries(valeur as object).map(([cle, v]) => [`avis.${cle}`, v] as const) : [[champ, valeur] as const],
  );
  for (const [champ, valeur] of champs) {
    await db.query(
      `insert into fields (rid, field, value, hlc, seq, author) values ($1, $2, $3::jsonb, $4, (select seq + 1 from sync_state), $5)`,
      [rid, champ, JSON.stringify(valeur), '2026-06-01T10:00:00.000Z-0000-0123456789abcdef', user],
    );
    await db.query('update sync_state set seq = seq + 1 where id = 1');
  }
  await db.query(
    `insert into record_values (rid, org_id, tbl, record_id, doc) select $1, $2, 'propositions', $3, jsonb_object_agg(field, value) from fields where rid = $1`,
    [rid, org, proposition.id],
  );
}

for (const backend of backends()) {
  describe(`the facts of the proposals stored before migration 19 (${backend.name})`, () => {
    it('are derived once by the domain at the next start, none for a deleted proposal', async () => {
      const { db, close } = await backend.open(AVANT);
      try {
        const encadrant = await createTestAccount(db, { organisation: 'Faits d’avant', role: 'encadrant' });
        const org = encadrant.profile.organisation.id;
        const [supprimee, ...propositions] = ORGANISATION_A.propositions;
        if (!supprimee) throw new Error('pas de proposition');
        for (const p of [...propositions, { ...supprimee, supprime: true }]) await enregistrer(db, org, encadrant.profile.id, p);

        expect(await migrate(db)).toEqual([19, 20, 21, 22, 23]);
        expect(await readFacts(db, [org])).toEqual([]);
        await backfillFacts(db);
        // The snapshot records step 23 named, kept at the same start: the read side is then whole.
        await backfillSnapshotRecords(db);
        const attendus = faitsDesPropositions(propositions);
        expect(await readFacts(db, [org])).toEqual(expect.arrayContaining(attendus));
        expect(await readFacts(db, [org])).toHaveLength(attendus.length);
        expect(await readSideMismatches(db)).toEqual([]);
        // Done once: the step's name is gone.
        expect(await db.query('select name from read_side_backfills')).toEqual([{ name: 'report_rows' }]);
      } finally {
        await close();
      }
    });
  });
}
