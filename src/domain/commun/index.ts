export * from './identifiants.ts';
export * from './saisie.ts';
