import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ClockError,
  formatHlc,
  hlcAfter,
  hlcSchema,
  initialHlc,
  isRealHlc,
  isRealHlcState,
  parseHlc,
  receive,
  tick,
} from '../../src/sync/index.ts';
import type { HlcState } from '../../src/sync/index.ts';

const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const arbNode = fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
const arbMillis = fc.integer({ min: 0, max: MAX_MILLIS });
const arbState = fc.record({ millis: arbMillis, counter: fc.integer({ min: 0, max: 0xff00 }), node: arbNode });
const ordre = (a: HlcState, b: HlcState) =>
  a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
const signe = (n: number) => Math.sign(n);
const NODE = '0123456789abcdef';

describe('formatHlc / parseHlc', () => {
  it('formats as ISO time, hexadecimal counter and node', () => {
    expect(formatHlc({ millis: Date.UTC(2026, 2, 15, 9, 30), counter: 26, node: NODE })).toBe(
      '2026-03-15T09:30:00.000Z-001A-0123456789abcdef',
    );
  });

  it('round-trips every clock, and the string passes the wire schema', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const texte = formatHlc(s);
        expect(hlcSchema.safeParse(texte).success).toBe(true);
        expect(parseHlc(texte)).toEqual(s);
      }),
    );
  });

  it('strings sort in clock order', () => {
    fc.assert(
      fc.property(arbState, arbState, (a, b) => {
        const parTexte = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(parTexte).toBe(signe(ordre(a, b)));
      }),
    );
  });

  it('refuses a malformed clock', () => {
    expect(() => parseHlc('2026-03-15T09:30:00.000Z-001a-0123456789abcdef')).toThrow(ClockError);
    expect(() => parseHlc('hier')).toThrow(ClockError);
  });
});

// Well formed, but naming no instant: such a clock sorts after every real one.
const IMPOSSIBLES = [
  '9999-99-99T99:99:99.999Z',
  '2026-02-30T10:00:00.000Z',
  '2026-13-01T10:00:00.000Z',
  '2026-03-15T24:00:00.000Z',
  '2026-03-15T09:60:00.000Z',
  '2026-03-15T09:30:60.000Z',
  '0000-00-00T00:00:00.000Z',
].map((temps) => `${temps}-0000-${NODE}`);

describe('isRealHlc: a clock must name a real instant', () => {
  it('accepts every clock a device makes', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        expect(isRealHlc(formatHlc(s))).toBe(true);
      }),
    );
  });

  it('refuses well-formed clocks whose date or time does not exist, and parseHlc and receive with it', () => {
    for (const texte of IMPOSSIBLES) {
      expect(hlcSchema.safeParse(texte).success, texte).toBe(true);
      expect(isRealHlc(texte), texte).toBe(false);
      expect(() => parseHlc(texte), texte).toThrow(ClockError);
      expect(() => receive(initialHlc(NODE), texte, Date.now()), texte).toThrow(ClockError);
    }
  });

  it('is true exactly when the clock’s time reads back as written', () => {
    const chiffres = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    // Near the edges of real dates and times as often as anywhere: 29 February, the 31st, 24:00, 60 seconds.
    const borne = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const temps = fc
      .oneof(
        fc.tuple(chiffres(4), chiffres(2), chiffres(2), chiffres(2), chiffres(2), chiffres(2), chiffres(3)),
        fc.tuple(borne(4, 9999), borne(2, 13), borne(2, 32), borne(2, 25), borne(2, 61), borne(2, 61), chiffres(3)),
      )
      .map(([a, mo, j, h, mi, s, ms]) => `${a}-${mo}-${j}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(temps, (t) => {
        const millis = Date.parse(t);
        const relu = Number.isNaN(millis) ? null : new Date(millis).toISOString();
        expect(isRealHlc(`${t}-0000-${NODE}`)).toBe(relu === t);
      }),
    );
  });

  it('tells a device’s stored clock state that can still stamp events from one that cannot', () => {
    expect(isRealHlcState({ millis: Date.UTC(2026, 2, 15), counter: 3, node: NODE })).toBe(true);
    expect(isRealHlcState({ millis: Number.NaN, counter: 0, node: NODE })).toBe(false);
    expect(isRealHlcState({ millis: MAX_MILLIS + 1, counter: 0, node: NODE })).toBe(false);
    expect(isRealHlcState({ millis: 1.5, counter: 0, node: NODE })).toBe(false);
    expect(isRealHlcState({ millis: 0, counter: 0x10000, node: NODE })).toBe(false);
    expect(isRealHlcState({ millis: 0, counter: 0, node: 'tablette' })).toBe(false);
  });
});

describe('hlcAfter: the order of the merge', () => {
  it('is the string order between real clocks', () => {
    fc.assert(
      fc.property(arbState, arbState, (a, b) => {
        expect(hlcAfter(formatHlc(a), formatHlc(b))).toBe(formatHlc(a) > formatHlc(b));
      }),
    );
  });

  it('puts an impossible clock before every real one, so that a real edit replaces it', () => {
    fc.assert(
      fc.property(arbState, fc.constantFrom(...IMPOSSIBLES), (s, impossible) => {
        expect(hlcAfter(formatHlc(s), impossible)).toBe(true);
        expect(hlcAfter(impossible, formatHlc(s))).toBe(false);
      }),
    );
  });
});

describe('tick: local events', () => {
  it('takes the wall time when it moved on, and counts within a millisecond', () => {
    const s = { millis: 1000, counter: 3, node: NODE };
    expect(tick(s, 2000)).toEqual({ millis: 2000, counter: 0, node: NODE });
    expect(tick(s, 1000)).toEqual({ millis: 1000, counter: 4, node: NODE });
    expect(tick(s, 10)).toEqual({ millis: 1000, counter: 4, node: NODE });
  });

  it('is strictly monotonic even when the device’s wall time goes backwards', () => {
    fc.assert(
      fc.property(arbNode, fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 200 }), (node, heures) => {
        let etat = initialHlc(node);
        let avant = formatHlc(etat);
        for (const maintenant of heures) {
          etat = tick(etat, maintenant);
          const texte = formatHlc(etat);
          expect(texte > avant).toBe(true);
          expect(etat.millis).toBeGreaterThanOrEqual(maintenant);
          avant = texte;
        }
      }),
    );
  });

  it('refuses more than 65 536 events in one millisecond', () => {
    expect(() => tick({ millis: 1000, counter: 0xffff, node: NODE }, 1000)).toThrow(ClockError);
  });
});

describe('receive: merging a remote clock', () => {
  it('is greater than both the local and the remote clock, and keeps the local node', () => {
    fc.assert(
      fc.property(arbState, arbState, arbMillis, (local, distant, maintenant) => {
        const texteDistant = formatHlc(distant);
        const r = receive(local, texteDistant, maintenant);
        expect(formatHlc(r) > formatHlc(local)).toBe(true);
        expect(formatHlc({ ...r, node: distant.node }) > texteDistant).toBe(true);
        expect(r.node).toBe(local.node);
        expect(r.millis).toBeGreaterThanOrEqual(maintenant);
      }),
    );
  });

  it('a local event after a receive sorts after the remote one', () => {
    fc.assert(
      fc.property(arbState, arbState, arbMillis, arbMillis, (local, distant, t1, t2) => {
        const texteDistant = formatHlc(distant);
        const suivant = tick(receive(local, texteDistant, t1), t2);
        expect(formatHlc({ ...suivant, node: distant.node }) > texteDistant).toBe(true);
      }),
    );
  });

  it('takes the wall time when it is ahead of both', () => {
    expect(
      receive({ millis: 1000, counter: 5, node: NODE }, formatHlc({ millis: 1500, counter: 9, node: 'ffffffffffffffff' }), 3000),
    ).toEqual({ millis: 3000, counter: 0, node: NODE });
    expect(
      receive({ millis: 1000, counter: 5, node: NODE }, formatHlc({ millis: 1500, counter: 9, node: 'ffffffffffffffff' }), 1200),
    ).toEqual({ millis: 1500, counter: 10, node: NODE });
    expect(
      receive({ millis: 1500, counter: 12, node: NODE }, formatHlc({ millis: 1500, counter: 9, node: 'ffffffffffffffff' }), 1200),
    ).toEqual({ millis: 1500, counter: 13, node: NODE });
  });

  it('refuses a remote clock too far ahead of the wall time', () => {
    const distant = formatHlc({ millis: 10 * 60_000, counter: 0, node: 'ffffffffffffffff' });
    expect(() => receive(initialHlc(NODE), distant, 0, 5 * 60_000)).toThrow(ClockError);
    expect(receive(initialHlc(NODE), distant, 6 * 60_000, 5 * 60_000).millis).toBe(10 * 60_000);
  });
});
