import type { EtatOccupation, LogementOccupe, Occupation } from './resultat.ts';
import { NORME_INSEE, type ParametresInsee } from './parametres-normes.ts';
import { ageEnAnnees, type Occupant } from './occupant.ts';
import { nombreFr, pluriel } from './texte.ts';

// INSEE room norm (indice de peuplement) with its surface corrections (docs/domaine.md §10):
// 1 living room + 1 per couple or family reference person + 1 per other person aged 19+ +
// for younger singles 1 room per 2 children of the same sex or both under 7, else 1 each.

export type BesoinInsee = {
  total: number;
  couple: number;
  /** The leaseholder without a partner, and every other person of adult age. */
  adultes: number;
  enfants: number;
  nombreEnfants: number;
};

type Enfant = { jeune: boolean; sexe: 'F' | 'M' | null };

/** Fewest rooms for the children: pairs of the same sex, then young ones together. */
function chambresEnfants(enfants: readonly Enfant[]): number {
  let chambres = 0;
  let jeunesLibres = enfants.filter((e) => e.jeune).length;
  for (const sexe of ['F', 'M'] as const) {
    const grands = enfants.filter((e) => !e.jeune && e.sexe === sexe).length;
    const jeunesMemeSexe = enfants.filter((e) => e.jeune && e.sexe === sexe).length;
    chambres += Math.floor(grands / 2);
    // An odd older child shares with a young one of the same sex rather than sleep alone.
    if (grands % 2 === 1) {
      chambres += 1;
      if (jeunesMemeSexe > 0) jeunesLibres -= 1;
    }
  }
  chambres += enfants.filter((e) => !e.jeune && e.sexe === null).length;
  return chambres + Math.ceil(jeunesLibres / 2);
}

export function besoinInsee(occupants: readonly Occupant[], date: string, p: ParametresInsee = NORME_INSEE): BesoinInsee {
  const titulaire = occupants.findIndex((o) => o.lien === 'titulaire');
  const conjoint = occupants.findIndex((o) => o.lien === 'conjoint');
  const couple = titulaire >= 0 && conjoint >= 0 ? 1 : 0;
  let adultes = 0;
  const enfants: Enfant[] = [];
  occupants.forEach((o, i) => {
    if (couple && (i === titulaire || i === conjoint)) return;
    const age = ageEnAnnees(o.dateNaissance, date);
    if (o.lien === 'titulaire' || age >= p.ageAdulte) adultes += 1;
    else enfants.push({ jeune: age < p.ageJeuneEnfant, sexe: o.sexe });
  });
  const chambres = chambresEnfants(enfants);
  return { total: 1 + couple + adultes + chambres, couple, adultes, enfants: chambres, nombreEnfants: enfants.length };
}

type Correction = 'studio' | 'surface' | null;

function piecesInsee(logement: LogementOccupe, p: ParametresInsee): number | null {
  if (logement.pieces === null) return null;
  const grandeCuisine = (logement.surfaceCuisine ?? 0) > p.surfaceCuisinePiece ? 1 : 0;
  return logement.pieces + grandeCuisine;
}

function correctionInsee(pieces: number, besoin: number, personnes: number, surface: number | null, p: ParametresInsee): Correction {
  if (surface === null) return null;
  if (personnes === 1 && pieces === 1 && surface > p.surfaceStudioNormal) return 'studio';
  if (pieces >= besoin && surface < p.surfaceMinParPersonne * personnes) return 'surface';
  return null;
}

/** Rooms minus need after the surface corrections: −1 one room missing, +2 two rooms too many; null when unknown. */
export function ecartInsee(besoin: number, personnes: number, logement: LogementOccupe, p: ParametresInsee = NORME_INSEE): number | null {
  const pieces = piecesInsee(logement, p);
  if (pieces === null) return null;
  const correction = correctionInsee(pieces, besoin, personnes, logement.surface, p);
  if (correction === 'studio') return 0;
  if (correction === 'surface') return -1;
  return pieces - besoin;
}

export function etatInsee(ecart: number | null): EtatOccupation {
  if (ecart === null) return 'indetermine';
  if (ecart < 0) return 'suroccupation';
  return ecart > 0 ? 'sous-occupation' : 'adapte';
}

export function niveauInsee(ecart: number): string | undefined {
  if (ecart <= -2) return 'accentué';
  if (ecart === -1 || ecart === 1) return 'modéré';
  if (ecart === 2) return 'prononcé';
  return ecart >= 3 ? 'très accentué' : undefined;
}

function composantes(b: BesoinInsee, p: ParametresInsee): string {
  const parts = ['1 séjour'];
  if (b.couple) parts.push('1 pour le couple');
  if (b.adultes) parts.push(`${b.adultes} pour ${b.adultes > 1 ? 'les adultes' : 'l’adulte'} hors couple`);
  if (b.enfants) parts.push(`${b.enfants} pour ${pluriel(b.nombreEnfants, 'enfant')} de moins de ${p.ageAdulte} ans`);
  return parts.join(', ');
}

export function occupationInsee(
  besoin: BesoinInsee,
  personnes: number,
  logement: LogementOccupe,
  p: ParametresInsee = NORME_INSEE,
): Occupation {
  const pieces = piecesInsee(logement, p);
  const ecart = ecartInsee(besoin.total, personnes, logement, p);
  const etat = etatInsee(ecart);
  if (pieces === null || ecart === null)
    return { etat, detail: 'Nombre de pièces inconnu : la norme de l’INSEE ne peut pas être appliquée.' };
  const niveau = niveauInsee(ecart);
  const constat = `Besoin selon l’INSEE : ${pluriel(besoin.total, 'pièce')} (${composantes(besoin, p)}) ; le logement en compte ${pieces}`;
  const correction = correctionInsee(pieces, besoin.total, personnes, logement.surface, p);
  const surface = logement.surface ?? 0;
  const verdicts: Record<EtatOccupation, string> = {
    suroccupation:
      correction === 'surface'
        ? ` mais moins de ${p.surfaceMinParPersonne} m² par personne (${nombreFr(surface / personnes)} m²) : surpeuplement ${niveau}.`
        : ` : surpeuplement ${niveau} (${pluriel(-ecart, 'pièce manquante', 'pièces manquantes')}).`,
    'sous-occupation': ` : sous-peuplement ${niveau} (${pluriel(ecart, 'pièce')} de plus que la norme).`,
    adapte:
      correction === 'studio'
        ? `, de plus de ${p.surfaceStudioNormal} m² pour une personne seule : peuplement normal.`
        : ' : peuplement normal.',
    indetermine: '',
  };
  return { etat, ...(niveau ? { niveau } : {}), detail: `${constat}${verdicts[etat]}` };
}
