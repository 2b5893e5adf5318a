import { request } from 'node:http';
import { loadavg } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { processeurDeLaBase } from './processeur.ts';
import { dansUnSchemaJetable } from './schema-jetable.ts';
import { createTestAccount, createTestResidence, pgliteTemplate, seedHouseholds, startServer } from '../../src/server/testing.ts';
import type { ServerOptions } from '../../src/server/testing.ts';
import { ENREGISTREMENTS_PAR_PAGE } from '../../src/sync-client/api.ts';
import { PROTOCOL_VERSION } from '../../src/sync/index.ts';

// The server's part of a first sync: the snapshot pages alone, asked for from Node as the device
// asks for them (its page size, brotli accepted, each page as soon as the previous one arrived).
// Only the time from each request to the last byte of its answer counts, not reading the answer.
// `npx tsx test/bench/run.ts pages-instantane` measures it without a browser, on PGlite and, with
// TEST_DATABASE_URL or DATABASE_URL, on PostgreSQL; the first sync bench gives it for its server.

type Reponse = { octets: number; corps: Buffer };

function demander(url: string, jeton: string): Promise<Reponse> {
  return new Promise((resolve, reject) => {
    const requete = request(url, { headers: { authorization: `Bearer ${jeton}`, 'accept-encoding': 'br' } }, (reponse) => {
      const morceaux: Buffer[] = [];
      reponse.on('data', (m: Buffer) => morceaux.push(m));
      reponse.on('end', () => {
        const corps = Buffer.concat(morceaux);
        if (reponse.statusCode !== 200) reject(new Error(`${url} : ${reponse.statusCode}`));
        else resolve({ octets: corps.length, corps: reponse.headers['content-encoding'] === 'br' ? brotliDecompressSync(corps) : corps });
      });
    });
    requete.on('error', reject);
    requete.end();
  });
}

/** `base`: the server's address, ending with a slash. */
export async function pagesDeLInstantane(base: string, jeton: string): Promise<{ ms: number; pages: number; octets: number }> {
  let ms = 0;
  let pages = 0;
  let octets = 0;
  for (let apres: number | null = 0; apres !== null; pages++) {
    const debut = performance.now();
    const reponse = await demander(
      `${base}api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}&limit=${ENREGISTREMENTS_PAR_PAGE}`,
      jeton,
    );
    ms += performance.now() - debut;
    octets += reponse.octets;
    apres = (JSON.parse(reponse.corps.toString()) as { next: number | null }).next;
  }
  return { ms, pages, octets };
}

const MENAGES = 5000;
const ESSAIS = 5;
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const ms = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} ms`;
const enMs = (v: number[]) => `${ms(mediane(v))} (essais : ${v.map(ms).join(', ')})`;
const processeurDuServeur = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The first sync bench's 5,000 households (premiere-synchro.ts) served from `options`' database:
 * the pages, five times. Besides the wall time, the processor time of this process (the server,
 * PGlite in it, and the client reading the pages) and, on PostgreSQL, of the database's backends:
 * on a shared machine, the figures its load scrambles least.
 */
async function mesurer(options: ServerOptions): Promise<string> {
  const serveur = await startServer({ ...options, port: 0, dailyPurges: false });
  const base = options.databaseUrl === undefined ? null : new URL(options.databaseUrl).pathname.slice(1);
  try {
    const compte = await createTestAccount(serveur.db, { organisation: 'Mesures', role: 'encadrant', name: 'Mesure' });
    await seedHouseholds(serveur.db, compte.profile, await createTestResidence(serveur.db, compte.profile), MENAGES);
    const charge = [loadavg()[0] ?? NaN];
    const essais = [];
    for (let i = 0; i < ESSAIS; i++) {
      const avant = { serveur: processeurDuServeur(), base: base === null ? 0 : processeurDeLaBase(base) };
      const pages = await pagesDeLInstantane(`${serveur.url}/`, compte.token);
      essais.push({
        ...pages,
        serveur: processeurDuServeur() - avant.serveur,
        base: base === null ? 0 : processeurDeLaBase(base) - avant.base,
      });
    }
    charge.push(loadavg()[0] ?? NaN);
    const [premier] = essais;
    return [
      `médiane ${enMs(essais.map((e) => e.ms))} pour ${premier?.pages} pages, ${((premier?.octets ?? 0) / 1024 / 1024).toFixed(2).replace('.', ',')} Mo compressés`,
      `processeur de ce processus ${enMs(essais.map((e) => e.serveur))}`,
      ...(base === null ? [] : [`de la base ${enMs(essais.map((e) => e.base))}`]),
      `charge ${charge.map((c) => c.toFixed(1).replace('.', ',')).join(' puis ')}`,
    ].join(' ; ');
  } finally {
    await serveur.close();
  }
}

export async function bench(): Promise<Record<string, string>> {
  const libelle = (base: string) =>
    `Instantané de ${MENAGES} ménages, le serveur seul (${base}) : ses pages demandées comme la tablette, médiane de ${ESSAIS}`;
  const postgres = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const figures = { [libelle('PGlite')]: await mesurer({ template: await pgliteTemplate() }) };
  if (!postgres) return { ...figures, [libelle('PostgreSQL')]: 'non mesuré : définir TEST_DATABASE_URL ou DATABASE_URL' };
  return { ...figures, [libelle('PostgreSQL')]: await dansUnSchemaJetable(postgres, (url) => mesurer({ databaseUrl: url })) };
}
