import { expect } from 'vitest';
import type { DonneesPilotage } from '../../src/domain/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { loadReportData } from '../../src/server/pilotage/load.ts';
import { readSideMismatches } from './harness.ts';

/** A read-side table a migration empties and names for a backfill at the next start (backfill.ts), the backfill named after its table. */
type Reprise = { table: string; vide: keyof DonneesPilotage; reprendre: (db: Database) => Promise<void> };

/**
 * `table` left as its migration leaves it (empty, its backfill named): the organisation's report
 * reads nothing from it, the backfill gives back `attendu` and clears its name; run again over
 * rows already there (a start interrupted after some pages), the same report.
 */
export async function repriseRefaitLeRapport(
  db: Database,
  org: string,
  attendu: DonneesPilotage,
  { table, vide, reprendre }: Reprise,
): Promise<void> {
  const nommer = `insert into read_side_backfills (name) values ('${table}') on conflict do nothing`;
  await db.exec(`delete from ${table}; ${nommer}`);
  expect((await loadReportData(db, [org]))[vide]).toEqual([]);
  await reprendre(db);
  expect(await loadReportData(db, [org])).toEqual(attendu);
  expect(await readSideMismatches(db)).toEqual([]);
  expect(await db.query(`select name from read_side_backfills where name = $1`, [table])).toEqual([]);

  await db.exec(nommer);
  await reprendre(db);
  expect(await loadReportData(db, [org])).toEqual(attendu);
  expect(await readSideMismatches(db)).toEqual([]);
}
