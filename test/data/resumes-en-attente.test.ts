import { nouvelleBase } from './base.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differerResumes, menagesEnAttente } from '../../src/data/synchro.ts';

// The households whose summaries wait for the end of a pull (docs/sync.md): each page adds its
// own to the list kept in `meta`, which the pass after the pull reads in the order of their ids.

describe('the households waiting for their summaries', () => {
  it('are every household of every page, each once, in the order of their ids', async () => {
    const db = nouvelleBase();
    const id = fc.integer({ min: 0, max: 400 }).map((n) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(id, { maxLength: 60 }), { maxLength: 8 }), async (pages) => {
        await db.meta.clear();
        for (const page of pages) await db.transaction('rw', db.meta, () => differerResumes(db, new Set(page), ['menages']));
        const attendus = [...new Set(pages.flat())].sort();
        const enAttente = ((await db.meta.get('resumesEnAttente'))?.value as { menages: string[] } | undefined)?.menages ?? [];
        expect(enAttente).toEqual(attendus);
        expect([...(await menagesEnAttente(db))].sort()).toEqual(attendus);
      }),
      { numRuns: 60 },
    );
  });
});
