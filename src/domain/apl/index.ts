export * from './mois.ts';
export * from './bareme.ts';
export * from './entree.ts';
export * from './estimer.ts';
export * from './ressources.ts';
export * from './calibrage.ts';
export * from './apres-relogement.ts';
