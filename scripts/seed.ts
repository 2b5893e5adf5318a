import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { genererDemo, jourIso, offrePartageeSchema } from '../src/domain/index.ts';
import {
  attachOrganisation,
  createOrganisation,
  createTerritory,
  createUser,
  findUserByEmail,
  usersOfOrganisation,
} from '../src/server/accounts/accounts.ts';
import type { Database } from '../src/server/db/database.ts';
import { openStorage } from '../src/server/db/open.ts';
import { applyChanges } from '../src/server/replication/push.ts';
import { creationChanges } from '../src/server/testing.ts';
import { initialHlc } from '../src/sync/index.ts';
import type { Change, SyncedTable } from '../src/sync/index.ts';

// `npm run seed`: one clearly fictitious résidence of 40 households on the server, pushed as a
// device would push it, so that every tablet of the organisation receives it at its next sync;
// and a fictitious territory around that organisation (its MOUS): three landlords, a relocation
// platform, the métropole and the State, each with an account (listed in the README), and three
// dwellings the first landlord pools.

const TERRITOIRE = 'Métropole fictive de Val-Clair';
const PARTENAIRES = [
  {
    org: 'Habitat Val-Clair',
    kind: 'bailleur',
    email: 'bailleur1@relogement.invalid',
    role: 'partenaire',
    name: 'Gestionnaire Habitat Val-Clair',
  },
  {
    org: 'Logis du Levant',
    kind: 'bailleur',
    email: 'bailleur2@relogement.invalid',
    role: 'partenaire',
    name: 'Gestionnaire Logis du Levant',
  },
  {
    org: 'Foyer des Calanques',
    kind: 'bailleur',
    email: 'bailleur3@relogement.invalid',
    role: 'partenaire',
    name: 'Gestionnaire Foyer des Calanques',
  },
  {
    org: 'Plateforme relogement Val-Clair',
    kind: 'plateforme',
    email: 'plateforme@relogement.invalid',
    role: 'encadrant',
    name: 'Chargée de plateforme',
  },
  {
    org: 'Métropole de Val-Clair',
    kind: 'metropole',
    email: 'metropole@relogement.invalid',
    role: 'partenaire',
    name: 'Service habitat de la Métropole',
  },
  { org: 'DDTM de Val-Clair', kind: 'etat', email: 'etat@relogement.invalid', role: 'partenaire', name: 'DDTM, bureau du logement' },
] as const;

/** The territory, its organisations and their accounts, made once; returns the new accounts' passwords. */
async function territoire(db: Database, mous: string): Promise<string[]> {
  const [existing] = await db.query('select 1 from territories where name = $1', [TERRITOIRE]);
  if (!existing) await createTerritory(db, TERRITOIRE, 'metropole');
  await db.query(`update organisations set kind = 'mous' where name = $1 and kind is null`, [mous]);
  await attachOrganisation(db, mous, TERRITOIRE);
  const created: string[] = [];
  for (const p of PARTENAIRES) {
    const [org] = await db.query('select 1 from organisations where name = $1', [p.org]);
    if (!org) await createOrganisation(db, p.org, p.kind, TERRITOIRE);
    if (await findUserByEmail(db, p.email)) continue;
    const password = randomBytes(9).toString('base64url');
    await createUser(db, { organisation: p.org, email: p.email, password, role: p.role, name: p.name });
    created.push(`${p.email} / ${password} (${p.role}, ${p.org})`);
  }
  return created;
}

/** Three dwellings the first landlord puts at the relocation's disposal (annex 5 sheet), pushed as its tablet would. */
async function offresMutualisees(db: Database, aujourdhui: string): Promise<void> {
  const bailleur = await findUserByEmail(db, PARTENAIRES[0].email);
  if (!bailleur) return;
  const [deja] = await db.query(`select 1 from records where tbl = 'offresPartagees' and org_id = $1 limit 1`, [bailleur.organisation.id]);
  if (deja) return;
  const logements = [
    { typologie: 'T3', surface: 67, loyer: 402, charges: 118, adresse: '14 allée des Micocouliers', datePremiereLocation: '2023-09-01' },
    { typologie: 'T4', surface: 81, loyer: 468, charges: 131, adresse: '3 rue du Vieux-Puits', dateRehabilitation: '2022-05-16' },
    { typologie: 'T2', surface: 46, loyer: 298, charges: 84, adresse: '27 traverse des Lauriers', datePremiereLocation: '1978-10-01' },
  ];
  let clock = initialHlc(randomBytes(8).toString('hex'));
  const changes: Change[] = [];
  for (const l of logements) {
    const offre = offrePartageeSchema.parse({
      id: randomUUID(),
      bailleur: PARTENAIRES[0].org,
      commune: 'Val-Clair (fictive)',
      dateMiseADisposition: aujourdhui,
      ...l,
    });
    const faites = creationChanges('offresPartagees', offre, clock, Date.now());
    clock = faites.clock;
    changes.push(...faites.changes);
  }
  await applyChanges(db, bailleur, 'seed', changes, Date.now());
}

const { values } = parseArgs({
  options: {
    org: { type: 'string', default: 'Organisation de démonstration' },
    email: { type: 'string', default: 'demo@relogement.invalid' },
    menages: { type: 'string', default: '40' },
  },
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
    if (!org) await createOrganisation(db, values.org, 'mous');
    motDePasse = randomBytes(9).toString('base64url');
    compte = await createUser(db, {
      organisation: values.org,
      email: values.email,
      password: motDePasse,
      role: 'encadrant',
      name: 'Compte de démonstration',
    });
  }
  // The households are followed by the organisation's chargés, by id, as an encadrant would set them.
  const equipe = (await usersOfOrganisation(db, compte.organisation.id))
    .filter((u) => u.role === 'chargé')
    .map((u) => ({ id: u.id, nom: u.name }));
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
  const comptes = await territoire(db, compte.organisation.name);
  await offresMutualisees(db, jourIso(new Date()));
  console.log(
    `Territoire « ${TERRITOIRE} » : trois bailleurs, la MOUS « ${compte.organisation.name} », une plateforme, la métropole et l’État.`,
  );
  for (const c of comptes) console.log(`Compte : ${c}`);
} finally {
  await storage.close();
}
