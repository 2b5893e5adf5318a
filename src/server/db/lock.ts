import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from './private-dir.ts';

// PGlite's data directory can be opened by one process only. Whoever opens it (the server or the
// admin command) first creates a lock file naming itself: its pid, and, to tell it from an
// unrelated process that got the same pid after a crash or a reboot, the boot and the start time
// of that process. The file appears whole or not at all (written aside, then hard-linked: a link
// fails if the name exists), so two processes starting at the same instant cannot both take it.
// A stale lock is removed under a second, short-lived lock, and only if it is still the one found
// stale: otherwise one starting process could remove the lock another has just taken.

export class DataDirLockedError extends Error {}

type Owner = { pid: number; holder: string; boot: string | null; start: string | null };

const ATTEMPTS = 100;
const PAUSE_MS = 10;
/** A takeover lock older than this was left by a process that died while removing a stale lock. */
const STALE_TAKEOVER_MS = 10_000;

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const bootId = () => readOr('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

/** When a process started (clock ticks since boot, Linux), or null where it cannot be told. */
function startOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  // The command name, in parentheses, may hold spaces: fields are counted after it.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** True when the owner's process still runs: same pid, same boot, same start time. */
function running(owner: Owner): boolean {
  if (owner.pid === process.pid || !alive(owner.pid)) return false;
  if (owner.boot !== null && owner.boot !== bootId()) return false;
  const start = startOf(owner.pid);
  return owner.start === null || start === null || owner.start === start;
}

function parseOwner(text: string | null): Owner | null {
  try {
    const owner = JSON.parse(text ?? '') as Partial<Record<keyof Owner, unknown>>;
    if (typeof owner.pid !== 'number') return null;
    const optional = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      pid: owner.pid,
      holder: String(owner.holder ?? 'un autre processus'),
      boot: optional(owner.boot),
      start: optional(owner.start),
    };
  } catch {
    return null;
  }
}

/** Creates `path` with `content`, whole, unless it exists; true when created. */
function createWhole(path: string, content: string): boolean {
  const aside = `${path}.${randomUUID()}`;
  writeFileSync(aside, content, { mode: 0o600 });
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(aside);
  }
}

/** Removes the lock at `path` if it still reads `stale`, holding the takeover lock meanwhile. */
function removeStale(path: string, stale: string | null): void {
  const takeover = `${path}.reprise`;
  let fd: number;
  try {
    fd = openSync(takeover, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const since = statSync(takeover, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - since > STALE_TAKEOVER_MS) rmSync(takeover, { force: true });
    return;
  }
  try {
    if (readOr(path) === stale) unlinkSync(path);
  } finally {
    closeSync(fd);
    rmSync(takeover, { force: true });
  }
}

const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);

/** Takes the lock of `dataDir` (made private to its owner) for `holder`; returns the function that releases it. */
export function lockDataDir(dataDir: string, holder: string): () => void {
  makePrivateDir(dataDir);
  const path = join(dataDir, 'verrou.json');
  const me = JSON.stringify({ pid: process.pid, holder, boot: bootId(), start: startOf(process.pid) } satisfies Owner);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (createWhole(path, me)) return () => unlinkSync(path);
    const found = readOr(path);
    const owner = parseOwner(found);
    if (owner !== null && running(owner)) {
      throw new DataDirLockedError(
        `La base intégrée (${dataDir}) est utilisée par ${owner.holder} (pid ${owner.pid}). Arrêtez-le d’abord, ou utilisez DATABASE_URL avec un serveur PostgreSQL.`,
      );
    }
    // Gone meanwhile (its owner released it): try again at once.
    if (found !== null) removeStale(path, found);
    pause();
  }
  throw new DataDirLockedError(`Impossible de verrouiller la base intégrée (${dataDir}).`);
}
