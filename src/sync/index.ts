export * from './hlc.ts';
export * from './change.ts';
export * from './tables.ts';
