import { CODES_ALERTE, alertesContact } from '../domain/index.ts';
import type { CodeAlerte, StatutMenage } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { normaliser } from './resume.ts';
import type { ResumeMenage } from './resume.ts';
import { lireParametres } from './referentiel.ts';

export type FiltreMenages = { texte: string; residenceId: string | null; statut: StatutMenage | null; alerte: CodeAlerte | null };
export type LigneMenage = ResumeMenage & { alertes: CodeAlerte[] };
export type ResultatRecherche = { lignes: LigneMenage[]; total: number; ensemble: number; compteurs: Record<CodeAlerte, number> };

const STATUTS_SANS_RELANCE: readonly StatutMenage[] = ['reloge', 'suivi', 'clos'];
export const LIGNES_AFFICHEES = 100;
const ordre = new Intl.Collator('fr');

/** The caseload: every household matching the filter, alerts counted over the filtered set. */
export async function rechercherMenages(db: RelogementDb, filtre: FiltreMenages, aujourdhui: string): Promise<ResultatRecherche> {
  const [resumes, residences, parametres] = await Promise.all([db.resumes.toArray(), db.residences.toArray(), lireParametres(db)]);
  const ouverture = new Map(residences.map((r) => [r.id, r.dateOuverture]));
  const mots = normaliser(filtre.texte).split(/\s+/).filter(Boolean);
  const compteurs = Object.fromEntries(CODES_ALERTE.map((a) => [a, 0])) as Record<CodeAlerte, number>;
  const retenus: LigneMenage[] = [];
  let ensemble = 0;
  for (const r of resumes) {
    if (r.supprime) continue;
    ensemble++;
    if (filtre.residenceId && r.residenceId !== filtre.residenceId) continue;
    if (filtre.statut && r.statut !== filtre.statut) continue;
    if (!mots.every((m) => r.texte.includes(m))) continue;
    const alertes = alertesContact(
      { dateOuvertureResidence: ouverture.get(r.residenceId) ?? null, premierEntretienTermineLe: r.premierEntretienTermineLe, dernierContact: r.dernierContact, suiviActif: !STATUTS_SANS_RELANCE.includes(r.statut) },
      parametres,
      aujourdhui,
    );
    if (filtre.alerte && !alertes.includes(filtre.alerte)) continue;
    alertes.forEach((a) => compteurs[a]++);
    retenus.push({ ...r, alertes });
  }
  retenus.sort((a, b) => ordre.compare(a.nom, b.nom));
  return { lignes: retenus.slice(0, LIGNES_AFFICHEES), total: retenus.length, ensemble, compteurs };
}
