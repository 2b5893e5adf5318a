import type { RelogementDb } from './db.ts';
import { uuidv7 } from './ids.ts';
import { rangeeDe } from './rangee.ts';
import type { PaquetResumes, ResumeMenage } from './resume.ts';

// The caseload summaries are stored in a few sealed rows of many summaries each (version 18): the
// caseload opens dozens of rows, not one per household, at every start (docs/chiffrement.md,
// « Mesures »). A household's row is fixed by its id, so a write reads and seals again one row.
// Summaries stored one per row by earlier versions (`resumes`) are read until the background
// refresh has moved them (resume-calcul.ts).

/** 64 rows: about 80 summaries (40 KB) each for 5,000 households, 800 for an organisation of 50,000. */
export const NOMBRE_PAQUETS = 64;

/** The tables holding summaries, for the transactions that read or write them. */
export const TABLES_RESUMES = ['paquetsResumes', 'resumes'] as const;

/** The row of a household's summary, fixed by its id. */
export const paquetDe = (menageId: string): number => rangeeDe(menageId, NOMBRE_PAQUETS);

/** The stored rows of these numbers, by number. */
export async function lirePaquets(db: RelogementDb, numeros: Iterable<number>): Promise<Map<number, PaquetResumes>> {
  const voulus = [...new Set(numeros)];
  const lus = await db.paquetsResumes.bulkGet(voulus);
  return new Map(lus.filter((p) => p !== undefined).map((p) => [p.id, p]));
}

/** The stored summaries of these households, in order (undefined where none). */
export async function lireResumes(db: RelogementDb, menageIds: readonly string[]): Promise<(ResumeMenage | undefined)[]> {
  const paquets = await lirePaquets(db, menageIds.map(paquetDe));
  const parId = new Map<string, ResumeMenage>();
  for (const p of paquets.values()) for (const r of p.resumes) parId.set(r.id, r);
  const manquants = menageIds.filter((id) => !parId.has(id));
  if (manquants.length > 0 && (await db.resumes.count()) > 0) {
    for (const r of await db.resumes.bulkGet(manquants)) if (r) parId.set(r.id, r);
  }
  return menageIds.map((id) => parId.get(id));
}

/**
 * Inside a transaction over TABLES_RESUMES: writes these summaries and removes those of these
 * households, each touched row read and sealed again once; a row left empty is deleted.
 */
export async function ecrireResumes(db: RelogementDb, ecrits: readonly ResumeMenage[], supprimes: readonly string[] = []): Promise<void> {
  if (ecrits.length === 0 && supprimes.length === 0) return;
  const touches = new Map<number, Map<string, ResumeMenage | null>>();
  const toucher = (id: string, r: ResumeMenage | null) => {
    const n = paquetDe(id);
    const m = touches.get(n) ?? new Map<string, ResumeMenage | null>();
    touches.set(n, m.set(id, r));
  };
  supprimes.forEach((id) => toucher(id, null));
  ecrits.forEach((r) => toucher(r.id, r));
  const paquets = await lirePaquets(db, touches.keys());
  const aEcrire: PaquetResumes[] = [];
  const vides: number[] = [];
  for (const [n, changes] of touches) {
    const parId = new Map((paquets.get(n)?.resumes ?? []).map((r) => [r.id, r]));
    for (const [id, r] of changes) {
      if (r) parId.set(id, r);
      else parId.delete(id);
    }
    const resumes = [...parId.values()];
    if (resumes.length === 0) vides.push(n);
    else aEcrire.push({ id: n, version: uuidv7(), calculeLe: resumes.reduce((min, r) => (r.calculeLe < min ? r.calculeLe : min), resumes[0]!.calculeLe), resumes });
  }
  await db.paquetsResumes.bulkPut(aEcrire);
  await db.paquetsResumes.bulkDelete(vides);
  // A summary of an earlier version's table is superseded (or removed) with its household; a
  // deletion is a request per key, not worth making once that table is empty.
  if ((await db.resumes.count()) > 0) await db.resumes.bulkDelete([...supprimes, ...ecrits.map((r) => r.id)]);
}

/** Inside a transaction over TABLES_RESUMES: the summaries of these households leave the device. */
export const supprimerResumes = (db: RelogementDb, menageIds: readonly string[]) => ecrireResumes(db, [], menageIds);
