export * from './reglages.ts';
export * from './etat.ts';
export * from './avant-relogement.ts';
export * from './pieces.ts';
export * from './classement.ts';
export * from './agenda.ts';
export * from './alertes.ts';
export * from './plateforme.ts';
