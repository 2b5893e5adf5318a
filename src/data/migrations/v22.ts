import type { VersionSchema } from './version.ts';

// Each household's interviews in its own row too (ligne-menage.ts), found by id through the map of
// version 20, in a field of its own. No store changes: the version tells an older app not to open
// a database whose interviews it would not find. Nothing moves while upgrading (the rows are
// sealed and the key is not there): the interviews stored before move into their households in
// the background after the unlock, and reads see both places until then.
export const v22: VersionSchema = { numero: 22, stores: {} };
