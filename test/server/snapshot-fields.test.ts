import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, clockOffsets, pulledFields, recordClock, snapshotResponseSchema } from '../../src/sync/index.ts';
import type { PulledField, SnapshotRecord } from '../../src/sync/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { backfillSnapshotFields } from '../../src/server/replication/snapshot-fields.ts';
import { seedHouseholds } from '../../src/server/testing.ts';
import { pullAll, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';
import { envoyer, offre, positionner, territoire } from './territoire.ts';

// Migration 22 (docs/sync.md, « Instantané »): a snapshot page reads each record's fields and
// clocks from the one row kept with its values. Its records must be, byte for byte, those the
// fields give: each record in server order, its fields in the order of their sequences, the
// greatest clock once and each other clock next to it.

/** The snapshot records of every page, as the device receives them. */
async function instantane(app: FastifyInstance, token: string): Promise<SnapshotRecord[]> {
  const records: SnapshotRecord[] = [];
  for (let apres = 0; ;) {
    const { status, body } = await request(
      app,
      token,
      'GET',
      `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}&limit=3`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const page = snapshotResponseSchema.parse(body);
    records.push(...page.records);
    if (page.next === null) return records;
    apres = page.next;
  }
}

/**
 * The snapshot records the fields give, from a pull since 0 (the same rights, each field with its
 * clock and sequence) and the server order of the records.
 */
async function depuisLesChamps(db: Database, app: FastifyInstance, token: string): Promise<SnapshotRecord[]> {
  const parRecord = new Map<string, PulledField[]>();
  for (const f of (await pullAll(app, token)).pages.flatMap((p) => pulledFields(p))) {
    const cle = `${f.table}|${f.recordId}`;
    parRecord.set(cle, [...(parRecord.get(cle) ?? []).filter((g) => g.field !== f.field || g.seq > f.seq), f]);
  }
  const ordre = await db.query<{ cle: string }>(`select tbl || '|' || record_id as cle from records order by rid`);
  return ordre.flatMap(({ cle }) => {
    const champs = parRecord.get(cle);
    parRecord.delete(cle);
    if (!champs) return [];
    champs.sort((a, b) => a.seq - b.seq);
    const hlc = recordClock(champs.map((f) => f.hlc));
    const ecart = clockOffsets(hlc);
    const fields = Object.fromEntries(
      champs.map((f) => {
        const e = ecart(f.hlc);
        return [f.field, e === null ? [f.value] : [f.value, e]];
      }),
    );
    const [table = '', recordId = ''] = cle.split('|');
    return [{ table, recordId, hlc, fields } as SnapshotRecord];
  });
}

const memesOctets = async (db: Database, app: FastifyInstance, token: string) => {
  const attendu = await depuisLesChamps(db, app, token);
  expect(attendu.length).toBeGreaterThan(0);
  expect(JSON.stringify(await instantane(app, token))).toBe(JSON.stringify(attendu));
};

for (const backend of backends()) {
  describe(`snapshot fields kept with each record (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('give the pages the fields give, after concurrent writes from several devices, conflicts and an erasure', async () => {
      const db = storage.db;
      const c = await cast(db);
      const [efface, partage, autre] = await seedHouseholds(db, c.encadrant.profile, c.residenceId, 5);
      if (!efface || !partage || !autre) throw new Error('pas de ménages');
      const claire = new ModelClient(c.claire.token, Date.now);
      const { menageId } = newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);

      // Two devices of the encadrant and Claire's write the same records at once: clocks of three
      // devices in one record, some fields rewritten (their sequence moves them last), conflicts.
      const [a, b] = [new ModelClient(c.encadrant.token, Date.now), new ModelClient(c.encadrant.token, Date.now)];
      for (const [i, appareil] of [a, b].entries()) {
        appareil.edit('menages', partage, 'telephone', `06 00 00 00 0${i}`);
        appareil.edit('menages', menageId, 'nom', `Famille Martin ${i}`);
        appareil.edit('menages', menageId, 'adresse', `${i + 1} rue des Lilas`);
      }
      claire.edit('menages', menageId, 'nom', 'Famille Martin-Diallo');
      await Promise.all([sync(a, c.app), sync(b, c.app), sync(claire, c.app)]);
      b.edit('menages', partage, 'nom', 'Ménage partagé');
      await sync(b, c.app);

      expect((await request(c.app, c.encadrant.token, 'DELETE', `/api/v1/menages/${efface}`)).status).toBe(204);
      a.edit('menages', autre, 'telephone', '07 00 00 00 00');
      await sync(a, c.app);

      for (const token of [c.encadrant.token, c.claire.token, c.other.encadrant.token]) await memesOctets(db, c.app, token);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).not.toContain(efface);
      expect(await readSideMismatches(db)).toEqual([]);
    });

    it('give each partner the pages the fields give, a named sheet only by consent', async () => {
      const t = await territoire(storage.db);
      const hote = new ModelClient(t.hote.token, Date.now);
      const logement = offre();
      hote.create('offresPartagees', logement);
      await envoyer(t.app, hote);
      const mous = new ModelClient(t.mous.token, Date.now);
      positionner(mous, t.residenceMous, logement.id);
      positionner(mous, t.residenceMous, logement.id, { consentements: { bailleurs: { accorde: true, date: '2026-01-10' } } });
      await envoyer(t.app, mous);

      for (const compte of [t.hotePartenaire, t.etat, t.mous, t.plateforme, t.hote]) await memesOctets(storage.db, t.app, compte.token);
      expect(JSON.stringify(await instantane(t.app, t.etat.token))).not.toContain('Famille Benali');
      expect(await readSideMismatches(storage.db)).toEqual([]);
    });

    it('are kept at the next start for the records stored before migration 22, and again to the same pages', async () => {
      const db = storage.db;
      const c = await cast(db);
      await seedHouseholds(db, c.encadrant.profile, c.residenceId, 4);
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      const attendu = JSON.stringify(await instantane(c.app, c.encadrant.token));

      // As step 22 leaves a database: nothing kept, the work named; kept at the start, then again over it.
      const nommer = `insert into read_side_backfills (name) values ('snapshot_fields') on conflict do nothing`;
      await db.exec(`update record_values set snapshot_fields = null; ${nommer}`);
      expect(await instantane(c.app, c.encadrant.token)).toEqual([]);
      await backfillSnapshotFields(db);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).toBe(attendu);
      expect(await db.query(`select name from read_side_backfills where name = 'snapshot_fields'`)).toEqual([]);
      await db.exec(nommer);
      await backfillSnapshotFields(db);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).toBe(attendu);
      expect(await readSideMismatches(db)).toEqual([]);
    });
  });
}
