import type { EtatOccupation, Occupation } from './resultat.ts';
import { SURFACE_CAF, type ParametresSurfaceCaf } from './parametres-normes.ts';
import { nombreFr, pluriel } from './texte.ts';

// CCH L822-10 (ex-CSS D542-14 2°), the housing-benefit surface norm: a minimum living area by
// household size; it defines no under-occupation.

export function surfaceMinimaleCaf(personnes: number, p: ParametresSurfaceCaf = SURFACE_CAF): number {
  if (personnes <= 1) return p.unePersonne;
  return Math.min(p.plafond, p.deuxPersonnes + (personnes - 2) * p.parPersonneEnPlus);
}

export function etatCafSurface(personnes: number, surface: number | null, p: ParametresSurfaceCaf = SURFACE_CAF): EtatOccupation {
  if (surface === null) return 'indetermine';
  return surface < surfaceMinimaleCaf(personnes, p) ? 'suroccupation' : 'adapte';
}

export function occupationCafSurface(personnes: number, surface: number | null, p: ParametresSurfaceCaf = SURFACE_CAF): Occupation {
  const etat = etatCafSurface(personnes, surface, p);
  if (surface === null) return { etat, detail: 'Surface inconnue : la norme de surface des aides au logement ne peut pas être appliquée.' };
  const minimum = surfaceMinimaleCaf(personnes, p);
  const constat = `${nombreFr(surface)} m² pour ${pluriel(personnes, 'personne')}`;
  const verdict =
    etat === 'suroccupation'
      ? `en dessous des ${nombreFr(minimum)} m² de la norme des aides au logement : suroccupation.`
      : `au moins ${nombreFr(minimum)} m² requis par la norme des aides au logement : surface suffisante.`;
  return { etat, detail: `${constat} : ${verdict}` };
}
