import type { VersionSchema } from './version.ts';

// The fields of the offers the steering figures read, in 16 rows kept by a middleware with every
// write of an offer (paquet-offres.ts), in clear as the offers are: « Pilotage » reads them
// instead of every offer. Created empty: the first read finds them missing, reads the offers and
// builds them in the background (the first write of an offer builds them too).
export const v21: VersionSchema = { numero: 21, stores: { offresPilotage: 'id' } };
