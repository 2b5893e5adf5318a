import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RelogementDb } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { jourIso } from '../../domain/index.ts';

export const BaseContext = createContext<RelogementDb | null>(null);

export function useBase(): RelogementDb {
  const db = useContext(BaseContext);
  if (!db) throw new Error('BaseContext manquant');
  return db;
}

export const MoteurContext = createContext<MoteurSync | null>(null);

/** The sync engine; null while it loads, after the first screen. */
export function useMoteur(): MoteurSync | null {
  return useContext(MoteurContext);
}

/** Today as the officer's device sees it, "AAAA-MM-JJ" in local time. */
export const aujourdhui = (now = new Date()): string => jourIso(now);
