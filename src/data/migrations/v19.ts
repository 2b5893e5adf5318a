import type { VersionSchema } from './version.ts';

// What the steering figures read of each household (its pilotage facts: a few numbers and dates
// per record), in 64 rows of many households each, sealed as one: « Pilotage » opens 64 rows
// instead of every household, proposal and survey. Only the row's number stays in clear. A
// device upgraded from an earlier version builds them in the background after the unlock (the
// key is not there while upgrading).
export const v19: VersionSchema = { numero: 19, stores: { paquetsFaits: 'id' } };
