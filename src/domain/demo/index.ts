export * from './generateur.ts';
