export * from './parametres.ts';
export * from './contact.ts';
