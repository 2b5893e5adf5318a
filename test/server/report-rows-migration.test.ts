import { describe, expect, it } from 'vitest';
import { loadReportData } from '../../src/server/pilotage/load.ts';
import { backfillRows } from '../../src/server/pilotage/rows.ts';
import { bulkSeedRecords, createTestAccount } from '../../src/server/testing.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { lignesPilotage, suiviPar } from './pilotage-chargement.ts';
import { backends, useDatabase } from './harness.ts';
import { repriseRefaitLeRapport } from './reprise.ts';

// Migration 20 (docs/pilotage.md): the households, offers and other records a report reads whole
// get their report rows once, derived at the next start from the records stored before it; doing
// it again changes nothing.

for (const backend of backends()) {
  describe(`the report rows of the records stored before migration 20 (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('are derived once at the next start, and again to the same rows', async () => {
      const db = storage.db;
      const [encadrant, claire] = [
        await createTestAccount(db, { organisation: 'Lignes d’avant', role: 'encadrant' }),
        await createTestAccount(db, { organisation: 'Lignes d’avant', role: 'chargé' }),
      ];
      const org = encadrant.profile.organisation.id;
      await bulkSeedRecords(db, encadrant.profile, lignesPilotage(suiviPar(ORGANISATION_A, claire.profile.id)));
      const attendu = await loadReportData(db, [org]);
      expect(attendu.menages.length).toBeGreaterThan(0);
      expect(attendu.offres.length).toBeGreaterThan(0);

      // As a database migrated from step 19 holds them: no rows, the work named; derived once, then again over them.
      await repriseRefaitLeRapport(db, org, attendu, {
        table: 'report_rows',
        vide: 'menages',
        reprendre: backfillRows,
      });
    });
  });
}
