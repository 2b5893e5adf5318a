import { parseArgs } from 'node:util';
import {
  attachOrganisation,
  createOrganisation,
  createTerritory,
  createUser,
  disableUser,
  enableUser,
  findUserByEmail,
  listUsers,
  resetPassword,
  setPriorityOperations,
} from './accounts/accounts.ts';
import { revokeUserSessions } from './accounts/sessions.ts';
import type { Database } from './db/database.ts';
import { DataDirLockedError } from './db/lock.ts';
import { openStorage } from './db/open.ts';
import { HttpError } from './http-error.ts';
import { readNewPassword } from './password-input.ts';
import { accessLogOf, expiredAccessEntries } from './protection/access-log.ts';
import { eraseHouseholds } from './protection/erasure.ts';
import { runPurges } from './protection/housekeeping.ts';
import { expiredHouseholds } from './protection/retention.ts';

// `npm run -s admin -- <command>`: accounts, purges and the access log, on the same database as the server (DATABASE_URL,
// or PGlite in DATA_DIR, which must not be open in a running server at the same time).

const USAGE = `Commandes :
  create-territory <nom> --type metropole|programme
  create-org <nom> [--type bailleur|mous|ville|metropole|etat|action_logement|plateforme] [--territory <nom>]
  attach-org --org <nom> --territory <nom>
  set-priority-operations --territory <nom> [--operation <nom de l’opération>]...   (liste du comité de pilotage ; sans --operation : vide)
  create-user --org <nom> --email <adresse> --role <chargé|encadrant|administrateur|partenaire> [--name <nom affiché>]
    (le mot de passe est demandé sans s’afficher, ou lu sur l’entrée standard)
  revoke-sessions --email <adresse>
  list-users [--org <nom>]
  disable-user --email <adresse>     (ses sessions sont fermées aussitôt)
  enable-user --email <adresse>
  reset-password --email <adresse>   (nouveau mot de passe demandé comme à la création ; sessions fermées)
  set-retention --org <nom> --months <mois>   (conservation après la fin du suivi, 24 par défaut)
  purge [--run]                      (sans --run : aperçu de ce que la purge effacerait)
  journal --org <nom> [--menage <id>] [--email <adresse>] [--limit <n>]
  erase-menage --id <identifiant du ménage>`;

// Still recognised, to say why it is refused rather than "unknown option".
const PASSWORD_ARGUMENT =
  'L’option --password n’est plus acceptée : le mot de passe resterait dans l’historique du terminal et la liste des processus. Il est demandé à la saisie, ou lu sur l’entrée standard.';

type Command = (db: Database, args: string[]) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  'create-territory': async (db, args) => {
    const { values, positionals } = parseArgs({ args, options: { type: { type: 'string' } }, allowPositionals: true });
    if (!values.type) throw new HttpError(400, `Option --type manquante.\n${USAGE}`);
    const territory = await createTerritory(db, positionals.join(' '), values.type);
    return `Territoire « ${territory.name} » créé.`;
  },
  'create-org': async (db, args) => {
    const { values, positionals } = parseArgs({
      args,
      options: { type: { type: 'string' }, territory: { type: 'string' } },
      allowPositionals: true,
    });
    const name = positionals.join(' ');
    const org = await createOrganisation(db, name, values.type ?? null, values.territory ?? null);
    return `Organisation « ${org.name} » créée${values.territory ? ` dans le territoire « ${values.territory.trim()} »` : ''}.`;
  },
  'attach-org': async (db, args) => {
    const { values } = parseArgs({ args, options: { org: { type: 'string' }, territory: { type: 'string' } } });
    if (!values.org || !values.territory) throw new HttpError(400, `Options manquantes.\n${USAGE}`);
    const done = await attachOrganisation(db, values.org, values.territory);
    return `Organisation « ${done.organisation} » rattachée au territoire « ${done.territory} ».`;
  },
  'set-priority-operations': async (db, args) => {
    const { values } = parseArgs({ args, options: { territory: { type: 'string' }, operation: { type: 'string', multiple: true } } });
    if (!values.territory) throw new HttpError(400, `Option --territory manquante.\n${USAGE}`);
    const done = await setPriorityOperations(db, values.territory, values.operation ?? []);
    return done.operations.length === 0
      ? `Aucune opération prioritaire pour le territoire « ${done.territory} ».`
      : `Opérations prioritaires du territoire « ${done.territory} » : ${done.operations.join(', ')}.`;
  },
  'create-user': async (db, args) => {
    const { values } = parseArgs({
      args,
      options: {
        org: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
      },
    });
    if (values.password !== undefined) throw new HttpError(400, PASSWORD_ARGUMENT);
    if (!values.org || !values.email || !values.role) throw new HttpError(400, `Options manquantes.\n${USAGE}`);
    const password = await readNewPassword();
    const user = await createUser(db, {
      organisation: values.org,
      email: values.email,
      password,
      role: values.role,
      ...(values.name ? { name: values.name } : {}),
    });
    return `Compte ${user.email} (${user.role}) créé dans « ${user.organisation.name} ».`;
  },
  'revoke-sessions': async (db, args) => {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    const user = values.email ? await findUserByEmail(db, values.email) : null;
    if (!user) throw new HttpError(404, 'Compte introuvable.');
    return `${await revokeUserSessions(db, user.id)} session(s) fermée(s) pour ${user.email}.`;
  },
  'list-users': async (db, args) => {
    const { values } = parseArgs({ args, options: { org: { type: 'string' } } });
    const users = await listUsers(db, values.org ?? null);
    if (users.length === 0) return 'Aucun compte.';
    return users
      .map(
        (u) =>
          `${u.organisation}\t${u.email}\t${u.name}\t${u.role}\t${u.disabled ? 'désactivé' : 'actif'}\t${u.lastLogin ? `dernière connexion ${dateTime(u.lastLogin)}` : 'jamais connecté'}`,
      )
      .join('\n');
  },
  'disable-user': async (db, args) => {
    const user = await userNamed(db, args);
    const changed = await disableUser(db, user.id);
    return changed
      ? `Compte ${user.email} désactivé ; ses sessions sont fermées.`
      : `Le compte ${user.email} était déjà désactivé ; ses sessions sont fermées.`;
  },
  'enable-user': async (db, args) => {
    const user = await userNamed(db, args);
    await enableUser(db, user.id);
    return `Compte ${user.email} réactivé.`;
  },
  'reset-password': async (db, args) => {
    const user = await userNamed(db, args);
    await resetPassword(db, user, await readNewPassword());
    return `Mot de passe de ${user.email} changé ; ses sessions sont fermées.`;
  },
  'set-retention': async (db, args) => {
    const { values } = parseArgs({ args, options: { org: { type: 'string' }, months: { type: 'string' } } });
    const months = Number(values.months);
    if (!values.org || !Number.isInteger(months) || months < 1 || months > 120)
      throw new HttpError(400, `Options manquantes ou durée hors de 1 à 120 mois.\n${USAGE}`);
    const rows = await db.query('update organisations set retention_months = $2 where name = $1 returning 1', [values.org.trim(), months]);
    if (rows.length === 0) throw new HttpError(404, `Organisation « ${values.org} » introuvable.`);
    return `« ${values.org.trim()} » : les ménages dont le suivi est terminé sont purgés ${months} mois après le dernier contact.`;
  },
  purge: async (db, args) => {
    const { values } = parseArgs({ args, options: { run: { type: 'boolean' } } });
    if (values.run) {
      const done = await runPurges(db);
      return `Purge faite : ${done.households} ménage(s) effacé(s), ${done.accessLogEntries} entrée(s) du journal des accès et ${done.sessions} session(s) de plus d’un an supprimées.`;
    }
    const households = await expiredHouseholds(db);
    const entries = await expiredAccessEntries(db);
    const lines = households.map((h) => `${h.organisation}\t${h.menageId}\t${h.statut}\tdernier contact ${dateTime(h.lastContact)}`);
    return [
      `Aperçu (rien n’est effacé ; relancez avec --run) : ${households.length} ménage(s) à purger, ${entries} entrée(s) du journal des accès de plus de 12 mois.`,
      ...lines,
    ].join('\n');
  },
  journal: async (db, args) => {
    const { values } = parseArgs({
      args,
      options: { org: { type: 'string' }, menage: { type: 'string' }, email: { type: 'string' }, limit: { type: 'string' } },
    });
    const [org] = values.org ? await db.query<{ id: string }>('select id from organisations where name = $1', [values.org.trim()]) : [];
    if (!org) throw new HttpError(404, `Organisation introuvable.\n${USAGE}`);
    const user = values.email ? await findUserByEmail(db, values.email) : null;
    if (values.email && !user) throw new HttpError(404, 'Compte introuvable.');
    const { entries } = await accessLogOf(db, org.id, {
      menageId: values.menage,
      userId: user?.id,
      limit: values.limit ? Number(values.limit) : 1000,
    });
    if (entries.length === 0) return 'Aucun accès enregistré.';
    return entries.map((e) => `${dateTime(e.at)}\t${e.user.name}\t${e.deviceId ?? '-'}\t${e.menageId}\t${e.action}`).join('\n');
  },
  'erase-menage': async (db, args) => {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } } });
    const [household] = values.id
      ? await db.query<{ org_id: string }>('select org_id from records where tbl = $1 and record_id = $2', ['menages', values.id])
      : [];
    if (!household) throw new HttpError(404, 'Ménage introuvable.');
    await db.transaction((tx) => eraseHouseholds(tx, household.org_id, [values.id ?? '']));
    return `Ménage ${values.id} effacé : ses données, fichiers et valeurs de conflits sont supprimés ; les tablettes l’oublient à leur prochaine synchronisation.`;
  },
};

const dateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });

async function userNamed(db: Database, args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
  const user = values.email ? await findUserByEmail(db, values.email) : null;
  if (!user) throw new HttpError(404, 'Compte introuvable.');
  return user;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  // The embedded database's files it creates are its account's alone, as the server's are.
  process.umask(0o077);
  const storage = await openStorage(
    { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' },
    'la commande admin',
  );
  try {
    console.log(await command(storage.db, args));
    return 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof HttpError || error instanceof DataDirLockedError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
