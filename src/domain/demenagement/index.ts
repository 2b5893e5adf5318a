export * from './demenagement.ts';
export * from './caution.ts';
export * from './remboursement.ts';
export * from './verification.ts';
