export * from './changement.ts';
export * from './a-refaire.ts';
