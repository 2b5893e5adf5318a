import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The embedded database's folder holds every household's data: only the account that runs the
// server may read it. Folders 0700, files 0600, whatever the umask was when they were made.

/** chmod, unless the entry is gone meanwhile (another process's short-lived lock files). */
function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates `dir` if needed and makes it, and everything in it, private to its owner. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makePrivateDir(path);
    else if (entry.isFile()) restrict(path, 0o600);
  }
}
