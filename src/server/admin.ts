import { parseArgs } from 'node:util';
import { attachOrganisation, createOrganisation, createTerritory, createUser, findUserByEmail } from './accounts/accounts.ts';
import { revokeUserSessions } from './accounts/sessions.ts';
import type { Database } from './db/database.ts';
import { DataDirLockedError } from './db/lock.ts';
import { openStorage } from './db/open.ts';
import { HttpError } from './http-error.ts';
import { readNewPassword } from './password-input.ts';

// `npm run -s admin -- <command>`: accounts, on the same database as the server (DATABASE_URL,
// or PGlite in DATA_DIR, which must not be open in a running server at the same time).

const USAGE = `Commandes :
  create-territory <nom> --type metropole|programme
  create-org <nom> [--type bailleur|mous|ville|metropole|etat|action_logement|plateforme] [--territory <nom>]
  attach-org --org <nom> --territory <nom>
  create-user --org <nom> --email <adresse> --role <chargé|encadrant|administrateur|partenaire> [--name <nom affiché>]
    (le mot de passe est demandé sans s’afficher, ou lu sur l’entrée standard)
  revoke-sessions --email <adresse>`;

// Still recognised, to say why it is refused rather than "unknown option".
const PASSWORD_ARGUMENT = 'L’option --password n’est plus acceptée : le mot de passe resterait dans l’historique du terminal et la liste des processus. Il est demandé à la saisie, ou lu sur l’entrée standard.';

type Command = (db: Database, args: string[]) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  'create-territory': async (db, args) => {
    const { values, positionals } = parseArgs({ args, options: { type: { type: 'string' } }, allowPositionals: true });
    if (!values.type) throw new HttpError(400, `Option --type manquante.\n${USAGE}`);
    const territory = await createTerritory(db, positionals.join(' '), values.type);
    return `Territoire « ${territory.name} » créé.`;
  },
  'create-org': async (db, args) => {
    const { values, positionals } = parseArgs({ args, options: { type: { type: 'string' }, territory: { type: 'string' } }, allowPositionals: true });
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
  'create-user': async (db, args) => {
    const { values } = parseArgs({
      args,
      options: { org: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    });
    if (values.password !== undefined) throw new HttpError(400, PASSWORD_ARGUMENT);
    if (!values.org || !values.email || !values.role) throw new HttpError(400, `Options manquantes.\n${USAGE}`);
    const password = await readNewPassword();
    const user = await createUser(db, { organisation: values.org, email: values.email, password, role: values.role, ...(values.name ? { name: values.name } : {}) });
    return `Compte ${user.email} (${user.role}) créé dans « ${user.organisation.name} ».`;
  },
  'revoke-sessions': async (db, args) => {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    const user = values.email ? await findUserByEmail(db, values.email) : null;
    if (!user) throw new HttpError(404, 'Compte introuvable.');
    return `${await revokeUserSessions(db, user.id)} session(s) fermée(s) pour ${user.email}.`;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  // The embedded database's files it creates are its account's alone, as the server's are.
  process.umask(0o077);
  const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' }, 'la commande admin');
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
    const known = error instanceof HttpError || error instanceof DataDirLockedError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
