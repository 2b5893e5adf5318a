import { ageEnAnnees, type Occupant } from '../occupation/index.ts';
import { forfait, type PosteFsl, type PostesFsl } from './bareme.ts';
import { DEPENSES_DECLAREES, type Depenses } from './entree.ts';
import { UNITES_CONSOMMATION, type ReglagesSimulation } from './reglages.ts';

// Charte §7.1 C: reste à vivre = (resources − reste à charge − mandatory expenses) / (occupants × 30);
// mandatory expenses are the FSL lump sums for electricity, gas, home insurance and telephone plus
// the declared taxes, alimony, mutuelle, CAF loan and repayment plans.

export const POSTES_DEPENSES = ['electricite', 'gaz', 'assuranceHabitation', 'telephone'] as const satisfies readonly PosteFsl[];

export function depensesIncompressibles(depenses: Depenses, postes: PostesFsl, taille: number): number {
  const forfaits = POSTES_DEPENSES.reduce((s, p) => s + forfait(postes, p, taille), 0);
  return DEPENSES_DECLAREES.reduce((s, d) => s + depenses[d], forfaits);
}

/** Consumption units: 1 for the eldest, 0.5 per other person aged 14 or more, 0.3 per younger child. */
export function unitesConsommation(occupants: readonly Occupant[], date: string): number {
  const ages = occupants.map((o) => ageEnAnnees(o.dateNaissance, date)).sort((a, b) => b - a);
  const uc = UNITES_CONSOMMATION;
  return ages.reduce((s, age, i) => s + (i === 0 ? uc.premierePersonne : age >= uc.ageEnfantJusqua ? uc.autrePersonne : uc.enfant), 0);
}

/**
 * Persons (or consumption units) × days: the charter divides by persons; a territory may choose
 * consumption units, which need the ages and fall back to persons without them.
 */
export function diviseurResteAVivre(
  occupants: number,
  composition: readonly Occupant[] | undefined,
  date: string,
  reglages: ReglagesSimulation,
): number {
  const parts = reglages.uniteResteAVivre === 'unite-consommation' && composition ? unitesConsommation(composition, date) : occupants;
  return parts * reglages.joursParMois;
}

export function resteAVivre(ressources: number, resteACharge: number, depenses: number, diviseur: number): number {
  return (ressources - resteACharge - depenses) / diviseur;
}
