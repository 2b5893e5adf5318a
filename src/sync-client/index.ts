export { MoteurSync } from './moteur.ts';
export type { EtatSync } from './moteur.ts';
export { ApiSync, ErreurSync, apiDeLAppareil, messageDeConnexion } from './api.ts';
export { EffacementDemande } from './api.ts';
