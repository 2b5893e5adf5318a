export * from './reglages-territoire.ts';
