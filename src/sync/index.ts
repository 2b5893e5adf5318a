export * from './hlc.ts';
export * from './change.ts';
export * from './tables.ts';
export * from './json.ts';
export * from './validation.ts';
export * from './merge.ts';
export * from './protocol.ts';
export * from './instantane.ts';
