import { convergenceSuite } from './convergence.ts';
import { backends } from './harness.ts';

// One file per backend, so that the two runs share the machine's cores.
for (const backend of backends().filter((b) => b.name === 'postgres')) convergenceSuite(backend, 500);
