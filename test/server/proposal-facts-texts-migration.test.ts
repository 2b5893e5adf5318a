import { describe, expect, it } from 'vitest';
import { faitsDesPropositions } from '../../src/domain/index.ts';
import { createTerritory } from '../../src/server/accounts/accounts.ts';
import { backfillFacts } from '../../src/server/pilotage/facts.ts';
import { loadReportData } from '../../src/server/pilotage/load.ts';
import { bulkSeedRecords, createTestAccount, seedRecords } from '../../src/server/testing.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { lignesPilotage, suiviPar } from './pilotage-chargement.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';
import { repriseRefaitLeRapport } from './reprise.ts';

// Migration 21 (docs/pilotage.md): each proposal's facts kept as one short text, the household and
// the offer named by the rid of their record when the write finds it, else by their id. The facts
// stored before it are derived again at the next start; doing it again changes nothing.

for (const backend of backends()) {
  describe(`the facts of the proposals stored before migration 21 (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('are derived again at the next start, and again to the same facts', async () => {
      const db = storage.db;
      const encadrant = await createTestAccount(db, { organisation: 'Faits en texte', role: 'encadrant' });
      const org = encadrant.profile.organisation.id;
      await bulkSeedRecords(db, encadrant.profile, lignesPilotage(ORGANISATION_A));
      const attendu = await loadReportData(db, [org]);
      expect(attendu.propositions).toHaveLength(faitsDesPropositions(ORGANISATION_A.propositions).length);

      // As step 21 leaves a database: no facts, the work named; derived again, then again over them.
      await repriseRefaitLeRapport(db, org, attendu, {
        table: 'proposal_facts',
        vide: 'propositions',
        reprendre: backfillFacts,
      });
    });
  });

  describe(`the facts of proposals on another organisation’s offer (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('name the same offer as the proposal, within the territory or outside it', async () => {
      const db = storage.db;
      await createTerritory(db, 'Territoire des faits', 'metropole');
      const [a, b, c] = [
        await createTestAccount(db, { organisation: 'Bailleur A du territoire', role: 'encadrant', territory: 'Territoire des faits' }),
        await createTestAccount(db, { organisation: 'Bailleur B du territoire', role: 'encadrant', territory: 'Territoire des faits' }),
        await createTestAccount(db, { organisation: 'Bailleur hors territoire', role: 'encadrant' }),
      ];
      const d = suiviPar(ORGANISATION_A, a.profile.id);
      // A third of the offers kept by the other landlord of the territory, a third by one outside it.
      const chez = (k: number) => d.offres.filter((_, i) => i % 3 === k).map((o) => ['offres', o] as const);
      await seedRecords(db, b.profile, chez(1));
      await seedRecords(db, c.profile, chez(2));
      await seedRecords(db, a.profile, lignesPilotage({ ...d, offres: d.offres.filter((_, i) => i % 3 === 0) }));

      const attendus = faitsDesPropositions(d.propositions);
      const lus = (await loadReportData(db, [a.profile.organisation.id])).propositions;
      expect(lus).toEqual(expect.arrayContaining(attendus));
      expect(lus).toHaveLength(attendus.length);
      expect(await readSideMismatches(db)).toEqual([]);

      // A household's record gone while its proposals stay (erased by another organisation than
      // theirs): the report still reads, its proposals naming no household it reads.
      const [efface] = d.menages;
      if (!efface) throw new Error('pas de ménage');
      const [{ rid }] = (await db.query<{ rid: string }>(`select rid from records where tbl = 'menages' and record_id = $1`, [
        efface.id,
      ])) as [{ rid: string }];
      for (const t of ['report_rows', 'record_values', 'fields', 'records']) await db.query(`delete from ${t} where rid = $1`, [rid]);
      const restent = (await loadReportData(db, [a.profile.organisation.id])).propositions;
      expect(restent).toHaveLength(attendus.length);
      expect(restent.filter((p) => d.menages.some((m) => m.id === p.menageId))).toEqual(
        expect.arrayContaining(attendus.filter((p) => p.menageId !== efface.id)),
      );
      expect(restent.filter((p) => p.menageId === efface.id)).toEqual([]);
    });
  });
}
