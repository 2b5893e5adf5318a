import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idBilanAnnuel } from '../../src/domain/index.ts';
import { createOrganisation, createTerritory } from '../../src/server/accounts/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrations.ts';
import { backfillRows } from '../../src/server/pilotage/rows.ts';
import { backfillSnapshotRecords } from '../../src/server/replication/snapshot-records.ts';
import { createTestAccount } from '../../src/server/testing.ts';
import { sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { backends, readSideMismatches } from './harness.ts';

// Migration 18 (docs/pilotage.md): the yearly review kept by each organisation of a territory
// becomes one record of the territory, its landlord entries keyed by organisation id; an offer
// typed by hand keeps the landlord of the territory its name matches. A tablet that synced
// before the migration receives the merged review at its next sync.

const AVANT = 17;
const ANNEE = idBilanAnnuel(2026);

async function enregistrer(
  db: Database,
  org: string,
  user: string,
  scope: string,
  tbl: string,
  id: string,
  champs: Record<string, unknown>,
) {
  const [{ rid }] = (await db.query<{ rid: string }>(
    `insert into records (tbl, scope, record_id, org_id, created_by, created_seq) values ($1, $2, $3, $4, $5, 1) returning rid`,
    [tbl, scope, id, org, user],
  )) as [{ rid: string }];
  for (const [i, [champ, valeur]] of Object.entries(champs).entries()) {
    await db.query(
      `insert into fields (rid, field, value, hlc, seq, author) values ($1, $2, $3::jsonb, $4, (select seq + 1 from sync_state), $5)`,
      [rid, champ, JSON.stringify(valeur), `2026-06-0${i + 1}T10:00:00.000Z-0000-0123456789abcdef`, user],
    );
    await db.query('update sync_state set seq = seq + 1 where id = 1');
  }
  await db.query(
    `insert into record_values (rid, org_id, tbl, record_id, doc) select $1, $2, $3, $4, jsonb_object_agg(field, value) from fields where rid = $1`,
    [rid, org, tbl, id],
  );
}

for (const backend of backends()) {
  describe(`the yearly review made the territory’s, by organisation id (migration 18, ${backend.name})`, () => {
    it('merges the organisations’ records, keys landlords by id, matches offers once, and sends it all again', async () => {
      const { db, close } = await backend.open(AVANT);
      try {
        const s = randomUUID().slice(0, 8);
        await createTerritory(db, `Territoire ${s}`, 'metropole');
        await createOrganisation(db, `Métropole ${s}`, 'metropole', `Territoire ${s}`);
        await createOrganisation(db, `MOUS ${s}`, 'mous', `Territoire ${s}`);
        // Two landlords with close names: only the exact name (case and accents aside) matches.
        for (const nom of [`Logis Sud ${s}`, `Logis Sud-Est ${s}`]) await createOrganisation(db, nom, 'bailleur', `Territoire ${s}`);
        const metropole = await createTestAccount(db, { organisation: `Métropole ${s}`, role: 'encadrant' });
        const mous = await createTestAccount(db, { organisation: `MOUS ${s}`, role: 'encadrant' });
        const logis = await createTestAccount(db, { organisation: `Logis Sud ${s}`, role: 'encadrant' });
        const [metropoleId, logisId] = [metropole.profile.organisation.id, logis.profile.organisation.id];
        const objectif = { bailleur: `LOGIS SÛD ${s}`, objectif: 5 };
        await enregistrer(db, metropoleId, metropole.profile.id, metropoleId, 'bilansAnnuels', ANNEE, {
          annee: 2026,
          [`objectifs.logis-sud-${s}`]: objectif,
          'objectifs.inconnu': { bailleur: 'Inconnu', objectif: 1 },
          'engagementsFlux.action-logement': { reservataire: 'Action Logement', engagement: 2 },
        });
        const total = { bailleur: `Logis Sud ${s}`, attributions: 40, saisiLe: '2027-01-15', source: 'RPLS' };
        await enregistrer(db, logisId, logis.profile.id, logisId, 'bilansAnnuels', ANNEE, {
          annee: 2026,
          [`attributions.logis-sud-${s}`]: total,
        });
        const [offreLogis, offreAutre] = [randomUUID(), randomUUID()];
        await enregistrer(db, mous.profile.organisation.id, mous.profile.id, mous.profile.organisation.id, 'offres', offreLogis, {
          bailleur: `logis sud ${s}`,
        });
        await enregistrer(db, mous.profile.organisation.id, mous.profile.id, mous.profile.organisation.id, 'offres', offreAutre, {
          bailleur: `Logis ${s}`,
        });
        // Logis Sud's tablet synced before the migration.
        const tablette = new ModelClient(logis.token, Date.now);
        tablette.checkpoint = Number((await db.query<{ seq: string }>('select seq from sync_state'))[0]?.seq);

        await migrate(db);
        // As the server does at its start (migration 20's rows, migration 23's snapshot records).
        await backfillRows(db);
        await backfillSnapshotRecords(db);

        const territoire = (
          await db.query<{ id: string }>('select id::text as id from territories where name = $1', [`Territoire ${s}`])
        )[0]?.id;
        const bilans = await db.query<{ scope: string; territory_id: string }>(
          `select scope, territory_id::text as territory_id from records where tbl = 'bilansAnnuels' and record_id = $1 and org_id in ($2, $3)`,
          [ANNEE, metropoleId, logisId],
        );
        expect(bilans).toEqual([{ scope: territoire, territory_id: territoire }]);
        expect(await readSideMismatches(db)).toEqual([]);

        const app = await buildApp({ db });
        await sync(tablette, app);
        expect(tablette.records.get(`bilansAnnuels|${ANNEE}`)).toEqual({
          id: ANNEE,
          annee: 2026,
          objectifs: { [logisId]: { ...objectif, organisationId: logisId }, inconnu: { bailleur: 'Inconnu', objectif: 1 } },
          attributions: { [logisId]: { ...total, organisationId: logisId } },
          engagementsFlux: { 'action-logement': { reservataire: 'Action Logement', engagement: 2 } },
        });
        const offres = await db.query<{ record_id: string; value: unknown }>(
          `select r.record_id, f.value from records r join fields f on f.rid = r.rid and f.field = 'bailleurId' where r.record_id = any($1::text[])`,
          [[offreLogis, offreAutre]],
        );
        expect(offres).toEqual([{ record_id: offreLogis, value: logisId }]);
      } finally {
        await close();
      }
    });
  });
}
