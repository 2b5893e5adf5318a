import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

// `npm run bench`: every test/bench/*.ts module exporting `bench()` prints its labelled figures;
// `tsx test/bench/run.ts <part>…` runs only the named ones.
const dossier = resolve('test/bench');
const modules = readdirSync(dossier)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('vite.'))
  .sort();
const seuls = process.argv.slice(2);

for (const fichier of modules) {
  // A part is named whole: `pilotage` is not `pilotage-navigateur`.
  if (seuls.length > 0 && !seuls.includes(fichier.replace(/\.ts$/, ''))) continue;
  const module = (await import(pathToFileURL(resolve(dossier, fichier)).href)) as { bench?: () => Promise<Record<string, string>> };
  if (!module.bench) continue;
  console.log(`\n## ${fichier.replace(/\.ts$/, '')}`);
  try {
    for (const [libelle, valeur] of Object.entries(await module.bench())) console.log(`- ${libelle} : ${valeur}`);
  } catch (e) {
    console.log(`- échec : ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
