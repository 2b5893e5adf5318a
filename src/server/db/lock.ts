import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PGlite's data directory can be opened by one process only. Whoever opens it (the server or the
// admin command) first writes its pid to a lock file; a lock whose process is gone is stale.

export class DataDirLockedError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock of `dataDir` for `holder`; returns the function that releases it. */
export function lockDataDir(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'verrou.json');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx' });
      return () => unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner !== null && alive(owner.pid) && owner.pid !== process.pid) {
        throw new DataDirLockedError(
          `La base intégrée (${dataDir}) est utilisée par ${owner.holder} (pid ${owner.pid}). Arrêtez-le d’abord, ou utilisez DATABASE_URL avec un serveur PostgreSQL.`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataDirLockedError(`Impossible de verrouiller la base intégrée (${dataDir}).`);
}

function readOwner(path: string): { pid: number; holder: string } | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; holder?: unknown };
    return typeof owner.pid === 'number' ? { pid: owner.pid, holder: String(owner.holder ?? 'un autre processus') } : null;
  } catch {
    return null;
  }
}
