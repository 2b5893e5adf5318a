import fc from 'fast-check';

// Property tests draw a fresh seed on each run, and fast-check prints it with any failure;
// `FC_SEED=<seed> npm test` replays that run.
const graine = process.env.FC_SEED;
if (graine !== undefined && graine !== '') fc.configureGlobal({ seed: Number(graine) });
