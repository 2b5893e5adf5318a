import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PULL_LIMIT, MAX_SNAPSHOT_RECORDS, PROTOCOL_VERSION } from '../../src/sync/index.ts';
import { request } from './api.ts';
import { cast } from './fixtures.ts';
import { backends, useDatabase } from './harness.ts';
import '../graine.ts';

// Every value of a sync GET's query is parsed before it is used (docs/sync.md « Droits »): the
// protocol version, the cursors and the page sizes are decimal digits or a 400; an outdated
// version is told to update (426); never a 500, never a value read as some other number. The
// steering report parses its own query the same way (src/server/http/pilotage-routes.ts).

const ROUTES = {
  pull: { path: '/api/v1/sync/pull', cursor: 'since', max: MAX_PULL_LIMIT },
  digest: { path: '/api/v1/sync/digest', cursor: null, max: null },
  snapshot: { path: '/api/v1/sync/snapshot', cursor: 'after', max: MAX_SNAPSHOT_RECORDS },
} as const;

/** Strings a query may carry: random ones, numbers written otherwise, and plain digits. */
const queryValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' 4', '4 ', '4.0', '0x4', '4e0', '+4', '-0', '04', '1e400', '9007199254740993', 'NaN', 'Infinity'),
  fc.stringMatching(/^\d{1,6}$/),
);
const digitsOnly = (s: string) => /^\d{1,15}$/.test(s);

for (const backend of backends()) {
  describe(`sync GET query values (${backend.name})`, () => {
    const storage = useDatabase(backend);

    it('reads the protocol version only as digits: the current one served, an older one told to update, anything else a 400', async () => {
      const c = await cast(storage.db);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.values(ROUTES)), queryValue, async (route, version) => {
          const { status, body } = await request(
            c.app,
            c.claire.token,
            'GET',
            `${route.path}?protocolVersion=${encodeURIComponent(version)}`,
          );
          const expected = !digitsOnly(version)
            ? 400
            : Number(version) === PROTOCOL_VERSION
              ? 200
              : Number(version) < PROTOCOL_VERSION
                ? 426
                : 400;
          expect(status, `${route.path} « ${version} »: ${JSON.stringify(body)}`).toBe(expected);
        }),
        { numRuns: 60 },
      );
    }, 120_000);

    it('reads cursors and page sizes only as digits within their bounds', async () => {
      const c = await cast(storage.db);
      const paged = [ROUTES.pull, ROUTES.snapshot];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paged), queryValue, queryValue, async (route, cursor, limit) => {
          const url = `${route.path}?protocolVersion=${PROTOCOL_VERSION}&${route.cursor}=${encodeURIComponent(cursor)}&limit=${encodeURIComponent(limit)}`;
          const { status, body } = await request(c.app, c.claire.token, 'GET', url);
          const valid = digitsOnly(cursor) && digitsOnly(limit) && Number(limit) >= 1 && Number(limit) <= route.max;
          // A pull from beyond the server's sequence is told to start again from 0 (409).
          expect(valid ? [200, 409] : [400], `${url}: ${JSON.stringify(body)}`).toContain(status);
          if (status === 409) expect(route.cursor === 'since' && Number(cursor) > 0).toBe(true);
        }),
        { numRuns: 60 },
      );
    }, 120_000);

    it('answers the steering report’s query with the report or a French 400, never a 500, whatever its values', async () => {
      const c = await cast(storage.db);
      const jour = fc.integer({ min: 0, max: 3_000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
      const valeur = fc.oneof(jour, queryValue, fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-1'));
      const filtre = fc.option(fc.oneof(queryValue, fc.constantFrom('T3', 'oui', 'non', 'PLAI')), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(valeur, valeur, filtre, filtre, filtre, async (debut, fin, qpv, typologie, operationId) => {
          const query = new URLSearchParams({ debut, fin });
          for (const [cle, v] of Object.entries({ qpv, typologie, operationId })) if (v !== undefined) query.set(cle, v);
          const { status, body } = await request(c.app, c.encadrant.token, 'GET', `/api/v1/pilotage?${query.toString()}`);
          expect([200, 400], `${query.toString()}: ${JSON.stringify(body)}`).toContain(status);
          if (status === 200) expect(/^\d{4}-\d{2}-\d{2}$/.test(debut) && /^\d{4}-\d{2}-\d{2}$/.test(fin) && debut <= fin).toBe(true);
          else expect(typeof (body as { error?: unknown }).error).toBe('string');
        }),
        { numRuns: 40 },
      );
    }, 120_000);
  });
}
