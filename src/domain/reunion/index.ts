export * from './reunion.ts';
export * from './reglages.ts';
export * from './decision.ts';
export * from './ordre-du-jour.ts';
