import type { VersionSchema } from './version.ts';

// Offers, barèmes and settings of the territory; per household: saved simulations, follow-up
// after the move, orientation and proposals.
export const v4: VersionSchema = {
  numero: 4,
  stores: {
    offres: 'id',
    baremes: 'id',
    simulations: 'id, menageId',
    visites: 'id, menageId',
    enquetes: 'id, menageId',
    orientations: 'id, menageId',
    propositions: 'id, menageId',
    mediations: 'id, menageId',
  },
};
