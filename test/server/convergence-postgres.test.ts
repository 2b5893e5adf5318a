import { describe, it } from 'vitest';
import { convergenceSuite } from './convergence.ts';
import { backends } from './harness.ts';

// One file per backend, so that the two runs share the machine's cores.
const postgres = backends().filter((b) => b.name === 'postgres');
for (const backend of postgres) convergenceSuite(backend, 500);
// Outside CI without TEST_DATABASE_URL there is no server to run against: say so rather than fail on an empty file.
if (postgres.length === 0)
  describe.skip('convergence on PostgreSQL (TEST_DATABASE_URL unset)', () => it('needs a PostgreSQL server', () => undefined));
