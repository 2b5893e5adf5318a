import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, clockOffsets, pulledFields, recordClock, snapshotResponseSchema } from '../../src/sync/index.ts';
import type { PulledField, SnapshotRecord } from '../../src/sync/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { SNAPSHOT_RECORDS, backfillSnapshotRecords } from '../../src/server/replication/snapshot-records.ts';
import { seedHouseholds } from '../../src/server/testing.ts';
import { pullAll, request, sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { cast, newHousehold } from './fixtures.ts';
import { backends, readSideMismatches, useDatabase } from './harness.ts';
import { envoyer, partagerOffre, positionner, territoire } from './territoire.ts';
import '../graine.ts';

// Migration 23 (docs/sync.md, « Instantané »): each record is kept as the snapshot sends it, and a
// page is the text of the rows kept. Its records must be, as JSON, those the fields give through
// the protocol's own code (`recordClock`, `clockOffsets`), as the server made them before: each
// record in server order, its fields in the order of their sequences, the greatest clock once and
// each other clock next to it.

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

type Champ = { field: string; value: unknown; hlc: string; seq: number };

/** A record as the protocol's code makes it from its fields: its greatest clock, each other clock as `clockOffsets` writes it. */
function depuisSesChamps(table: string, recordId: string, champs: readonly Champ[]): SnapshotRecord {
  const hlc = recordClock(champs.map((f) => f.hlc));
  const ecart = clockOffsets(hlc);
  const fields = Object.fromEntries(
    [...champs]
      .sort((a, b) => a.seq - b.seq)
      .map((f) => {
        const e = ecart(f.hlc);
        return [f.field, e === null ? [f.value] : [f.value, e]];
      }),
  );
  return { table, recordId, hlc, fields } as SnapshotRecord;
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
    const [table = '', recordId = ''] = cle.split('|');
    return [depuisSesChamps(table, recordId, champs)];
  });
}

const memesEnregistrements = async (db: Database, app: FastifyInstance, token: string) => {
  const attendu = await depuisLesChamps(db, app, token);
  expect(attendu.length).toBeGreaterThan(0);
  expect(JSON.stringify(await instantane(app, token))).toBe(JSON.stringify(attendu));
};

// Clocks of the wire's shape, real or not: a day of any year, month 00 to 13 and day 00 to 32
// (30 February, 31 April…), times up to 25:61:61 (24:00, 12:60…), a counter, one of two devices.
const deuxChiffres = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const unJour = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('2024', '2026', '2000', '1900', '2100', '0000', '9999'),
      fc.integer({ min: 0, max: 9999 }).map((a) => String(a).padStart(4, '0')),
    ),
    deuxChiffres(13),
    deuxChiffres(32),
  )
  .map(([annee, mois, jour]) => `${annee}-${mois}-${jour}`);
const uneHeure = fc
  .tuple(deuxChiffres(25), deuxChiffres(61), deuxChiffres(61), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 0xffff }))
  .map(
    ([h, m, s, ms, compteur]) => `T${h}:${m}:${s}.${String(ms).padStart(3, '0')}Z-${compteur.toString(16).toUpperCase().padStart(4, '0')}`,
  );
const APPAREILS = ['0123456789abcdef', 'fedcba9876543210'] as const;
const uneValeur = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('Famille « Öztürk »', 'a"b\\c', '', '1 rue\nbis'),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
);
/** A record's fields: most of the same day and device as one another, so that their clocks travel as counts. */
const desChamps = fc
  .record({
    jour: unJour,
    appareil: fc.constantFrom(...APPAREILS),
    champs: fc.array(
      fc.record({
        autreJour: fc.option(unJour, { freq: 3 }),
        autreAppareil: fc.boolean(),
        heure: uneHeure,
        value: uneValeur,
        ordre: fc.nat(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ jour, appareil, champs }) =>
    champs.map((c, i): Champ => ({
      field: ['nom', 'adresse', 'occupants.a"b', 'échéance', '12'][i % 5] + String(i),
      value: c.value,
      hlc: `${c.autreJour ?? jour}${c.heure}-${c.autreAppareil && i % 3 === 0 ? APPAREILS[1] : appareil}`,
      // Distinct: each field's index is its sequence's last digit.
      seq: c.ordre * 10 + i,
    })),
  );

for (const backend of backends()) {
  describe(`snapshot records kept as sent (${backend.name})`, () => {
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

      for (const token of [c.encadrant.token, c.claire.token, c.other.encadrant.token]) await memesEnregistrements(db, c.app, token);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).not.toContain(efface);
      expect(await readSideMismatches(db)).toEqual([]);
    });

    it('give each partner the pages the fields give, a named sheet only by consent', async () => {
      const t = await territoire(storage.db);
      const { logement } = await partagerOffre(t);
      const mous = new ModelClient(t.mous.token, Date.now);
      positionner(mous, t.residenceMous, logement.id);
      positionner(mous, t.residenceMous, logement.id, { consentements: { bailleurs: { accorde: true, date: '2026-01-10' } } });
      await envoyer(t.app, mous);

      for (const compte of [t.hotePartenaire, t.etat, t.mous, t.plateforme, t.hote])
        await memesEnregistrements(storage.db, t.app, compte.token);
      expect(JSON.stringify(await instantane(t.app, t.etat.token))).not.toContain('Famille Benali');
      expect(await readSideMismatches(storage.db)).toEqual([]);
    });

    it('are kept at the next start for the records stored before migration 23, and again to the same pages', async () => {
      const db = storage.db;
      const c = await cast(db);
      await seedHouseholds(db, c.encadrant.profile, c.residenceId, 4);
      const claire = new ModelClient(c.claire.token, Date.now);
      newHousehold(claire, c.residenceId, c.claire.profile.id);
      await sync(claire, c.app);
      const attendu = JSON.stringify(await instantane(c.app, c.encadrant.token));

      // As step 23 leaves a database: nothing kept, the work named; kept at the start, then again over it.
      const nommer = `insert into read_side_backfills (name) values ('snapshot_record') on conflict do nothing`;
      await db.exec(`update record_values set snapshot_record = null; ${nommer}`);
      expect(await instantane(c.app, c.encadrant.token)).toEqual([]);
      await backfillSnapshotRecords(db);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).toBe(attendu);
      expect(await db.query(`select name from read_side_backfills where name = 'snapshot_record'`)).toEqual([]);
      await db.exec(nommer);
      await backfillSnapshotRecords(db);
      expect(JSON.stringify(await instantane(c.app, c.encadrant.token))).toBe(attendu);
      expect(await readSideMismatches(db)).toEqual([]);
    });

    it('write each clock as the protocol does, for clocks of any day, time and device, real or not', async () => {
      const db = storage.db;
      await fc.assert(
        fc.asyncProperty(desChamps, async (champs) => {
          // Given in the reverse order of their sequences: the order they are written in is theirs.
          const lignes = [...champs].sort((a, b) => b.seq - a.seq).map((f) => ({ ...f, value: { v: f.value } }));
          const [ligne] = await db.query<{ snapshot_record: string }>(
            `select snapshot_record::text from (${SNAPSHOT_RECORDS(
              `select 1::bigint as rid, 'menages'::text as tbl, 'm-1'::text as record_id, x.field, x.value -> 'v' as value, x.hlc, x.seq
               from jsonb_to_recordset($1::jsonb) as x(field text, value jsonb, hlc text, seq bigint)`,
            )}) s`,
            [JSON.stringify(lignes)],
          );
          const recu = JSON.parse(ligne?.snapshot_record ?? 'null') as SnapshotRecord;
          const attendu = depuisSesChamps('menages', 'm-1', champs);
          expect(recu).toEqual(attendu);
          expect(Object.keys(recu.fields)).toEqual(Object.keys(attendu.fields));
        }),
        { numRuns: 300 },
      );
    }, 120_000);

    it('give the pages the fields give after stored clocks of other days, devices and impossible instants', async () => {
      const db = storage.db;
      const c = await cast(db);
      const menages = await seedHouseholds(db, c.encadrant.profile, c.residenceId, 3);
      // Clocks stored before the server checked them, or written by a device on other days: an
      // impossible greatest clock (30 February), an impossible hour (24:00), a later day of one device.
      const appareil = '0123456789abcdef';
      const horloges = [
        ['2099-02-30T10:00:00.000Z-0001', '2099-02-30T09:00:00.000Z-0001'],
        ['2026-01-15T24:00:00.000Z-0002', '2026-01-15T23:00:00.000Z-0002'],
        ['2099-01-01T10:00:00.000Z-0001', '2099-01-01T09:59:59.999Z-FFF0'],
      ].flatMap(([nom = '', reference = ''], i) => [
        { record_id: menages[i], field: 'nom', hlc: `${nom}-${appareil}` },
        { record_id: menages[i], field: 'reference', hlc: `${reference}-${appareil}` },
      ]);
      await db.query(
        `update fields f set hlc = x.hlc from jsonb_to_recordset($1::jsonb) as x(record_id text, field text, hlc text), records r
         where r.rid = f.rid and r.record_id = x.record_id and f.field = x.field`,
        [JSON.stringify(horloges)],
      );
      await db.exec(`update record_values set snapshot_record = null; insert into read_side_backfills (name) values ('snapshot_record')`);
      await backfillSnapshotRecords(db);
      await memesEnregistrements(db, c.app, c.encadrant.token);
      // A device writes over them: the push keeps the records it writes exact.
      const tablette = new ModelClient(c.encadrant.token, Date.now);
      for (const id of menages) tablette.edit('menages', id, 'telephone', '06 11 22 33 44');
      await sync(tablette, c.app);
      await memesEnregistrements(db, c.app, c.encadrant.token);
      expect(await readSideMismatches(db)).toEqual([]);
    });
  });
}
