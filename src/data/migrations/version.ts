import type { Transaction } from 'dexie';

/**
 * One released version of the tablet's database. A version file is frozen once released: it
 * imports nothing that may change (no domain rule, no storage function, no shared constant) and
 * keeps a copy of whatever its upgrade needs, as it was when released (docs/donnees.md §3).
 */
export type VersionSchema = { numero: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> };
