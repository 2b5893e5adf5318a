import type { VersionSchema } from './version.ts';

// The yearly review's typed figures (landlords' objectives, réservataires' flux commitments,
// landlords' total lettings), one record per year.
export const v17: VersionSchema = { numero: 17, stores: { bilansAnnuels: 'id, annee' } };
