import { hlcAfter } from './hlc.ts';
import { applyField } from './tables.ts';
import { sameJson } from './json.ts';
import type { PulledField } from './protocol.ts';

// The merge rules of the protocol, shared by the server (judging a pushed change against the
// stored field) and the devices (applying a pulled field under their pending edits). Clocks are
// HLC strings, which sort in clock order; an impossible clock orders first (`hlcAfter`).

/** A field as the server stores it: its value, the clock of that value, its sequence, its author. */
export type StoredField = { value: unknown; hlc: string; seq: number; author: string };

/** The part of a pushed change the merge looks at. */
export type IncomingField = { value: unknown; hlc: string; baseSeq: number | null; author: string };

export type FieldVerdict = {
  /** The incoming value has the greater clock and replaces the stored one (last writer wins). */
  wins: boolean;
  /**
   * The stored value moved on since the device last saw the field, it came from someone else and
   * differs: the two edits were concurrent and the losing value goes to the conflict log,
   * whichever clock wins. A clock alone cannot tell "concurrent" from "edited after seeing".
   */
  concurrent: boolean;
};

export function judgeChange(stored: StoredField | undefined, incoming: IncomingField): FieldVerdict {
  if (stored === undefined) return { wins: true, concurrent: false };
  const unseen = incoming.baseSeq === null || stored.seq > incoming.baseSeq;
  return {
    wins: hlcAfter(incoming.hlc, stored.hlc),
    concurrent: unseen && stored.author !== incoming.author && !sameJson(stored.value, incoming.value),
  };
}

/** What a device knows of one field: the clock of the value it holds, the last server seq seen. */
export type LocalFieldMeta = { hlc: string; seq: number | null };

type Row = Record<string, unknown>;

export type PulledMerge = { record: Row | undefined; meta: LocalFieldMeta; applied: boolean };

/**
 * Applies a pulled field to a device's copy of the record, only if its clock is greater than the
 * local one: a pending local edit (whose clock is newer) stays on top and is pushed later. The
 * server seq is remembered either way, so that the next local edit of the field says which
 * version it was made over. The caller also feeds the pulled clock into its HLC (`receive`).
 */
export function mergePulledField(
  record: Row | undefined,
  meta: LocalFieldMeta | undefined,
  pulled: Omit<PulledField, 'table'>,
): PulledMerge {
  const seq = Math.max(meta?.seq ?? 0, pulled.seq);
  if (meta !== undefined && !hlcAfter(pulled.hlc, meta.hlc)) return { record, meta: { hlc: meta.hlc, seq }, applied: false };
  return {
    record: applyField(record ?? { id: pulled.recordId }, pulled.field, pulled.value),
    meta: { hlc: pulled.hlc, seq },
    applied: true,
  };
}
