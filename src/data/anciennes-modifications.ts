import Dexie from 'dexie';
import type { GenreCode } from '../domain/index.ts';
import { RelogementDb } from './db.ts';
import { VERSIONS } from './migrations/index.ts';
import { CLE_VERROU, choisirCode, deverrouiller, etatCode, oublierCode } from './verrou.ts';
import type { Deverrouillage } from './verrou.ts';

// After ten wrong codes the device forgot its data but kept, sealed by the old code, what was not
// yet synced (docs/chiffrement.md). An officer who logs in again without that code chooses a new
// one: the kept rows go aside, as they are stored, into a database of their own with the old
// wrapped key, and the device starts again under a new key. Typing the old code later brings them
// back into the outbox; giving up erases them. A second database, because the live tables can
// only hold rows of the current key, and IndexedDB cannot rename a database.

const TABLES_GARDEES = ['outbox', 'refusees', 'blobs'] as const;
const PREFIXE = '-ancien-code-';
/**
 * A `meta` row of this device's database (in clear, a time) written whenever changes are set aside,
 * recovered or given up: what counts them reads it, so live queries count them again.
 */
const CLE_MISES_DE_COTE = 'misesDeCote';
const signalerMisesDeCote = (db: RelogementDb) => db.meta.put({ key: CLE_MISES_DE_COTE, value: Date.now() });

/** Changes kept sealed by a former code of this device, waiting for it. */
export type AnciennesModifications = { base: string; genre: GenreCode; modifications: number; fichiers: number; gardeesLe: string };

// A browser that cannot list its databases (Firefox before 126) does not offer them: they stay sealed on the device.
const nomsAnciennes = async (db: RelogementDb) =>
  (indexedDB.databases ? await indexedDB.databases() : [])
    .map((d) => d.name ?? '')
    .filter((nom) => nom.startsWith(`${db.name}${PREFIXE}`));

/**
 * After the data was forgotten and a new login: the rows kept under the old code are set aside
 * (copied as stored, never decrypted), then the device gets a new code and a new data key.
 */
export async function repartirDUnNouveauCode(db: RelogementDb, code: string, genre: GenreCode): Promise<void> {
  const nom = `${db.name}${PREFIXE}${Date.now()}`;
  // Connections without the encryption middleware: the rows move sealed, as they are stored.
  const brute = new RelogementDb(db.name, VERSIONS);
  const ancienne = new RelogementDb(nom, VERSIONS);
  try {
    const verrou = await brute.meta.get(CLE_VERROU);
    if (!(await etatCode(db))?.oublie || !verrou) throw new Error('Le code de cette tablette n’a pas été oublié.');
    const lignes = await brute.transaction('r', TABLES_GARDEES, () => Promise.all(TABLES_GARDEES.map((t) => brute.table(t).toArray())));
    await ancienne.transaction('rw', [...TABLES_GARDEES, 'meta'], async () => {
      for (const [i, t] of TABLES_GARDEES.entries()) await ancienne.table(t).bulkAdd(lignes[i] ?? []);
      // Ten more wrong tries erase them: the copy gives no more tries than the lock screen did.
      await ancienne.meta.put({ key: CLE_VERROU, value: { ...(verrou.value as object), echecs: 0, oublie: false } });
      await ancienne.meta.put({ key: 'gardeesLe', value: new Date().toISOString() });
    });
    await brute.transaction('rw', TABLES_GARDEES, async () => {
      for (const t of TABLES_GARDEES) await brute.table(t).clear();
    });
  } finally {
    brute.close();
    ancienne.close();
  }
  await oublierCode(db);
  await choisirCode(db, code, genre);
  await signalerMisesDeCote(db);
}

/** The sets of changes kept under former codes, oldest first; read without any key. */
export async function anciennesModifications(db: RelogementDb): Promise<AnciennesModifications[]> {
  await db.meta.get(CLE_MISES_DE_COTE);
  const resultat: AnciennesModifications[] = [];
  for (const base of (await nomsAnciennes(db)).sort()) {
    const ancienne = new RelogementDb(base, VERSIONS, { chiffree: true });
    try {
      const etat = await etatCode(ancienne);
      if (!etat) continue;
      resultat.push({
        base,
        genre: etat.genre,
        modifications: (await ancienne.outbox.count()) + (await ancienne.refusees.count()),
        fichiers: await ancienne.blobs.count(),
        gardeesLe: String((await ancienne.meta.get('gardeesLe'))?.value ?? ''),
      });
    } finally {
      ancienne.close();
    }
  }
  return resultat;
}

/** How many changes wait under former codes: they are not in the outbox, but they are waiting all the same. */
export const nombreMisesDeCote = async (db: RelogementDb): Promise<number> =>
  (await anciennesModifications(db)).reduce((n, a) => n + a.modifications, 0);

/** Erases the changes kept under a former code, for good. */
export async function abandonnerAnciennesModifications(db: RelogementDb, base: string): Promise<void> {
  await Dexie.delete(base);
  await signalerMisesDeCote(db);
}

/**
 * With the former code: the kept changes come back to this device's outbox (sealed by its current
 * key) and leave with the next sync. A wrong code is counted; the tenth erases them for good.
 */
export async function recupererAnciennesModifications(db: RelogementDb, base: string, code: string): Promise<Deverrouillage> {
  const ancienne = new RelogementDb(base, VERSIONS, { chiffree: true });
  try {
    const reponse = await deverrouiller(ancienne, code);
    if (!reponse.ouvert) {
      if (reponse.oublie) {
        ancienne.close();
        await abandonnerAnciennesModifications(db, base);
      }
      return reponse;
    }
    const [outbox, refusees, blobs] = await ancienne.transaction('r', TABLES_GARDEES, () =>
      Promise.all([ancienne.outbox.toArray(), ancienne.refusees.toArray(), ancienne.blobs.toArray()]),
    );
    await db.transaction('rw', [db.outbox, db.refusees, db.blobs], async () => {
      // Their sequence numbers are older than every change made since: they leave first, as they would have.
      await db.outbox.bulkAdd(outbox);
      await db.refusees.bulkPut(refusees);
      await db.blobs.bulkPut(blobs);
    });
  } finally {
    ancienne.close();
  }
  await abandonnerAnciennesModifications(db, base);
  return { ouvert: true };
}
