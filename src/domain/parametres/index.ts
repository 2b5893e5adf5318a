export * from './parametres.ts';
