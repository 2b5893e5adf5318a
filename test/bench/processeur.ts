import { readFileSync, readdirSync } from 'node:fs';
import type { Tablette } from '../browser/chromium.ts';

// The processor time a tablet's browser spends, all its processes together (the browser, where
// IndexedDB writes, and the page's renderer), read from Linux's /proc: on a shared machine, the
// figure its load scrambles least (a wall-clock time also counts the other processes' turns).

/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PAR_SECONDE = 100;

type Processus = { pid: string; parent: string; ticks: number; marque: boolean };

/** Every process, `marque` when its command line holds `marque`. */
function processus(marque: string): Processus[] {
  const tous: Processus[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Fields after the command's closing parenthesis: state, parent, …, utime (12th), stime (13th).
      const champs = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const marquee = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marque);
      tous.push({ pid, parent: champs[1] ?? '', ticks: Number(champs[11]) + Number(champs[12]), marque: marquee });
    } catch {
      // Ended meanwhile.
    }
  }
  return tous;
}

/** Milliseconds of processor the tablet's browser has used so far: the processes started with its profile and all they started. */
export function processeurDeLaTablette(tablette: Tablette): number {
  const tous = processus(`--user-data-dir=${tablette.dossier}`);
  const siens = new Set(tous.filter((p) => p.marque).map((p) => p.pid));
  for (let encore = true; encore;) {
    encore = false;
    for (const p of tous)
      if (!siens.has(p.pid) && siens.has(p.parent)) {
        siens.add(p.pid);
        encore = true;
      }
  }
  return (tous.filter((p) => siens.has(p.pid)).reduce((n, p) => n + p.ticks, 0) * 1000) / TICKS_PAR_SECONDE;
}

/**
 * Milliseconds of processor used so far by the PostgreSQL backends serving the database `base`:
 * each names its database in its process title (`postgres: user base host(port) state`). A
 * backend that ended since the last reading takes its time with it: read while the pool is open.
 */
export function processeurDeLaBase(base: string): number {
  return (processus(` ${base} `).reduce((n, p) => n + (p.marque ? p.ticks : 0), 0) * 1000) / TICKS_PAR_SECONDE;
}
