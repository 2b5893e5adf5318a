import { dateEnLettres, LIBELLES_TYPOLOGIE, type Offre, type ResultatSimulation } from '../../domain/index.ts';

// Shared wording of the proposals screen and its papers.

export const le = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateEnLettres(iso) : '—');

export function libelleOffre(o: Offre | undefined): string {
  if (!o) return 'Logement inconnu sur cette tablette';
  const lieu = [o.adresse, o.commune].filter(Boolean).join(', ');
  const type = [
    o.typologie ? LIBELLES_TYPOLOGIE[o.typologie] : '',
    o.surface !== null ? `${new Intl.NumberFormat('fr-FR').format(o.surface)} m²` : '',
  ]
    .filter(Boolean)
    .join(' de ');
  return [type, lieu, o.referenceBailleur ? `réf. ${o.referenceBailleur}` : ''].filter(Boolean).join(' · ') || 'Logement à compléter';
}

/** The simulation a proposal keeps, as `instantaneSimulation` stored it; null when there was none. */
export type Instantane = { libelle: string; creeLe: string; resultat: ResultatSimulation };

export function lireInstantane(json: unknown): Instantane | null {
  if (typeof json !== 'object' || json === null) return null;
  const i = json as Partial<Instantane>;
  return i.resultat && typeof i.resultat === 'object' && 'apres' in i.resultat ? (i as Instantane) : null;
}

export const nomPersonne = (p: { prenom: string; nom: string }): string =>
  [p.prenom, p.nom].filter(Boolean).join(' ') || 'Occupant sans nom';
