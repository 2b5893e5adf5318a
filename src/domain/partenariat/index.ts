export * from './offre-partagee.ts';
export * from './positionnement.ts';
export * from './cycle.ts';
export * from './ordre.ts';
export * from './fiche.ts';
