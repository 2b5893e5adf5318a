import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/server/db/open.ts';
import { DataDirLockedError, lockDataDir } from '../../src/server/db/lock.ts';
import { pgliteTemplate } from '../../src/server/testing.ts';

// The embedded database's folder: private to its owner, and opened by one process at a time.

const temp = mkdtempSync(join(tmpdir(), 'relogement-verrou-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;
const newDir = () => join(temp, `donnees-${++n}`);

/** Every path under `dir` with its permission bits. */
const modes = (dir: string): [string, number][] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => [
    join(e.parentPath, e.name),
    statSync(join(e.parentPath, e.name)).mode & 0o777,
  ]);

/** A script that takes the lock at `at` (ms since epoch), says whether it got it, and holds it a while. */
function contenderScript(dataDir: string, at: number): string {
  const file = join(temp, `concurrent-${++n}.mts`);
  writeFileSync(
    file,
    `import { lockDataDir } from ${JSON.stringify(join(process.cwd(), 'src/server/db/lock.ts'))};
    while (Date.now() < ${at}) {}
    try { lockDataDir(${JSON.stringify(dataDir)}, 'un concurrent'); console.log('pris'); setTimeout(() => {}, 6000); }
    catch (e) { console.log(e.constructor.name === 'DataDirLockedError' ? 'DataDirLockedError' : String(e)); }`,
  );
  return file;
}

const startContender = (script: string) => spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });

/** `count` processes trying at the same instant; what each said. */
function contenders(dataDir: string, count: number, at: number): Promise<string[]> {
  const script = contenderScript(dataDir, at);
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<string>((resolve, reject) => {
          const child = startContender(script);
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.on('error', reject);
          child.on('exit', () => resolve(out.trim()));
        }),
    ),
  );
}

describe('the embedded database’s folder', () => {
  it('is readable by its owner only, files and folders', async () => {
    const dataDir = newDir();
    const storage = await openStorage({ dataDir, template: await pgliteTemplate() }, 'le test');
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const open = modes(dataDir).filter(([, mode]) => (mode & 0o077) !== 0);
      expect(open).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('is not refused because an unrelated process now has the pid a crashed server had', () => {
    const dataDir = newDir();
    lockDataDir(dataDir, 'le serveur')();
    // The parent of this test runs, but it never took the lock: its start time differs.
    const crashed = { pid: process.ppid, holder: 'le serveur', boot: null, start: '1' };
    writeFileSync(join(dataDir, 'verrou.json'), JSON.stringify(crashed));
    const release = lockDataDir(dataDir, 'le serveur');
    release();
  });

  it('is refused while its owner runs', async () => {
    const dataDir = newDir();
    const holder = startContender(contenderScript(dataDir, 0));
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('pris') && resolve()));
    try {
      expect(() => lockDataDir(dataDir, 'le test')).toThrow(DataDirLockedError);
    } finally {
      holder.kill();
    }
  });

  it('goes to exactly one of several processes starting at the same instant over a stale lock', async () => {
    const dataDir = newDir();
    lockDataDir(dataDir, 'le serveur')();
    writeFileSync(join(dataDir, 'verrou.json'), JSON.stringify({ pid: 2 ** 22 + 1, holder: 'un serveur arrêté net' }));
    // Far enough ahead for every process to be started and waiting, even on a loaded machine.
    const outcomes = await contenders(dataDir, 6, Date.now() + 4000);
    expect(outcomes.sort()).toEqual([
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'pris',
    ]);
  });
});
