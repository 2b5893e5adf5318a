import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The embedded database's folder holds every household's data: only the account that runs the
// server may read it. Folders 0700, files 0600, whatever the umask was when they were made.

/** Creates `dir` if needed and makes it, and everything in it, private to its owner. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makePrivateDir(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}
