export * from './identifiants.ts';
export * from './saisie.ts';
export * from './proposition-referentiel.ts';
export * from './tel-qu-affiche.ts';
export * from './enumeration.ts';
export * from './code-secret.ts';
