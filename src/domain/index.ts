export * from './commun/index.ts';
export * from './menage/index.ts';
export * from './entretien/index.ts';
export * from './parametres/index.ts';
export * from './demo/index.ts';
