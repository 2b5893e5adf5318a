import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  MOIS_RESSOURCES,
  cleRessource,
  entretienSchema,
  menageSchema,
  operationSchema,
  personneSchema,
  residenceSchema,
} from '../domain/index.ts';
import { SYNCED_TABLES, diffRecord, formatHlc, initialHlc, tick } from '../sync/index.ts';
import type { Change, HlcState, Profile, Role, SyncedTable } from '../sync/index.ts';
import { attachOrganisation, createOrganisation, createTerritory, createUser } from './accounts/accounts.ts';
import { hashPassword } from './accounts/passwords.ts';
import { createSession } from './accounts/sessions.ts';
import type { Database } from './db/database.ts';
import { applyChanges } from './replication/push.ts';
import { kindOf, scopeOf } from './replication/records.ts';
import { lockSequence } from './replication/sequence.ts';
import { SNAPSHOT_RECORDS } from './replication/snapshot-records.ts';
import { proposalFact, writeFacts } from './pilotage/facts.ts';
import { reportRow, writeRows } from './pilotage/rows.ts';

// Helpers for tests and benchmarks (the server's own, and the browser tests that start it):
// accounts with a session, a résidence, households in bulk. Not used by the server itself.

export { startServer } from './server.ts';
export type { RunningServer, ServerOptions } from './server.ts';

/**
 * An empty PGlite cluster as a tarball, made once per PGlite version and kept in the system's
 * temporary directory: starting from it takes about a second instead of ten.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const path = join(tmpdir(), `relogement-pglite-${version}.tar`);
  if (!existsSync(path)) {
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('none');
    await db.close();
    // Written aside then renamed, so that a parallel test never reads half a file.
    const partial = `${path}.${process.pid}.${randomUUID()}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return new Blob([readFileSync(path)]);
}

export type TestAccount = { profile: Profile; token: string; password: string };

const accountHashes = new Map<string, Promise<string>>();

/**
 * A user with a live session, in `organisation` (created if needed). The password is hashed with
 * light parameters so that creating many accounts stays fast; logging in with it works.
 */
export async function createTestAccount(
  db: Database,
  options: { organisation: string; role: Role; name?: string; email?: string; password?: string; kind?: string; territory?: string },
): Promise<TestAccount> {
  const [org] = await db.query('select 1 from organisations where name = $1', [options.organisation]);
  if (!org) await createOrganisation(db, options.organisation, options.kind ?? null, options.territory ?? null);
  const password = options.password ?? 'mot de passe de test';
  let hash = accountHashes.get(password);
  if (!hash) accountHashes.set(password, (hash = hashPassword(password, { N: 1024, r: 8, p: 1 })));
  const email = options.email ?? `${randomUUID()}@test.invalid`;
  const profile = await createUser(
    db,
    { organisation: options.organisation, email, password, role: options.role, name: options.name ?? email },
    await hash,
  );
  const { token } = await createSession(db, profile.id);
  return { profile, token, password };
}

/** Field changes that create `record` in `table`, stamped by `clock` (returned advanced). */
export function creationChanges(
  table: SyncedTable,
  record: Record<string, unknown>,
  clock: HlcState,
  now: number,
): { changes: Change[]; clock: HlcState } {
  let state = clock;
  const changes = diffRecord(table, undefined, record).map(({ field, value }) => {
    state = tick(state, now);
    return {
      changeId: randomUUID(),
      table,
      recordId: String(record.id),
      field,
      value: value as Change['value'],
      hlc: formatHlc(state),
      baseSeq: null,
    };
  });
  return { changes, clock: state };
}

const seedClock = () => initialHlc(randomUUID().replace(/-/g, '').slice(0, 16));

/** A résidence of the account's organisation (an encadrant or administrateur), through the push path. */
/** A résidence of the actor's organisation; with `operation`, in an opération of that name, stored too. */
export async function createTestResidence(
  db: Database,
  actor: Profile,
  nom = 'Résidence des Tilleuls',
  operation?: string,
): Promise<string> {
  const residence = residenceSchema.parse({ id: randomUUID(), operationId: randomUUID(), nom, dateOuverture: '2025-01-15' });
  const changes = creationChanges('residences', residence, seedClock(), Date.now()).changes;
  if (operation !== undefined)
    changes.push(
      ...creationChanges('operations', operationSchema.parse({ id: residence.operationId, nom: operation }), seedClock(), Date.now())
        .changes,
    );
  await applyChanges(db, actor, 'test', changes, Date.now());
  return residence.id;
}

export type TestOrganisation = {
  name: string;
  kind: string;
  accounts: readonly { role: Role; name: string; email: string; password: string }[];
};

/**
 * A territory, its organisations with their kinds and their accounts, made as the admin commands
 * make them (create-territory, create-org, attach-org). Returns the accounts by email.
 */
export async function createTestTerritory(
  db: Database,
  territory: { name: string; kind: string },
  organisations: readonly TestOrganisation[],
): Promise<Map<string, TestAccount>> {
  await createTerritory(db, territory.name, territory.kind);
  const accounts = new Map<string, TestAccount>();
  for (const org of organisations) {
    await createOrganisation(db, org.name, org.kind);
    await attachOrganisation(db, org.name, territory.name);
    for (const a of org.accounts) accounts.set(a.email, await createTestAccount(db, { organisation: org.name, ...a }));
  }
  return accounts;
}

const CHUNK = 5_000;

/** What the matching needs beyond the dwelling: charges, APL and three months of the first occupant's salary. */
const matchableAnswers = (firstOccupant: string): Record<string, { valeur: string }> => ({
  'logement.charges': { valeur: '70' },
  'logement.apl': { valeur: '180' },
  ...Object.fromEntries(MOIS_RESSOURCES.map((mois) => [cleRessource(firstOccupant, mois, 'salaire'), { valeur: '1650' }])),
});

/**
 * `n` households of résidence `residenceId`, each with one to four occupants and one interview,
 * written by `actor` through the push path (as if one device had pushed them). Returns their ids.
 * `matchable` completes the interviews so that the offers screens rank the households.
 */
export async function seedHouseholds(
  db: Database,
  actor: Profile,
  residenceId: string,
  n: number,
  { matchable = false }: { matchable?: boolean } = {},
): Promise<string[]> {
  const now = Date.now();
  let clock = seedClock();
  const ids: string[] = [];
  let pending: Change[] = [];
  const add = (table: SyncedTable, record: Record<string, unknown>) => {
    // Wall time, not one fixed instant: a fixed one would overflow the clock's counter past 65,535 fields.
    const made = creationChanges(table, record, clock, Date.now());
    clock = made.clock;
    pending.push(...made.changes);
  };
  for (let i = 0; i < n; i += 1) {
    const id = randomUUID();
    ids.push(id);
    add(
      'menages',
      menageSchema.parse({
        id,
        residenceId,
        nom: `Ménage ${i + 1}`,
        reference: `M-${i + 1}`,
        referentId: actor.id,
        creeLe: '2025-02-01',
        telephone: '06 00 00 00 00',
      }),
    );
    const occupants = Array.from({ length: 1 + (i % 4) }, () => randomUUID());
    for (const [p, personneId] of occupants.entries()) {
      add(
        'personnes',
        personneSchema.parse({
          id: personneId,
          menageId: id,
          prenom: `Prénom ${p + 1}`,
          nom: `Ménage ${i + 1}`,
          lien: p === 0 ? 'titulaire' : 'enfant',
          dateNaissance: '1980-05-0' + (p + 1),
        }),
      );
    }
    add(
      'entretiens',
      entretienSchema.parse({
        id: randomUUID(),
        menageId: id,
        date: '2025-03-01',
        type: 'premier',
        statut: 'brouillon',
        reponses: {
          'logement.typologie': { valeur: 'T3' },
          'logement.surface': { valeur: '64' },
          'logement.loyer': { valeur: '420' },
          ...(matchable ? matchableAnswers(occupants[0] ?? '') : {}),
        },
      }),
    );
    if (pending.length >= CHUNK) {
      await applyChanges(db, actor, 'seed', pending, now);
      pending = [];
    }
  }
  if (pending.length > 0) await applyChanges(db, actor, 'seed', pending, now);
  return ids;
}

/** Records of any synced tables, written by `actor` through the push path in order, in chunks. */
export async function seedRecords(
  db: Database,
  actor: Profile,
  records: readonly (readonly [SyncedTable, Record<string, unknown>])[],
): Promise<void> {
  let clock = seedClock();
  let pending: Change[] = [];
  for (const [table, record] of records) {
    const made = creationChanges(table, record, clock, Date.now());
    clock = made.clock;
    pending.push(...made.changes);
    if (pending.length >= CHUNK) {
      await applyChanges(db, actor, 'seed', pending, Date.now());
      pending = [];
    }
  }
  if (pending.length > 0) await applyChanges(db, actor, 'seed', pending, Date.now());
}

const BULK_CHUNK = 10_000;

/**
 * Stores `records` as `seedRecords` would, row for row in records, fields and record_values, but
 * with one statement per table and slice of records (arrays through `unnest`) instead of the push:
 * seeding a territory of 50,000 households through the push takes hours. For records the push
 * would accept as they are: nothing is checked, and no change id is logged.
 */
export async function bulkSeedRecords(
  db: Database,
  actor: Profile,
  records: readonly (readonly [SyncedTable, Record<string, unknown>])[],
): Promise<void> {
  const org = actor.organisation.id;
  const byTable = new Map<SyncedTable, (typeof records)[number][]>();
  for (const row of records) {
    const rows = byTable.get(row[0]) ?? [];
    rows.push(row);
    byTable.set(row[0], rows);
  }
  let clock = seedClock();
  await db.transaction(async (tx) => {
    let seq = await lockSequence(tx);
    for (const [table, rows] of byTable) {
      const kind = kindOf(table);
      const territory = kind === 'pooled' ? (actor.organisation.territory?.id ?? null) : null;
      const menageKey = SYNCED_TABLES[table].menageKey;
      for (let start = 0; start < rows.length; start += BULK_CHUNK) {
        const ids: string[] = [];
        const menages: (string | null)[] = [];
        const createdSeqs: number[] = [];
        const f = { ids: [] as string[], fields: [] as string[], values: [] as string[], hlcs: [] as string[], seqs: [] as number[] };
        const slice = rows.slice(start, start + BULK_CHUNK);
        for (const [, record] of slice) {
          const made = creationChanges(table, record, clock, Date.now());
          clock = made.clock;
          ids.push(String(record.id));
          menages.push(menageKey === null ? null : String(record[menageKey]));
          createdSeqs.push(seq + 1);
          for (const change of made.changes) {
            seq += 1;
            f.ids.push(change.recordId);
            f.fields.push(change.field);
            f.values.push(JSON.stringify(change.value));
            f.hlcs.push(change.hlc);
            f.seqs.push(seq);
          }
        }
        const [made] = await tx.query<{ created: [number, string][] }>(
          `with created as (
             insert into records (tbl, scope, record_id, org_id, menage_id, territory_id, created_by, created_seq)
             select $1, $2, x.id, $3, x.menage_id, $4, $5, x.created_seq
             from unnest($6::text[], $7::text[], $8::bigint[]) as x(id, menage_id, created_seq)
             returning rid, record_id),
           planned as (
             select c.rid, x.field, x.value::jsonb as value, x.hlc, x.seq
             from unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[]) as x(id, field, value, hlc, seq)
             join created c on c.record_id = x.id),
           written as (
             insert into fields (rid, field, value, hlc, seq, author, territory_id)
             select rid, field, value, hlc, seq, $5, $4 from planned returning 1),
           kept as (${SNAPSHOT_RECORDS('select p.rid, $1::text as tbl, c.record_id, p.field, p.value, p.hlc, p.seq from planned p join created c using (rid)')}),
           valued as (
             insert into record_values (rid, org_id, tbl, record_id, doc, snapshot_record)
             select d.rid, $3, $1, d.record_id, d.doc, k.snapshot_record
             from (select p.rid, c.record_id, jsonb_object_agg(p.field, p.value) as doc from planned p join created c using (rid) group by p.rid, c.record_id) d
             join kept k using (rid) returning 1),
           used as (
             insert into organisation_usage (org_id, field_bytes) select $3, coalesce(sum(octet_length(value::text)), 0) from planned
             on conflict (org_id) do update set field_bytes = organisation_usage.field_bytes + excluded.field_bytes returning 1)
           select (select count(*) from written) as w, (select count(*) from valued) as v, (select count(*) from used) as u,
             (select json_agg(json_build_array(rid, record_id)) from created) as created`,
          [
            table,
            scopeOf(table, actor.organisation),
            org,
            territory,
            actor.id,
            ids,
            menages,
            createdSeqs,
            f.ids,
            f.fields,
            f.values,
            f.hlcs,
            f.seqs,
          ],
        );
        const byId = new Map(slice.map(([, record]) => [String(record.id), record]));
        const created = (made?.created ?? []).map(([rid, id]) => ({ rid: Number(rid), id, fields: Object.entries(byId.get(id) ?? {}) }));
        await writeRows(
          tx,
          created.flatMap(({ rid, id, fields }) => {
            const row = reportRow(table, id, fields);
            return row ? [{ rid, orgId: org, table, row }] : [];
          }),
        );
        if (table === 'propositions') {
          await writeFacts(
            tx,
            created.flatMap(({ rid, id, fields }) => {
              const fact = proposalFact(id, fields);
              return fact ? [{ rid, orgId: org, fact }] : [];
            }),
          );
        }
      }
    }
    await tx.query('update sync_state set seq = $1 where id = 1', [seq]);
  });
}
