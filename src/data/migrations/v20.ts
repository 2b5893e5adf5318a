import type { VersionSchema } from './version.ts';

// Each household's occupants in its own row (ligne-menage.ts), found by id through a map in 64 rows
// of ids in clear. Nothing moves while upgrading (the rows are sealed and the key is not there):
// the occupants stored before move into their households in the background after the unlock, and
// reads see both places until then.
export const v20: VersionSchema = { numero: 20, stores: { occupantsMenages: 'id' } };
