import { describe, expect, it } from 'vitest';
import type { EnregistrementsPilotage } from '../../src/domain/index.ts';
import { bulkSeedRecords, createTestAccount } from '../../src/server/testing.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { chargerPilotage, lignesPilotage, suiviPar } from './pilotage-chargement.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';

// The territory bench (test/bench/pilotage.ts) seeds 50,000 households in bulk SQL instead of
// through the push: what it stores must be what the push stores, or the bench measures a database
// no server would hold. The fixture is stored both ways, the bulk copy under other ids.

const PREFIXE = /0190a6e0-/g;
const copie = (d: EnregistrementsPilotage): EnregistrementsPilotage =>
  JSON.parse(JSON.stringify(d).replace(PREFIXE, '0190a6e1-')) as EnregistrementsPilotage;
const original = (text: string) => text.replaceAll('0190a6e1-', '0190a6e0-');

type Stocke = {
  tbl: string;
  record_id: string;
  scope: string;
  menage_id: string | null;
  territory_id: string | null;
  doc: unknown;
  fields: unknown;
};

for (const backend of backends()) {
  describe(`the bench's bulk seed (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('stores the records, their fields and their read-side rows as the push does', async () => {
      const db = storage.db;
      const [parPush, claire, enBloc, sofia] = [
        await createTestAccount(db, { organisation: 'Seed par push', role: 'encadrant' }),
        await createTestAccount(db, { organisation: 'Seed par push', role: 'chargé' }),
        await createTestAccount(db, { organisation: 'Seed en bloc', role: 'encadrant' }),
        await createTestAccount(db, { organisation: 'Seed en bloc', role: 'chargé' }),
      ];
      await chargerPilotage(db, parPush.profile, suiviPar(ORGANISATION_A, claire.profile.id));
      await bulkSeedRecords(db, enBloc.profile, lignesPilotage(copie(suiviPar(ORGANISATION_A, sofia.profile.id))));

      const lire = async (org: string, scope: string) => {
        const rows = await db.query<Stocke>(
          `select r.tbl, r.record_id, case when r.scope = $2 then 'org' else r.scope end as scope, r.menage_id, r.territory_id::text,
             v.doc, (select jsonb_object_agg(f.field, jsonb_build_array(f.value, f.author = r.created_by)) from fields f where f.rid = r.rid) as fields
           from records r join record_values v on v.rid = r.rid where r.org_id = $1 order by r.tbl, r.record_id`,
          [org, scope],
        );
        return rows;
      };
      const pousses = await lire(parPush.profile.organisation.id, parPush.profile.organisation.id);
      const copies = await lire(enBloc.profile.organisation.id, enBloc.profile.organisation.id);
      expect(pousses.length).toBeGreaterThan(30);
      expect(JSON.parse(original(JSON.stringify(copies)).replaceAll(sofia.profile.id, claire.profile.id))).toEqual(pousses);
      expect(await readSideMismatches(db)).toEqual([]);
    });
  });
}
