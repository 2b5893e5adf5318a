import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, judgeChange, mergePulledField } from '../../src/sync/index.ts';
import type { LocalFieldMeta, PulledField, StoredField } from '../../src/sync/index.ts';

const hlc = (millis: number, counter = 0, node = '0123456789abcdef') => formatHlc({ millis, counter, node });
const stored = (over: Partial<StoredField> = {}): StoredField => ({ value: 'ancien', hlc: hlc(1_000), seq: 10, author: 'claire', ...over });

describe('judgeChange (server side)', () => {
  it('keeps the value with the greater clock', () => {
    expect(judgeChange(undefined, { value: 'x', hlc: hlc(5), baseSeq: null, author: 'nadia' })).toEqual({ wins: true, concurrent: false });
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(2_000), baseSeq: 10, author: 'nadia' }).wins).toBe(true);
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(500), baseSeq: 10, author: 'nadia' }).wins).toBe(false);
  });

  it('calls concurrent an edit made over an older version, by someone else, to another value', () => {
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(2_000), baseSeq: 9, author: 'nadia' }).concurrent).toBe(true);
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(500), baseSeq: null, author: 'nadia' })).toEqual({ wins: false, concurrent: true });
  });

  it('lets a real clock replace an impossible one stored by an older server', () => {
    const empoisonne = stored({ hlc: '9999-99-99T99:99:99.999Z-0000-0123456789abcdef' });
    expect(judgeChange(empoisonne, { value: 'x', hlc: hlc(2_000), baseSeq: 10, author: 'nadia' }).wins).toBe(true);
  });

  it('does not call concurrent an edit made after seeing, by the same author, or to the same value', () => {
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(2_000), baseSeq: 10, author: 'nadia' }).concurrent).toBe(false);
    expect(judgeChange(stored(), { value: 'x', hlc: hlc(2_000), baseSeq: 3, author: 'claire' }).concurrent).toBe(false);
    expect(
      judgeChange(stored({ value: { a: 1, b: 2 } }), { value: { b: 2, a: 1 }, hlc: hlc(2_000), baseSeq: 3, author: 'nadia' }).concurrent,
    ).toBe(false);
  });
});

describe('mergePulledField (device side)', () => {
  const pulled = (over: Partial<PulledField> = {}): PulledField => ({
    table: 'menages',
    recordId: 'r1',
    field: 'nom',
    value: 'Martin',
    hlc: hlc(2_000),
    seq: 12,
    ...over,
  });

  it('creates the record from its first pulled field', () => {
    expect(mergePulledField(undefined, undefined, pulled())).toEqual({
      record: { id: 'r1', nom: 'Martin' },
      meta: { hlc: hlc(2_000), seq: 12 },
      applied: true,
    });
  });

  it('keeps a newer local edit on top but remembers the seq it has seen', () => {
    const local: LocalFieldMeta = { hlc: hlc(3_000), seq: 5 };
    expect(mergePulledField({ id: 'r1', nom: 'Diallo' }, local, pulled())).toEqual({
      record: { id: 'r1', nom: 'Diallo' },
      meta: { hlc: hlc(3_000), seq: 12 },
      applied: false,
    });
  });

  it('applies a real value over a field whose local clock is impossible', () => {
    const empoisonne: LocalFieldMeta = { hlc: '9999-99-99T99:99:99.999Z-0000-0123456789abcdef', seq: 5 };
    expect(mergePulledField({ id: 'r1', nom: 'Diallo' }, empoisonne, pulled())).toEqual({
      record: { id: 'r1', nom: 'Martin' },
      meta: { hlc: hlc(2_000), seq: 12 },
      applied: true,
    });
  });

  it('applies one entry of a map and removes it on null', () => {
    const record = { id: 'r1', reponses: { a: { valeur: '1' }, b: { valeur: '2' } } };
    const merged = mergePulledField(record, { hlc: hlc(1), seq: 1 }, pulled({ field: 'reponses.a', value: null }));
    expect(merged.record).toEqual({ id: 'r1', reponses: { b: { valeur: '2' } } });
  });

  it('ends with the value of the greatest clock whatever order the versions arrive in', () => {
    const versions = fc.uniqueArray(fc.record({ millis: fc.integer({ min: 1, max: 10_000 }), value: fc.string({ maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 8,
      selector: (v) => v.millis,
    });
    fc.assert(
      fc.property(versions, fc.nat(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.millis * 7919 + seed) % 101) - ((b.millis * 7919 + seed) % 101));
        let record: Record<string, unknown> | undefined;
        let meta: LocalFieldMeta | undefined;
        shuffled.forEach((v, i) => {
          ({ record, meta } = mergePulledField(record, meta, pulled({ value: v.value, hlc: hlc(v.millis), seq: i + 1 })));
        });
        const best = list.reduce((a, b) => (a.millis > b.millis ? a : b));
        expect(record?.nom).toBe(best.value);
        expect(meta?.hlc).toBe(hlc(best.millis));
      }),
      { numRuns: 200 },
    );
  });
});
