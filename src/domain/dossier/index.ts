export * from './piece.ts';
export * from './reglages.ts';
export * from './validite.ts';
export * from './liste.ts';
export * from './etat.ts';
