import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { menageSchema } from '../../src/domain/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { applyStep, migrate } from '../../src/server/db/migrations.ts';
import { backfillSnapshotRecords } from '../../src/server/replication/snapshot-records.ts';
import { createTestAccount, createTestResidence } from '../../src/server/testing.ts';
import { sync } from './api.ts';
import { ModelClient } from './client-model.ts';
import { backends, useDatabase } from './harness.ts';

// The households of a server from before the followers' ids (migration 7): the names their
// référent and binôme fields hold become user ids where they name exactly one user of the
// organisation, and display names become unique within an organisation.

const BEFORE_IDS = 9;

for (const backend of backends()) {
  describe(`followers' names turned into ids (${backend.name})`, () => {
    const storage = useDatabase(backend, BEFORE_IDS);

    it('writes the ids of the names that match one user, pulled by the chargées’ devices, and makes names unique', async () => {
      const db = storage.db;
      // Today's code plays the older server: the later steps it needs that leave followers alone
      // (data protection, territories, the read side, pooled fields’ territory, proposal facts, report rows, facts as texts,
      // snapshot fields, snapshot records) are applied ahead,
      // and recorded so that `migrate` skips them.
      for (const step of [12, 13, 16, 17, 19, 20, 21, 22, 23]) await applyStep(db, step);
      const org = `Bailleur ${randomUUID().slice(0, 8)}`;
      const encadrant = await createTestAccount(db, { organisation: org, role: 'encadrant', name: 'Nadia Encadrante' });
      const claire = await createTestAccount(db, { organisation: org, role: 'chargé', name: 'Claire Exemple' });
      const samir = await createTestAccount(db, {
        organisation: org,
        role: 'chargé',
        name: 'Samir Exemple',
        email: `samir.${randomUUID()}@exemple.fr`,
      });
      const other = await createTestAccount(db, { organisation: `MOUS ${randomUUID().slice(0, 8)}`, role: 'chargé', name: 'Inès Martin' });
      // Three homonyms, as an older server allowed, and a name the suffix would give.
      const homonyms = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      for (const [i, id] of homonyms.entries()) {
        await db.query(
          `insert into users (id, organisation_id, email, name, role, password_hash, created_at) values ($1, $2, $3, $4, 'chargé', 'x', now() + $5 * interval '1 second')`,
          [id, encadrant.profile.organisation.id, `${id}@test.invalid`, i === 0 ? 'Inès Martin (2)' : 'Inès Martin', i],
        );
      }
      const residenceId = await createTestResidence(db, encadrant.profile);
      const device = new ModelClient(encadrant.token, Date.now);
      const household = (referent: string, binome: string) => {
        const id = randomUUID();
        device.create('menages', menageSchema.parse({ id, residenceId, nom: 'Famille Diallo', creeLe: '2025-03-01', referent, binome }));
        return id;
      };
      const byName = household('  claire EXEMPLE ', samir.profile.email.toUpperCase());
      const unknown = household('Claire', '');
      const ambiguous = household('Inès Martin', 'Samir Exemple');
      const app = await buildApp({ db });
      await sync(device, app);
      const claireDevice = new ModelClient(claire.token, Date.now);
      await sync(claireDevice, app);
      expect(claireDevice.record('menages', byName)).toBeUndefined();

      // As the server's start: the steps, then the snapshot records named by step 23 kept again from the fields step 10 wrote.
      await migrate(db);
      await backfillSnapshotRecords(db);

      // Claire's device, already synced, pulls the household she now follows, whole.
      await sync(claireDevice, app);
      expect(claireDevice.record('menages', byName)).toMatchObject({
        nom: 'Famille Diallo',
        referentId: claire.profile.id,
        binomeId: samir.profile.id,
      });
      const samirDevice = new ModelClient(samir.token, Date.now);
      await sync(samirDevice, app);
      expect(samirDevice.record('menages', ambiguous)).toMatchObject({ binomeId: samir.profile.id });
      expect(samirDevice.record('menages', ambiguous)?.referentId).toBeNull();
      await sync(device, app);
      expect(device.record('menages', unknown)).toMatchObject({ referent: 'Claire' });
      expect(device.record('menages', unknown)?.referentId).toBeNull();
      const otherDevice = new ModelClient(other.token, Date.now);
      await sync(otherDevice, app);
      expect(otherDevice.record('menages', ambiguous)).toBeUndefined();

      // The homonyms: the elder keeps the name, the others get a suffix, unique too.
      const names = await db.query<{ name: string }>('select name from users where id = any($1::uuid[]) order by created_at', [homonyms]);
      expect(names.map((n) => n.name)).toEqual([
        'Inès Martin (2)',
        'Inès Martin',
        `Inès Martin (2) ${homonyms[2]?.slice(0, 8)}`,
        'Inès Martin (3)',
      ]);
      await expect(
        createUser(db, {
          organisation: org,
          email: `${randomUUID()}@test.invalid`,
          password: 'un mot de passe long',
          role: 'chargé',
          name: ' inès martin ',
        }),
      ).rejects.toThrow('Le nom « inès martin » est déjà celui d’un compte de l’organisation');
      // The same name in another organisation is fine.
      await expect(
        createUser(db, {
          organisation: other.profile.organisation.name,
          email: `${randomUUID()}@test.invalid`,
          password: 'un mot de passe long',
          role: 'chargé',
          name: 'Claire Exemple',
        }),
      ).resolves.toMatchObject({ name: 'Claire Exemple' });
    });
  });
}
