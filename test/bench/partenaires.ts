import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createTerritory } from '../../src/server/accounts/accounts.ts';
import { openStorage } from '../../src/server/db/open.ts';
import type { StorageOptions } from '../../src/server/db/open.ts';
import type { Database } from '../../src/server/db/database.ts';
import { applyChanges } from '../../src/server/replication/push.ts';
import { createTestAccount, createTestResidence, creationChanges, pgliteTemplate, seedHouseholds } from '../../src/server/testing.ts';
import { offrePartageeSchema, positionnementSchema } from '../../src/domain/index.ts';
import { PROTOCOL_VERSION, initialHlc } from '../../src/sync/index.ts';
import type { Change, Profile, PullResponse, SyncedTable } from '../../src/sync/index.ts';

// A landlord partner pulls its view of a territory of 20 organisations, 50,000 households and
// 2,000 pooled offers, each with two positions; goal p95 of a pull request ≤ 300 ms, on PGlite
// and, when TEST_DATABASE_URL is set, on PostgreSQL. Part of `npm run bench`, and alone with
// `npm run bench:partenaires`: seeding takes minutes. BENCH_MENAGES scales the households down.
// BENCH_REUTILISER=1 keeps the seeded territory (one per size) and times it again on the next run:
// on PostgreSQL in TEST_DATABASE_URL, on PGlite in the directory BENCH_PGLITE_DIR. BENCH_BASE=pglite
// or BENCH_BASE=postgresql times only one of them.

const MENAGES = Number(process.env.BENCH_MENAGES ?? 50_000);
const OFFRES = 2_000;
const ORGS = { bailleur: 8, mous: 6, ville: 2, metropole: 1, etat: 1, action_logement: 1, plateforme: 1 } as const;
const ROUNDS = 5;
const REUSE = process.env.BENCH_REUTILISER === '1';

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function push(db: Database, actor: Profile, table: SyncedTable, records: readonly Record<string, unknown>[]) {
  let clock = initialHlc(randomUUID().replace(/-/g, '').slice(0, 16));
  let pending: Change[] = [];
  for (const record of records) {
    const made = creationChanges(table, record, clock, Date.now());
    clock = made.clock;
    pending.push(...made.changes);
    if (pending.length >= 5_000) {
      await applyChanges(db, actor, 'banc', pending, Date.now());
      pending = [];
    }
  }
  if (pending.length > 0) await applyChanges(db, actor, 'banc', pending, Date.now());
}

/** Seeds the territory, named only once complete so that an interrupted seeding is never reused. */
async function seed(db: Database, name: string): Promise<void> {
  const territory = `${name} (en cours ${randomUUID().slice(0, 8)})`;
  await createTerritory(db, territory, 'metropole');
  const accounts: Record<string, Profile[]> = {};
  for (const [kind, count] of Object.entries(ORGS)) {
    for (let i = 0; i < count; i += 1) {
      const a = await createTestAccount(db, { organisation: `${kind} ${i} ${name}`, role: 'encadrant', kind, territory });
      (accounts[kind] ??= []).push(a.profile);
    }
  }
  const teams = accounts.mous ?? [];
  const households: { team: Profile; id: string }[] = [];
  for (const team of teams) {
    const residence = await createTestResidence(db, team);
    for (const id of await seedHouseholds(db, team, residence, Math.ceil(MENAGES / teams.length))) households.push({ team, id });
  }
  const landlords = accounts.bailleur ?? [];
  const offers = Array.from({ length: OFFRES }, (_, i) =>
    offrePartageeSchema.parse({
      id: randomUUID(),
      adresse: `${i + 1} rue du Banc`,
      commune: 'Marseille',
      typologie: 'T3',
      surface: 60,
      loyer: 400,
      charges: 100,
      dateMiseADisposition: '2026-03-02',
    }),
  );
  for (const [i, landlord] of landlords.entries())
    await push(
      db,
      landlord,
      'offresPartagees',
      offers.filter((_, j) => j % landlords.length === i),
    );
  for (const team of teams) {
    const own = households.filter((h) => h.team === team);
    const positions = offers.flatMap((offer, i) => {
      const h = own[(i * 2) % own.length];
      const g = own[(i * 2 + 1) % own.length];
      return [h, g].flatMap((x) =>
        x && i % teams.length === teams.indexOf(team)
          ? [
              positionnementSchema.parse({
                id: randomUUID(),
                offreId: offer.id,
                menageId: x.id,
                positionneLe: '2026-03-04',
                ficheAnonyme: { pseudonyme: 'M', composition: '2 adultes', ages: [40, 38], trancheRessources: 'PLAI', besoins: [] },
                ficheNominative: { nom: 'Nom', adresse: 'Adresse', telephone: '', reference: '' },
              }),
            ]
          : [],
      );
    });
    await push(db, team, 'positionnements', positions);
  }
  await db.query('update territories set name = $1 where name = $2', [name, territory]);
}

async function mesurer(options: StorageOptions): Promise<string> {
  const storage = await openStorage(options, 'le banc');
  const { db } = storage;
  try {
    const name = REUSE ? `Banc partenaires ${MENAGES}` : `Banc ${randomUUID().slice(0, 8)}`;
    const [seeded] = await db.query('select 1 from territories where name = $1', [name]);
    if (!seeded) await seed(db, name);
    const partner = await createTestAccount(db, { organisation: `bailleur 0 ${name}`, role: 'partenaire' });
    const [{ households } = { households: 0 }] = await db.query<{ households: number }>(
      `select count(*)::int as households from records r join organisations o on o.id = r.org_id
         where r.tbl = 'menages' and o.territory_id = (select id from territories where name = $1)`,
      [name],
    );
    const app = await buildApp({ db });
    const durations: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      let since = 0;
      for (;;) {
        const start = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${since}`,
          headers: { authorization: `Bearer ${partner.token}` },
        });
        durations.push(performance.now() - start);
        if (res.statusCode !== 200) throw new Error(`pull : ${res.statusCode} ${res.body}`);
        const page = res.json() as PullResponse;
        since = page.checkpoint;
        if (!page.hasMore) break;
      }
    }
    await app.close();
    const sorted = durations.sort((a, b) => a - b);
    return `${households.toLocaleString('fr-FR')} ménages, ${OFFRES} offres, ${sorted.length} requêtes de réception d’un partenaire ; médiane ${Math.round(quantile(sorted, 0.5))} ms, p95 ${Math.round(quantile(sorted, 0.95))} ms (objectif ≤ 300 ms)`;
  } finally {
    await storage.close();
  }
}

export async function bench(): Promise<Record<string, string>> {
  const only = process.env.BENCH_BASE;
  const pgliteDir = REUSE ? process.env.BENCH_PGLITE_DIR : undefined;
  // A kept PGlite database opens from its directory; the empty template only starts a new one.
  const template = pgliteDir !== undefined && existsSync(join(pgliteDir, 'pglite')) ? undefined : await pgliteTemplate();
  const figures: Record<string, string> = {};
  if (only !== 'postgresql') figures['PGlite'] = await mesurer({ template, dataDir: pgliteDir });
  const url = process.env.TEST_DATABASE_URL;
  if (url && only !== 'pglite') figures['PostgreSQL'] = await mesurer({ databaseUrl: url });
  return figures;
}
