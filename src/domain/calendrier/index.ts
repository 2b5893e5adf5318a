export * from './jours.ts';
export * from './instant.ts';
export * from './jours-feries.ts';
export * from './jours-ouvres.ts';
export * from './delai.ts';
