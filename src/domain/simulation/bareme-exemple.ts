import type { BaremeFsl, PostesFsl } from './bareme.ts';

// The official FSL amounts are not published in machine-readable form (docs/domaine.md §5):
// the app ships this clearly labelled example so it works out of the box, and says so on every
// simulation until an administrator enters the Département's barème. Orders of magnitude follow
// published local figures (docs/domaine.md §5, e.g. the Pas-de-Calais 140 € lump sum of charges).
const postesExemple: PostesFsl = {
  eau: { parTaille: [15, 25, 35, 45, 55, 65], parPersonneSupplementaire: 10 },
  eauChaude: { parTaille: [12, 18, 24, 30, 36, 42], parPersonneSupplementaire: 6 },
  chauffage: { parTaille: [45, 55, 65, 75, 85, 95], parPersonneSupplementaire: 10 },
  electricite: { parTaille: [35, 45, 55, 65, 75, 85], parPersonneSupplementaire: 10 },
  gaz: { parTaille: [10, 12, 14, 16, 18, 20], parPersonneSupplementaire: 2 },
  assuranceHabitation: { parTaille: [12, 14, 16, 18, 20, 22], parPersonneSupplementaire: 2 },
  telephone: { parTaille: [25, 30, 35, 40, 45, 50], parPersonneSupplementaire: 5 },
};

export const SOURCE_BAREME_EXEMPLE = 'Barème d’exemple — à remplacer par le barème FSL du Département';

export const BAREME_EXEMPLE: BaremeFsl = {
  id: '0190a5c0-0000-7000-8000-000000000001',
  territoire: 'Exemple (aucun territoire)',
  debut: '2023-01-01',
  fin: null,
  source: SOURCE_BAREME_EXEMPLE,
  exemple: true,
  postes: postesExemple,
};
