// The figures of each occupancy norm, as dated data with their source (docs/domaine.md §10), so a
// territory or a new text can change them without touching the rules.

export type ParametresSurfaceCaf = {
  depuis: string;
  source: string;
  unePersonne: number;
  deuxPersonnes: number;
  parPersonneEnPlus: number;
  plafond: number;
};

export const SURFACE_CAF: ParametresSurfaceCaf = {
  depuis: '2019-09-01',
  source: 'CCH L822-10 (ex-CSS D542-14 2°) : 9 m² pour une personne, 16 m² pour deux, 9 m² par personne en plus, 70 m² au plus',
  unePersonne: 9,
  deuxPersonnes: 16,
  parPersonneEnPlus: 9,
  plafond: 70,
};

export type ParametresInsee = {
  depuis: string;
  source: string;
  /** From this age a single person needs a room of their own. */
  ageAdulte: number;
  /** Under this age two children share a room whatever their sex. */
  ageJeuneEnfant: number;
  /** A one-room dwelling larger than this, lived in by one person, is not overcrowded. */
  surfaceStudioNormal: number;
  /** Below this area per person a dwelling with enough rooms is still overcrowded. */
  surfaceMinParPersonne: number;
  /** A kitchen larger than this counts as a room. */
  surfaceCuisinePiece: number;
};

export const NORME_INSEE: ParametresInsee = {
  depuis: '2006-01-01',
  source: 'INSEE, indice de peuplement des logements avec corrections de surface (enquête Logement 2006)',
  ageAdulte: 19,
  ageJeuneEnfant: 7,
  surfaceStudioNormal: 25,
  surfaceMinParPersonne: 18,
  surfaceCuisinePiece: 12,
};
