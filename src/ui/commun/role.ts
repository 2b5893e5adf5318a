import { lireSession } from '../../data/index.ts';
import type { Profile, Role } from '../../sync/index.ts';
import { useBase } from './contexte.ts';
import { useLive } from './useLive.ts';

/**
 * The role the server told this device at login; null before the first login (the screens then
 * offer everything: the server has the last word), undefined while it is read.
 */
export function useRole(): Role | null | undefined {
  const db = useBase();
  const session = useLive(() => lireSession(db), [db]);
  return session === undefined ? undefined : (session?.user.role ?? null);
}

/** The user and organisation the server told this device at login (null before it), undefined while it is read. */
export function useProfil(): Profile | null | undefined {
  const db = useBase();
  const session = useLive(() => lireSession(db), [db]);
  return session === undefined ? undefined : (session?.user ?? null);
}
