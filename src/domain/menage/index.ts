export * from './operation.ts';
export * from './statut.ts';
export * from './consentement.ts';
export * from './menage.ts';
export * from './personne.ts';
export * from './verification.ts';
export * from './alertes.ts';
export * from './occupants-a-reloger.ts';
