// A household's simulation as the screens build it: from its interview, occupants and an offer.
export * from './saisie.ts';
export * from './depuis-entretien.ts';
export * from './apl-apres.ts';
