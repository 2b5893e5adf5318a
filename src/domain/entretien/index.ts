export * from './grille.ts';
export * from './entretien.ts';
export * from './ressources.ts';
export * from './verification.ts';
export * from './suivi.ts';
