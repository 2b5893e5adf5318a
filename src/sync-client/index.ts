export { MoteurSync } from './moteur.ts';
export type { EtatSync } from './moteur.ts';
export { ApiSync, ErreurSync } from './api.ts';
export { EffacementDemande } from './api.ts';
