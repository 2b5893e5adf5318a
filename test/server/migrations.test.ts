import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { MIGRATIONS, migrate } from '../../src/server/db/migrations.ts';
import { backends } from './harness.ts';

// docs/donnees.md §4: a server left at any released step, with data in it, migrates to the
// latest step without losing a row, and the steps it still had to run do their work on that data.

const LAST = MIGRATIONS.at(-1)!.id;

/** Step 11 made display names unique within an organisation: a server left before it may hold homonyms. */
const UNIQUE_NAMES = 11;

/** What every step since the first can hold: an organisation, two homonyms (before step 11), a session; a household's fields from step 2. */
async function fill(db: Database, step: number) {
  const org = randomUUID();
  const [claire, homonym1, homonym2] = [randomUUID(), randomUUID(), randomUUID()];
  await db.query(`insert into organisations (id, name, kind) values ($1, $2, 'bailleur')`, [org, `Bailleur ${org.slice(0, 8)}`]);
  for (const [i, [id, name]] of (
    [
      [claire, 'Claire Exemple'],
      [homonym1, 'Inès Martin'],
      [homonym2, step < UNIQUE_NAMES ? 'Inès Martin' : 'Inès Martin (2)'],
    ] as const
  ).entries()) {
    await db.query(
      `insert into users (id, organisation_id, email, name, role, password_hash, created_at) values ($1, $2, $3, $4, 'chargé', 'x', now() + $5 * interval '1 second')`,
      [id, org, `${id}@test.invalid`, name, i],
    );
  }
  await db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '30 days')`, [
    randomUUID(),
    claire,
  ]);
  const menage = randomUUID();
  if (step >= 2) {
    const [{ rid }] = (await db.query<{ rid: string }>(
      `insert into records (tbl, scope, record_id, org_id, menage_id, created_by, created_seq) values ('menages', '', $1, $2, $1, $3, 1) returning rid`,
      [menage, org, claire],
    )) as [{ rid: string }];
    const hlc = '2025-06-01T10:00:00.000Z-0000-0123456789abcdef';
    await db.query(
      `insert into fields (rid, field, value, hlc, seq, author) values ($1, 'nom', '"Famille Diallo"', $2, 1, $3), ($1, 'referent', '"claire exemple"', $2, 2, $3)`,
      [rid, hlc, claire],
    );
    await db.query(`update sync_state set seq = 2 where id = 1`);
  }
  return { org, claire, menage };
}

for (const backend of backends()) {
  describe(`server migrations from every released step (${backend.name})`, () => {
    it.each(Array.from({ length: LAST - 1 }, (_, i) => i + 1))('from step %i', async (step) => {
      const { db, close } = await backend.open(step);
      try {
        expect((await db.query<{ id: number }>('select id from migrations order by id')).map((r) => r.id)).toEqual(
          Array.from({ length: step }, (_, i) => i + 1),
        );
        const { org, claire, menage } = await fill(db, step);

        expect(await migrate(db)).toEqual(Array.from({ length: LAST - step }, (_, i) => step + i + 1));

        expect((await db.query<{ id: number }>('select id from migrations order by id')).map((r) => r.id)).toEqual(
          Array.from({ length: LAST }, (_, i) => i + 1),
        );
        const names = (
          await db.query<{ name: string }>('select name from users where organisation_id = $1 order by created_at', [org])
        ).map((r) => r.name);
        // Step 11 made display names unique within an organisation.
        expect(names).toEqual(['Claire Exemple', 'Inès Martin', 'Inès Martin (2)']);
        expect(await db.query('select 1 from sessions where user_id = $1', [claire])).toHaveLength(1);
        if (step < 2) return;
        const fields = Object.fromEntries(
          (
            await db.query<{ field: string; value: unknown }>(
              'select f.field, f.value from fields f join records r using (rid) where r.record_id = $1',
              [menage],
            )
          ).map((r) => [r.field, r.value]),
        );
        expect(fields).toMatchObject({ nom: 'Famille Diallo', referent: 'claire exemple' });
        // Step 16 filled the read side with each record's current values, if it had not run yet.
        if (step < 16) expect(await db.query('select doc from record_values where record_id = $1', [menage])).toEqual([{ doc: fields }]);
        // Step 10 turned a name that designates one user into her id, if it had not run yet.
        if (step < 10) expect(fields.referentId).toBe(claire);
        // Step 8 (or 10 after it) counted the organisation's stored bytes.
        if (step < 10) expect(await db.query('select field_bytes from organisation_usage where org_id = $1', [org])).toHaveLength(1);
      } finally {
        await close();
      }
    });
  });
}
