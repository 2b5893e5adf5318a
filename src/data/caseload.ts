import { CODES_ALERTE, avantRelogementEnCours, regleAlertes, reglesContact } from '../domain/index.ts';
import type { CodeAlerte, Residence, StatutMenage } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES, normaliser } from './resume.ts';
import type { PaquetResumes, ResumeMenage } from './resume.ts';

export type FiltreMenages = { texte: string; residenceId: string | null; statut: StatutMenage | null; alerte: CodeAlerte | null };
export type LigneMenage = ResumeMenage & { alertes: CodeAlerte[] };
export type ResultatRecherche = { lignes: LigneMenage[]; total: number; ensemble: number; compteurs: Record<CodeAlerte, number> };

/** The dossier is chased from its step (docs/domaine.md §2 step 3) to the proposal, or once a piece is recorded. */
const ETAPES_DOSSIER: readonly StatutMenage[] = ['dossier', 'oriente', 'proposition'];
const LIGNES_AFFICHEES = 100;

// The summaries in name order, kept between searches with the rows they were opened from: typing
// in the search box then costs a filter, and a write opens again the one row it changed, not the
// whole caseload. The rows' versions are read from their index, in clear, which keeps live queries
// subscribed to every change. The sort is done here, not by an index: an index would hold the names in clear.
type Cache = { signature: string; paquets: Map<number, PaquetResumes>; resumes: ResumeMenage[]; duJour?: { cle: string; menages: MenagesDuJour } };
const caches = new WeakMap<RelogementDb, Cache>();

const signatureDe = (cles: readonly (readonly [number, string])[]) => cles.map(([n, version]) => `${n},${version}`).join(';');

/**
 * The rows of summaries as stored, with their signature: those of the cache whose version is
 * unchanged, the others opened. With nothing opened yet (a start), every row is read at once,
 * without listing the versions first: one request less on the way to the first list.
 */
async function paquetsAJour(db: RelogementDb, cache: Cache | undefined): Promise<{ signature: string; paquets: Map<number, PaquetResumes> }> {
  if (!cache) {
    const tous = await db.paquetsResumes.toArray();
    return { signature: signatureDe(tous.map((p) => [p.id, p.version])), paquets: new Map(tous.map((p) => [p.id, p])) };
  }
  const cles = (await db.paquetsResumes.orderBy('[id+version]').keys()) as unknown as [number, string][];
  const paquets = new Map<number, PaquetResumes>();
  for (const [n, version] of cles) {
    const connu = cache.paquets.get(n);
    if (connu?.version === version) paquets.set(n, connu);
  }
  if (paquets.size < cles.length) {
    for (const p of await db.paquetsResumes.bulkGet(cles.map(([n]) => n).filter((n) => !paquets.has(n)))) if (p) paquets.set(p.id, p);
  }
  return { signature: signatureDe(cles), paquets };
}

/** In one transaction: the background refresh moving the summaries of an earlier version never shows between two reads. */
function resumesTries(db: RelogementDb): Promise<{ resumes: ResumeMenage[]; anciens: number }> {
  return db.transaction('r', db.paquetsResumes, db.resumes, async () => {
    const cache = caches.get(db);
    const [{ signature, paquets }, anciens] = await Promise.all([paquetsAJour(db, cache), db.resumes.count()]);
    if (cache && anciens === 0 && cache.signature === signature) return { resumes: cache.resumes, anciens };
    const resumes = [...paquets.values()].flatMap((p) => p.resumes);
    // Until the background refresh has moved them: the summaries an earlier version stored one per row.
    if (anciens > 0) {
      const tenus = new Set(resumes.map((r) => r.id));
      resumes.push(...(await db.resumes.toArray()).filter((r) => !tenus.has(r.id)));
    }
    resumes.sort((a, b) => (a.cleTri < b.cleTri ? -1 : a.cleTri > b.cleTri ? 1 : 0));
    caches.set(db, { signature, paquets, resumes });
    return { resumes, anciens };
  });
}

/** At lock: the decrypted summaries leave memory with the key. */
export const oublierResumesEnMemoire = (db: RelogementDb) => void caches.delete(db);

/** The résidences to filter the caseload by, in name order. */
export async function residences(db: RelogementDb): Promise<Residence[]> {
  return (await db.residences.toArray()).filter((r) => !r.supprime).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

/** The background refresh waits this long after the caseload asked for it: the officer's first search comes first. */
const REPIT_AVANT_RAFRAICHISSEMENT_MS = 2_000;

/**
 * Summaries of another format, or computed with other settings or for an earlier day, are
 * brought up to date in the background, by a module loaded then: the caseload shows them as they
 * are meanwhile, and reads them again as they change. At the first start of a day that is every
 * row: loading the module and sealing rows again would compete with the first search typed.
 */
function rafraichirEnArrierePlan(db: RelogementDb, aujourdhui: string): void {
  setTimeout(
    () =>
      void import('./resume-calcul.ts').then((m) => m.rafraichirEnArrierePlan(db, aujourdhui)).catch((e: unknown) => console.error(e)),
    REPIT_AVANT_RAFRAICHISSEMENT_MS,
  );
}

/**
 * Every household of the caseload (deleted ones left out) in name order, and its alerts of the day,
 * computed once. `aJour` false: some summaries are of another day, format or settings, and their
 * dossier and clocks are being computed again in the background (the caseload says so).
 */
export type MenagesDuJour = { resumes: ResumeMenage[]; alertes: CodeAlerte[][]; aJour: boolean };

/**
 * The caseload's households with their alerts: read again only when the data changes, so that a
 * search filters these in memory (`filtrerMenages`) without reading the database nor computing the
 * alerts again.
 */
export async function lireMenagesDuJour(db: RelogementDb, aujourdhui: string): Promise<MenagesDuJour> {
  const [format, territoire, residences, perimes, { resumes, anciens }] = await Promise.all([
    db.meta.get(CLE_FORMAT_RESUMES),
    db.parametres.get('territoire'),
    db.residences.toArray(),
    db.paquetsResumes.where('calculeLe').below(aujourdhui).count(),
    resumesTries(db),
  ]);
  const aJour = perimes === 0 && anciens === 0 && format?.value === FORMAT_RESUMES;
  if (!aJour) rafraichirEnArrierePlan(db, aujourdhui);
  // The alerts depend on the day, the territory's settings and the résidences' openings besides the summaries.
  const regles = reglesContact(territoire);
  const cle = JSON.stringify([aujourdhui, aJour, regles, residences.map((r) => [r.id, r.dateOuverture])]);
  const cache = caches.get(db);
  if (cache?.resumes === resumes && cache.duJour?.cle === cle) return cache.duJour.menages;
  const alertesDe = regleAlertes(regles, aujourdhui);
  const ouverture = new Map(residences.map((r) => [r.id, r.dateOuverture]));
  const presents: ResumeMenage[] = [];
  const alertesDesPresents: CodeAlerte[][] = [];
  for (const r of resumes) {
    if (r.supprime) continue;
    const suiviActif = avantRelogementEnCours(r, aujourdhui);
    const alertes = alertesDe({ dateOuvertureResidence: ouverture.get(r.residenceId) ?? null, premierEntretienTermineLe: r.premierEntretienTermineLe, dernierContact: r.dernierContact, suiviActif });
    if (r.dossier?.alerte && suiviActif && (r.dossier.commence || ETAPES_DOSSIER.includes(r.statut))) alertes.push('dossier_a_completer');
    presents.push(r);
    alertesDesPresents.push(alertes);
  }
  const menages = { resumes: presents, alertes: alertesDesPresents, aJour };
  if (cache?.resumes === resumes) cache.duJour = { cle, menages };
  return menages;
}

/** The households matching the filter (the first LIGNES_AFFICHEES of them), alerts counted over the filtered set. */
export function filtrerMenages({ resumes, alertes: alertesDe }: MenagesDuJour, filtre: FiltreMenages): ResultatRecherche {
  const mots = normaliser(filtre.texte).split(/\s+/).filter(Boolean);
  const compteurs = Object.fromEntries(CODES_ALERTE.map((a) => [a, 0])) as Record<CodeAlerte, number>;
  const lignes: LigneMenage[] = [];
  let total = 0;
  resumes.forEach((r, i) => {
    const alertes = alertesDe[i]!;
    if (filtre.residenceId && r.residenceId !== filtre.residenceId) return;
    if (filtre.statut && r.statut !== filtre.statut) return;
    if (!mots.every((m) => r.texte.includes(m))) return;
    if (filtre.alerte && !alertes.includes(filtre.alerte)) return;
    alertes.forEach((a) => compteurs[a]++);
    total++;
    if (lignes.length < LIGNES_AFFICHEES) lignes.push({ ...r, alertes });
  });
  return { lignes, total, ensemble: resumes.length, compteurs };
}

/** The caseload: every household matching the filter, alerts counted over the filtered set. */
export async function rechercherMenages(db: RelogementDb, filtre: FiltreMenages, aujourdhui: string): Promise<ResultatRecherche> {
  return filtrerMenages(await lireMenagesDuJour(db, aujourdhui), filtre);
}
