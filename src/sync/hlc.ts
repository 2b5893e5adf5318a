import { z } from 'zod';

// Hybrid logical clock (Kulkarni et al.; Actual Budget's timestamp format): a wall time, a
// counter for events within the same millisecond, and the node that made it. The string form
// sorts lexicographically in clock order, so clocks compare as plain strings everywhere.
export type HlcState = { millis: number; counter: number; node: string };

const MAX_COUNTER = 0xffff;
export const hlcPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-f]{16}$/;
const nodePattern = /^[0-9a-f]{16}$/;

// The wire schema checks the shape only: a page from an older server may still carry an impossible
// clock, and the device must be able to read it to heal (see `hlcAfter`). Whoever accepts a clock
// for itself checks that it is real (`isRealHlc`).
export const hlcSchema = z.string().regex(hlcPattern, 'Horloge (HLC) mal formée.');
export const nodeIdSchema = z.string().regex(nodePattern, 'Identifiant d’appareil mal formé.');

export class ClockError extends Error {}

/** An instant a clock can hold: a whole millisecond whose ISO form has a four-digit year. */
function isRealMillis(millis: number): boolean {
  return Number.isInteger(millis) && Math.abs(millis) <= 8.64e15 && /^\d{4}-/.test(new Date(millis).toISOString());
}

/**
 * True when a clock is well formed and names a real instant: its time reads back as written. A
 * well-formed "9999-99-99T99:99:99.999Z" sorts after every real clock and would lock its field
 * for good; "2026-02-30" would be read as 2 March.
 */
export function isRealHlc(text: string): boolean {
  if (!hlcPattern.test(text)) return false;
  // Every millisecond of a real day's 24 hours reads back as written; a day is checked once.
  const heures = Number(text.slice(11, 13));
  const minutes = Number(text.slice(14, 16));
  const secondes = Number(text.slice(17, 19));
  return heures < 24 && minutes < 60 && secondes < 60 && isRealDay(text.slice(0, 10));
}

/** Days already checked: a page of clocks holds few days, and reading one back was most of a clock's check. */
const joursVus = new Map<string, boolean>();

function isRealDay(day: string): boolean {
  let reel = joursVus.get(day);
  if (reel === undefined) {
    const iso = `${day}T00:00:00.000Z`;
    const millis = Date.parse(iso);
    // The pattern gives the four-digit year: reading back as written is then all `isRealMillis` would add.
    reel = Number.isFinite(millis) && new Date(millis).toISOString() === iso;
    if (joursVus.size >= 4096) joursVus.clear();
    joursVus.set(day, reel);
  }
  return reel;
}

/** True when a stored clock state can still stamp events (a device's clock may predate the checks). */
export function isRealHlcState(state: HlcState): boolean {
  return (
    isRealMillis(state.millis) &&
    Number.isInteger(state.counter) &&
    state.counter >= 0 &&
    state.counter <= MAX_COUNTER &&
    nodePattern.test(state.node)
  );
}

/**
 * Whether clock `a` orders after clock `b`. An impossible clock (stored before servers checked
 * them) orders before every real one, so that the next real edit replaces it and the field heals.
 */
export function hlcAfter(a: string, b: string): boolean {
  const realA = isRealHlc(a);
  return realA === isRealHlc(b) ? a > b : realA;
}

export function formatHlc({ millis, counter, node }: HlcState): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

export function parseHlc(text: string): HlcState {
  if (!hlcPattern.test(text)) throw new ClockError(`Horloge mal formée : ${text}`);
  if (!isRealHlc(text)) throw new ClockError(`Horloge impossible : ${text}`);
  const millis = Date.parse(text.slice(0, 24));
  return { millis, counter: parseInt(text.slice(25, 29), 16), node: text.slice(30) };
}

/** Stamp a local event: the clock never goes backwards even if the device's wall time does. */
export function tick(state: HlcState, now: number): HlcState {
  const millis = Math.max(state.millis, now);
  const counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new ClockError('Trop d’événements dans la même milliseconde.');
  return { millis, counter, node: state.node };
}

/** Merge a remote clock so that later local events sort after everything already seen; an impossible one is refused. */
export function receive(state: HlcState, remote: string, now: number, maxDriftMs = Infinity): HlcState {
  const other = parseHlc(remote);
  if (other.millis - now > maxDriftMs) throw new ClockError('Horloge distante trop en avance.');
  const millis = Math.max(state.millis, other.millis, now);
  let counter = 0;
  if (millis === state.millis && millis === other.millis) counter = Math.max(state.counter, other.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === other.millis) counter = other.counter + 1;
  if (counter > MAX_COUNTER) throw new ClockError('Trop d’événements dans la même milliseconde.');
  return { millis, counter, node: state.node };
}

export const initialHlc = (node: string): HlcState => ({ millis: 0, counter: 0, node });
