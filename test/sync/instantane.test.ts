import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyField,
  clockOffsets,
  fieldClocks,
  formatHlc,
  recordClock,
  recordFromFields,
  snapshotRecordSchema,
} from '../../src/sync/index.ts';

// The snapshot's compact clocks (docs/sync.md, « Instantané »): what the server writes, the device reads back exactly.

const NODE = '0123456789abcdef';
const clock = (millis: number, counter: number, node = NODE) => formatHlc({ millis, counter, node });
const encode = (base: string, hlc: string) => clockOffsets(base)(hlc);

describe('snapshot clocks', () => {
  it('gives nothing for the record’s own clock, a count for the same device and day, the clock otherwise', () => {
    const base = clock(Date.UTC(2026, 11, 5, 10, 0, 0, 500), 3);
    expect(encode(base, base)).toBeNull();
    expect(encode(base, clock(Date.UTC(2026, 11, 5, 10, 0, 0, 500), 1))).toBe(2);
    expect(encode(base, clock(Date.UTC(2026, 11, 5, 10, 0, 0, 499), 7))).toBe(65_536 - 4);
    const otherDevice = clock(Date.UTC(2026, 11, 5, 9, 0), 0, 'fedcba9876543210');
    expect(encode(base, otherDevice)).toBe(otherDevice);
    const otherDay = clock(Date.UTC(2026, 11, 4, 23, 59), 0);
    expect(encode(base, otherDay)).toBe(otherDay);
    // An impossible clock stored before servers checked them travels whole.
    expect(encode('9999-99-99T99:99:99.999Z-0000-0123456789abcdef', base)).toBe(base);
    expect(fieldClocks('9999-99-99T99:99:99.999Z-0000-0123456789abcdef')(5)).toBeNull();
  });

  it('reads every field’s clock back exactly, each field of a record through one reader', () => {
    const day = Date.UTC(2026, 11, 5);
    const instant = fc.record({
      ms: fc.integer({ min: 0, max: 86_399_999 }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      other: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 30 }), fc.integer({ min: -3, max: 3 }), (instants, days) => {
        const clocks = instants.map((i) =>
          clock(day + days * 86_400_000 * (i.other ? 1 : 0) + i.ms, i.counter, i.other ? 'fedcba9876543210' : NODE),
        );
        const base = recordClock(clocks);
        const read = fieldClocks(base);
        for (const hlc of clocks) expect(read(encode(base, hlc) ?? undefined)).toBe(hlc);
      }),
    );
  });
});

describe('a snapshot page’s record', () => {
  const record = (fields: unknown) => ({ table: 'menages', recordId: 'r', hlc: clock(Date.UTC(2026, 11, 5), 3), fields });

  it('takes a value alone, with a count, or with a whole clock', () => {
    const fields = { nom: ['Martin'], telephone: [null, 2], statut: ['relogé', clock(Date.UTC(2026, 11, 4), 0)] };
    expect(snapshotRecordSchema.parse(record(fields)).fields).toEqual(fields);
  });

  it('refuses a field that is not a value and a clock', () => {
    for (const field of [[], ['a', 1, 2], ['a', -1], ['a', 1.5], ['a', 'hier'], ['a', null], 'a', { 0: 'a' }])
      expect(snapshotRecordSchema.safeParse(record({ nom: field })).success, JSON.stringify(field)).toBe(false);
    for (const fields of [null, [['a']], 'nom']) expect(snapshotRecordSchema.safeParse(record(fields)).success).toBe(false);
  });

  it('refuses a record without its table, its id or a readable clock', () => {
    const bon = record({ nom: ['Martin'] });
    expect(snapshotRecordSchema.safeParse(bon).success).toBe(true);
    for (const mauvais of [
      null,
      'menages',
      [bon],
      { ...bon, table: 3 },
      { ...bon, recordId: undefined },
      { ...bon, hlc: 'hier' },
      { ...bon, hlc: 5 },
    ])
      expect(snapshotRecordSchema.safeParse(mauvais).success, JSON.stringify(mauvais)).toBe(false);
  });
});

describe('recordFromFields', () => {
  it('builds the record applyField builds one field at a time, maps whole, map entries and removals included', () => {
    const field = fc.oneof(
      fc.constantFrom('nom', 'telephone', 'statut', 'reponses', 'consentements'),
      fc.constantFrom('reponses.logement.loyer', 'reponses.logement.surface', 'reponses.mobilite:permis', 'consentements.ville'),
    );
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.record({ valeur: fc.string({ maxLength: 3 }) }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(field, value), { selector: ([f]) => f, maxLength: 8 }), (fields) => {
        const recus = structuredClone(fields);
        const construit = recordFromFields('r', fields);
        // A map received whole, then entries of it: the value received is copied, not filled in place.
        expect(fields).toEqual(recus);
        const unParUn = recus.reduce<Record<string, unknown>>((record, [f, v]) => applyField(record, f, v), { id: 'r' });
        expect(construit).toEqual(unParUn);
      }),
    );
  });
});
