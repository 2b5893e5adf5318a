export * from './texte.ts';
export * from './fuseau.ts';
export * from './calendrier.ts';
export * from './agenda.ts';
