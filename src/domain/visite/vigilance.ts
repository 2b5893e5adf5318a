import { montantAffiche, enumeration, type ValeurDe } from '../commun/index.ts';
import type { ReglagesVigilance } from './reglages.ts';
import type { VisiteCourtoisie } from './visite-courtoisie.ts';

// Charte §4 step 13: watch the households whose reste à vivre after the move is under the alert
// line, or was near it before and did not clearly improve.
const codesVigilance = enumeration({
  RESTE_A_VIVRE_SOUS_SEUIL: 'Reste à vivre après relogement sous le seuil d’alerte',
  RESTE_A_VIVRE_SANS_AMELIORATION: 'Reste à vivre proche du seuil avant relogement et sans amélioration significative',
});
export const CODES_VIGILANCE = codesVigilance.valeurs;
export type CodeVigilance = ValeurDe<typeof codesVigilance>;
export const LIBELLES_VIGILANCE = codesVigilance.libelles;

// Figures are compared in cents, as shown (`montantAffiche`), so 6.80 → 7.30 counts as a rise of
// exactly 0.50 and the line is judged the same way as in the simulation.
const centimes = (euros: number) => Math.round(montantAffiche(euros) * 100);

export function vigilanceResteAVivre(avant: number | null, apres: number, r: ReglagesVigilance): CodeVigilance[] {
  const codes: CodeVigilance[] = [];
  if (centimes(apres) < centimes(r.seuilResteAVivre)) codes.push('RESTE_A_VIVRE_SOUS_SEUIL');
  if (
    avant !== null &&
    centimes(avant) < centimes(r.seuilProcheResteAVivre) &&
    centimes(apres) - centimes(avant) < centimes(r.ameliorationSignificative)
  ) {
    codes.push('RESTE_A_VIVRE_SANS_AMELIORATION');
  }
  return codes;
}

/** The watch flags of a visit report, from the figures recorded in its budget section. */
export function vigilanceVisite(v: Pick<VisiteCourtoisie, 'grille'>, r: ReglagesVigilance): CodeVigilance[] {
  const { avant, apres } = v.grille.budget;
  return apres === null ? [] : vigilanceResteAVivre(avant?.resteAVivre ?? null, apres.resteAVivre, r);
}
