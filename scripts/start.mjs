// `npm start`: builds the PWA when dist/ is missing or older than its sources, then runs the
// server (src/server/main.ts, through tsx) serving dist/ and the API. Settings: PORT, HOST,
// DATA_DIR, DATABASE_URL, DIST_DIR, LOG_LEVEL (see src/server/main.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = process.env.DIST_DIR ?? join(root, 'dist');
// What the built app is made of; the server's own code (src/server) runs from source.
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path === join(root, 'src', 'server')) return 0;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = join(dist, 'index.html');
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (stale) {
  console.log('Construction de l’application (vite build)…');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('La construction de l’application a échoué : serveur non démarré.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DIST_DIR: dist },
});
// The server shuts down gracefully on these signals; this process waits for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
