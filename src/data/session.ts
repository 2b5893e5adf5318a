import type { Profile } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';

// The session the sync uses, kept in `meta` (sealed with the other personal rows). Apart from the
// sync's storage so that the first screen (lock screen, menu by role) reads it without loading the
// synced tables' schemas.

export type Session = { token: string; expiresAt: string; user: Profile };

const CLE_SESSION = 'session';

export async function lireSession(db: RelogementDb): Promise<Session | null> {
  return ((await db.meta.get(CLE_SESSION))?.value as Session | undefined) ?? null;
}

export const enregistrerSession = (db: RelogementDb, session: Session | null) =>
  session ? db.meta.put({ key: CLE_SESSION, value: session }) : db.meta.delete(CLE_SESSION);
