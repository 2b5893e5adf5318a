import { POSTES_QUITTANCABLES, type LogementSimule, type PosteQuittancable } from '../simulation/index.ts';
import { piecesDeTypologie, type Offre, type OffreComplete } from './offre.ts';

// How an offer enters the simulation (charte §7.1 A). The receipt's water and heating are taken
// out of the charges when the landlord details them; an obligatory garage counts as rent.

const CHAMPS_INCLUS = {
  eau: { comprise: 'eauComprise', dont: 'dontEau' },
  eauChaude: { comprise: 'eauChaudeComprise', dont: 'dontEauChaude' },
  chauffage: { comprise: 'chauffageCompris', dont: 'dontChauffage' },
} as const satisfies Record<PosteQuittancable, { comprise: keyof Offre; dont: keyof Offre }>;

const surQuittance = (offre: Offre, poste: PosteQuittancable): boolean => offre[CHAMPS_INCLUS[poste].comprise];

export function logementDeLOffre(offre: OffreComplete, apl: number): LogementSimule {
  const part = (poste: PosteQuittancable): number | null => (surQuittance(offre, poste) ? (offre[CHAMPS_INCLUS[poste].dont] ?? 0) : null);
  const eau = part('eau');
  const eauChaude = part('eauChaude');
  const chauffage = part('chauffage');
  return {
    loyer: offre.loyer + (offre.garageObligatoire ? (offre.loyerGarage ?? 0) : 0),
    chargesGenerales: offre.charges - (eau ?? 0) - (eauChaude ?? 0) - (chauffage ?? 0),
    eau,
    eauChaude,
    chauffage,
    apl,
    surface: offre.surface,
    pieces: piecesDeTypologie(offre.typologie),
    surfaceCuisine: null,
  };
}

/**
 * Charges on the receipt whose part the landlord did not give: they stay inside the general
 * charges, which is exact when the current dwelling has them on its receipt too, and counts them
 * twice (receipt and lump sum) otherwise.
 */
export function partsNonDetaillees(offre: Offre): PosteQuittancable[] {
  return POSTES_QUITTANCABLES.filter((poste) => surQuittance(offre, poste) && offre[CHAMPS_INCLUS[poste].dont] === null);
}
