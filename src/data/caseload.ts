import { CODES_ALERTE, regleAlertes } from '../domain/index.ts';
import type { AlerteDossier, CodeAlerte, CodeVigilance, StatutMenage } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { normaliser } from './resume.ts';
import type { ResumeMenage } from './resume.ts';
import { lireParametres } from './referentiel.ts';
import { CLE_VERSION_RESUMES } from './ecriture.ts';
import { resumesDossiers } from './dossier.ts';
import { vigilancesDesMenages } from './vigilance.ts';
import { alertesPropositionsDesMenages } from './alertes-propositions.ts';

export type FiltreMenages = { texte: string; residenceId: string | null; statut: StatutMenage | null; alerte: CodeAlerte | null };
export type LigneMenage = ResumeMenage & { alertes: CodeAlerte[]; vigilance: CodeVigilance[]; delais: AlerteDossier[]; completudeDossier: number | null };
export type ResultatRecherche = { lignes: LigneMenage[]; total: number; ensemble: number; compteurs: Record<CodeAlerte, number> };

const STATUTS_SANS_RELANCE: readonly StatutMenage[] = ['reloge', 'suivi', 'clos'];
/** The dossier is chased from its step (DOMAIN.md §2 step 3) to the proposal, or once a piece is recorded. */
const ETAPES_DOSSIER: readonly StatutMenage[] = ['dossier', 'oriente', 'proposition'];
const LIGNES_AFFICHEES = 100;
const ordre = new Intl.Collator('fr');

// The summaries sorted by name, kept between searches: typing in the search box then costs a filter,
// not a read of 5,000 rows. Reading the version key keeps live queries subscribed to the changes.
const caches = new WeakMap<RelogementDb, { version: unknown; resumes: ResumeMenage[] }>();

async function resumesTries(db: RelogementDb): Promise<ResumeMenage[]> {
  const version = (await db.meta.get(CLE_VERSION_RESUMES))?.value ?? null;
  const cache = caches.get(db);
  if (cache && cache.version === version) return cache.resumes;
  const resumes = (await db.resumes.toArray()).sort((a, b) => ordre.compare(a.nom, b.nom));
  caches.set(db, { version, resumes });
  return resumes;
}

/** The caseload: every household matching the filter, alerts counted over the filtered set. */
export async function rechercherMenages(db: RelogementDb, filtre: FiltreMenages, aujourdhui: string): Promise<ResultatRecherche> {
  const [resumes, residences, parametres, dossiers] = await Promise.all([resumesTries(db), db.residences.toArray(), lireParametres(db), resumesDossiers(db, aujourdhui)]);
  const alertesDe = regleAlertes(parametres, aujourdhui);
  const ouverture = new Map(residences.map((r) => [r.id, r.dateOuverture]));
  const mots = normaliser(filtre.texte).split(/\s+/).filter(Boolean);
  const compteurs = Object.fromEntries(CODES_ALERTE.map((a) => [a, 0])) as Record<CodeAlerte, number>;
  const retenus: Omit<LigneMenage, 'vigilance' | 'delais'>[] = [];
  let ensemble = 0;
  for (const r of resumes) {
    if (r.supprime) continue;
    ensemble++;
    if (filtre.residenceId && r.residenceId !== filtre.residenceId) continue;
    if (filtre.statut && r.statut !== filtre.statut) continue;
    if (!mots.every((m) => r.texte.includes(m))) continue;
    const alertes = alertesDe({
      dateOuvertureResidence: ouverture.get(r.residenceId) ?? null,
      premierEntretienTermineLe: r.premierEntretienTermineLe,
      dernierContact: r.dernierContact,
      suiviActif: !STATUTS_SANS_RELANCE.includes(r.statut),
    });
    const dossier = dossiers.get(r.id);
    if (dossier?.alerte && !STATUTS_SANS_RELANCE.includes(r.statut) && (dossier.commence || ETAPES_DOSSIER.includes(r.statut))) alertes.push('dossier_a_completer');
    if (filtre.alerte && !alertes.includes(filtre.alerte)) continue;
    alertes.forEach((a) => compteurs[a]++);
    retenus.push({ ...r, alertes, completudeDossier: dossier?.completude ?? null });
  }
  // The watch flag after the move is read for the rows shown only: a few visits, not the whole caseload's.
  const lignes = retenus.slice(0, LIGNES_AFFICHEES);
  const [vigilances, delais] = await Promise.all([vigilancesDesMenages(db, lignes.map((l) => l.id)), alertesPropositionsDesMenages(db, lignes.map((l) => l.id), aujourdhui)]);
  return { lignes: lignes.map((l) => ({ ...l, vigilance: vigilances.get(l.id) ?? [], delais: delais.get(l.id) ?? [] })), total: retenus.length, ensemble, compteurs };
}
