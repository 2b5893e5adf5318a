import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { genererDemo, jourIso } from '../src/domain/index.ts';
import { createOrganisation, createUser, findUserByEmail, usersOfOrganisation } from '../src/server/accounts/accounts.ts';
import { openStorage } from '../src/server/db/open.ts';
import { applyChanges } from '../src/server/replication/push.ts';
import { creationChanges } from '../src/server/testing.ts';
import { initialHlc } from '../src/sync/index.ts';
import type { Change, SyncedTable } from '../src/sync/index.ts';

// `npm run seed`: one clearly fictitious résidence of 40 households on the server, pushed as a
// device would push it, so that every tablet of the organisation receives it at its next sync.

const { values } = parseArgs({
  options: { org: { type: 'string', default: 'Organisation de démonstration' }, email: { type: 'string', default: 'demo@relogement.invalid' }, menages: { type: 'string', default: '40' } },
});
const nombre = Number(values.menages);
if (!Number.isInteger(nombre) || nombre < 1 || nombre > 10_000) {
  console.error('--menages attend un nombre entier entre 1 et 10 000.');
  process.exit(1);
}

const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' }, 'la commande seed');
try {
  const { db } = storage;
  let compte = await findUserByEmail(db, values.email);
  let motDePasse: string | null = null;
  if (!compte) {
    const [org] = await db.query('select 1 from organisations where name = $1', [values.org]);
    if (!org) await createOrganisation(db, values.org);
    motDePasse = randomBytes(9).toString('base64url');
    compte = await createUser(db, { organisation: values.org, email: values.email, password: motDePasse, role: 'encadrant', name: 'Compte de démonstration' });
  }
  // The households are followed by the organisation's chargés, by id, as an encadrant would set them.
  const equipe = (await usersOfOrganisation(db, compte.organisation.id)).filter((u) => u.role === 'chargé').map((u) => ({ id: u.id, nom: u.name }));
  const demo = genererDemo({ nombre, graine: Date.now() % 100_000, aujourdhui: jourIso(new Date()), nouvelId: randomUUID, equipe });
  let clock = initialHlc(randomBytes(8).toString('hex'));
  const changes: Change[] = [];
  const ajouter = (table: SyncedTable, records: readonly object[]) => {
    for (const record of records) {
      const faites = creationChanges(table, record as Record<string, unknown>, clock, Date.now());
      clock = faites.clock;
      changes.push(...faites.changes);
    }
  };
  ajouter('operations', [demo.operation]);
  ajouter('residences', [demo.residence]);
  ajouter('menages', demo.menages);
  ajouter('personnes', demo.personnes);
  ajouter('entretiens', demo.entretiens);
  await applyChanges(db, compte, 'seed', changes, Date.now());
  console.log(`« ${demo.residence.nom} » créée avec ${demo.menages.length} ménages fictifs dans « ${compte.organisation.name} ».`);
  if (motDePasse) console.log(`Compte de démonstration : ${compte.email} / ${motDePasse} (encadrant).`);
} finally {
  await storage.close();
}
