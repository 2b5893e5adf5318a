import type { VersionSchema } from './version.ts';

// The map of the records inside households' rows (versions 20 and 22) takes its changes in a
// journal of rows of its own, folded into its 64 rows now and then (ligne-menage-disposition.ts).
// No store changes and nothing moves: the 64 rows stay as they are, with an empty journal. The
// version closes a tab still running an older app, which would write the 64 rows without the journal.
export const v23: VersionSchema = { numero: 23, stores: {} };
