import { nouvelleBase } from './base.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differerResumes, menagesEnAttente } from '../../src/data/synchro.ts';
import { paquetDe } from '../../src/data/paquets-resumes.ts';

// The households whose summaries wait for the end of a pull (docs/sync.md): each pulled page adds
// its own to the list kept in `meta`, which the pass after the pull reads in the order of their
// ids; a snapshot page lists its households by their rows of summaries.

describe('the households waiting for their summaries', () => {
  const id = fc.integer({ min: 0, max: 400 }).map((n) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`);
  const tous = Array.from({ length: 401 }, (_, n) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`);

  it('are every household of every pulled page, each once, in the order of their ids', async () => {
    const db = nouvelleBase();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(id, { maxLength: 60 }), { maxLength: 8 }), async (pages) => {
        await db.meta.clear();
        for (const page of pages) await db.transaction('rw', db.meta, () => differerResumes(db, new Set(page), ['menages']));
        const attendus = [...new Set(pages.flat())].sort();
        const enAttente = ((await db.meta.get('resumesEnAttente'))?.value as { menages: string[] } | undefined)?.menages ?? [];
        expect(enAttente).toEqual(attendus);
        const lus = await menagesEnAttente(db);
        expect(tous.filter((m) => lus.has(m))).toEqual(attendus);
        expect(lus.aucun).toBe(attendus.length === 0);
      }),
      { numRuns: 60 },
    );
  });

  it('are, after snapshot pages and pulled pages, every household of either, and those sharing a row of summaries with a snapshot’s', async () => {
    const db = nouvelleBase();
    const page = fc.record({ instantane: fc.boolean(), menages: fc.uniqueArray(id, { maxLength: 30 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { maxLength: 8 }), async (pages) => {
        await db.meta.clear();
        for (const p of pages) await db.transaction('rw', db.meta, () => differerResumes(db, new Set(p.menages), ['menages'], { parPaquets: p.instantane }));
        const recus = new Set(pages.flatMap((p) => p.menages));
        const paquets = new Set(pages.flatMap((p) => (p.instantane ? p.menages.map(paquetDe) : [])));
        const lus = await menagesEnAttente(db);
        expect(tous.filter((m) => lus.has(m))).toEqual(tous.filter((m) => recus.has(m) || paquets.has(paquetDe(m))));
        expect(lus.aucun).toBe(recus.size === 0);
      }),
      { numRuns: 60 },
    );
  });
});
