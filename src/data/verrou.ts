import type { GenreCode } from '../domain/index.ts';
import { CLE_FORMAT_RESUMES } from './resume.ts';
import { oublierResumesEnMemoire } from './caseload.ts';
import { envelopperAutrement, nouvelleCle, ouvrirCle } from './chiffrement.ts';
import type { CleEnveloppee } from './chiffrement.ts';
import { Coffre, estTableChiffree } from './coffre.ts';
import type { RelogementDb } from './db.ts';

// The officer's code (docs/chiffrement.md): chosen at the first start, asked at every start and
// after an idle time. The wrapped key and the count of wrong codes are kept in clear in `meta`.

export const CLE_VERROU = 'verrou';
/** Set while rows stored in clear (before the update that brought encryption) remain to be sealed. */
const CLE_A_CHIFFRER = 'chiffrementAFaire';
const CLE_DELAI = 'delaiVerrouMinutes';
export const ESSAIS_AVANT_OUBLI = 10;
export const DELAI_VERROU_DEFAUT_MINUTES = 5;
const LOT_CHIFFREMENT = 200;

/** `genre` is kept so the entry field opens the numeric keypad for a code of digits. */
type EtatVerrou = { enveloppe: CleEnveloppee; genre: GenreCode; echecs: number; oublie: boolean };

export type Deverrouillage = { ouvert: true } | { ouvert: false; essaisRestants: number; oublie: boolean };

function coffreDe(db: RelogementDb): Coffre {
  if (!db.coffre) throw new Error('Cette base n’est pas chiffrée.');
  return db.coffre;
}

const lireEtat = async (db: RelogementDb) => (await db.meta.get(CLE_VERROU))?.value as EtatVerrou | undefined;

/** Whether the officer has chosen her code on this device; without one, she chooses it before anything else. */
export const codeChoisi = async (db: RelogementDb): Promise<boolean> => (await lireEtat(db)) !== undefined;

export type EtatCode = { genre: GenreCode; essaisRestants: number; oublie: boolean };

/** What the lock screen shows: the kind of secret, how many tries remain, whether the data was forgotten; null before the first code. */
export async function etatCode(db: RelogementDb): Promise<EtatCode | null> {
  const etat = await lireEtat(db);
  return etat ? { genre: etat.genre, essaisRestants: Math.max(0, ESSAIS_AVANT_OUBLI - etat.echecs), oublie: etat.oublie } : null;
}

/**
 * Seals again every row of these tables (all of them for `true`): rows still stored in clear, or
 * sealed before a field of theirs was indexed. A batch per transaction (a batch read and written
 * back at once, so no edit in between is lost); the mark is removed once all are done, so a start
 * interrupted midway seals the rest at the next unlock.
 */
async function chiffrerLesDonnees(db: RelogementDb, aFaire: true | readonly string[]): Promise<void> {
  for (const table of db.tables.filter((t) => estTableChiffree(t.name) && (aFaire === true || aFaire.includes(t.name)))) {
    const cles = await table.toCollection().primaryKeys();
    for (let i = 0; i < cles.length; i += LOT_CHIFFREMENT) {
      await db.transaction('rw', table, async () => {
        const lignes = (await table.bulkGet(cles.slice(i, i + LOT_CHIFFREMENT))).filter((l) => l !== undefined);
        await table.bulkPut(lignes);
      });
    }
  }
  await db.meta.delete(CLE_A_CHIFFRER);
}

/** The first code of this device: a new data key, wrapped by it; the data already there is sealed. */
export async function choisirCode(db: RelogementDb, code: string, genre: GenreCode): Promise<void> {
  const coffre = coffreDe(db);
  if (await codeChoisi(db)) throw new Error('Un code est déjà choisi sur cette tablette.');
  const { cle, enveloppe } = await nouvelleCle(code);
  await db.meta.bulkPut([
    { key: CLE_VERROU, value: { enveloppe, genre, echecs: 0, oublie: false } satisfies EtatVerrou },
    { key: CLE_A_CHIFFRER, value: true },
  ]);
  coffre.ouvrir(cle);
  await chiffrerLesDonnees(db, true);
}

/** A wrong code counted; the tenth in a row has the device forget its local data, keeping sealed what is not yet synced. */
async function compterEchec(db: RelogementDb, etat: EtatVerrou): Promise<Deverrouillage> {
  const echecs = etat.echecs + 1;
  const oublier = echecs >= ESSAIS_AVANT_OUBLI && !etat.oublie;
  // Loaded only then: the forgetting reads the synced tables' list, with every schema (not for the lock screen).
  if (oublier) await (await import('./oubli.ts')).oublierAppareil(db, [CLE_VERROU, CLE_A_CHIFFRER, CLE_FORMAT_RESUMES, 'clock']);
  await db.meta.put({ key: CLE_VERROU, value: { ...etat, echecs, oublie: etat.oublie || oublier } satisfies EtatVerrou });
  return { ouvert: false, essaisRestants: Math.max(0, ESSAIS_AVANT_OUBLI - echecs), oublie: etat.oublie || oublier };
}

async function etatExige(db: RelogementDb): Promise<EtatVerrou> {
  const etat = await lireEtat(db);
  if (!etat) throw new Error('Aucun code n’est choisi sur cette tablette.');
  return etat;
}

/** Opens the data key with the code; a wrong code is counted (`compterEchec`). */
export async function deverrouiller(db: RelogementDb, code: string): Promise<Deverrouillage> {
  const coffre = coffreDe(db);
  const etat = await etatExige(db);
  const cle = await ouvrirCle(code, etat.enveloppe);
  if (!cle) return compterEchec(db, etat);
  if (etat.echecs > 0 || etat.oublie) await db.meta.put({ key: CLE_VERROU, value: { ...etat, echecs: 0, oublie: false } satisfies EtatVerrou });
  coffre.ouvrir(cle);
  const aFaire = (await db.meta.get(CLE_A_CHIFFRER))?.value as true | string[] | undefined;
  if (aFaire) await chiffrerLesDonnees(db, aFaire);
  return { ouvert: true };
}

/**
 * While unlocked: the data key wrapped by a new code, nothing encrypted again. A wrong current code
 * counts as a wrong try at the lock screen; the tenth forgets the data and locks the app.
 */
export async function changerCode(db: RelogementDb, actuel: string, nouveau: string, genre: GenreCode): Promise<Deverrouillage> {
  const etat = await etatExige(db);
  const enveloppe = await envelopperAutrement(actuel, nouveau, etat.enveloppe);
  if (!enveloppe) {
    const echec = await compterEchec(db, etat);
    if (!echec.ouvert && echec.oublie) verrouiller(db);
    return echec;
  }
  await db.meta.put({ key: CLE_VERROU, value: { ...etat, enveloppe, genre, echecs: 0 } satisfies EtatVerrou });
  return { ouvert: true };
}

/**
 * After the data was forgotten and the officer logged in again without her code: the device has
 * no code any more, and she chooses a new one (the caller has set the old one's sealed rows aside).
 */
export async function oublierCode(db: RelogementDb): Promise<void> {
  if (!(await lireEtat(db))?.oublie) throw new Error('Le code de cette tablette n’a pas été oublié.');
  await db.meta.bulkDelete([CLE_VERROU, CLE_A_CHIFFRER]);
}

/** Drops the key and what was decrypted with it; the caller saves the drafts first. */
export function verrouiller(db: RelogementDb): void {
  coffreDe(db).fermer();
  oublierResumesEnMemoire(db);
}

/** The idle time before the app locks itself, in minutes (a setting of this device). */
export const delaiVerrou = async (db: RelogementDb): Promise<number> =>
  ((await db.meta.get(CLE_DELAI))?.value as number | undefined) ?? DELAI_VERROU_DEFAUT_MINUTES;

export const enregistrerDelaiVerrou = (db: RelogementDb, minutes: number) => db.meta.put({ key: CLE_DELAI, value: minutes });
