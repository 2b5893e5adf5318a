// The steps of the relocation process (charte §4; docs/domaine.md §2), in order. Without zod: the
// caseload, the first screen, shows these labels; the schemas are the household's (menage.ts).
export const STATUTS_MENAGE = [
  'a_rencontrer',
  'entretien',
  'dossier',
  'oriente',
  'proposition',
  'reloge',
  'suivi',
  'clos',
] as const;
export type StatutMenage = (typeof STATUTS_MENAGE)[number];

export const LIBELLES_STATUT: Record<StatutMenage, string> = {
  a_rencontrer: 'À rencontrer',
  entretien: 'Entretiens en cours',
  dossier: 'Dossier administratif',
  oriente: 'Orienté (GTR, GTRM, circuit)',
  proposition: 'Proposition en cours',
  reloge: 'Relogé (bail signé)',
  suivi: 'Visites de courtoisie',
  clos: 'Clos',
};

/** The steps from the lease signature on: the household is relocated. */
export const STATUTS_RELOGE: ReadonlySet<StatutMenage> = new Set(['reloge', 'suivi', 'clos']);

export const TYPES_MENAGE = ['locataire_social', 'locataire_prive', 'proprietaire_occupant', 'foyer', 'sans_droit_ni_titre'] as const;
export type TypeMenage = (typeof TYPES_MENAGE)[number];

export const LIBELLES_TYPE_MENAGE: Record<TypeMenage, string> = {
  locataire_social: 'Locataire du parc social',
  locataire_prive: 'Locataire du parc privé',
  proprietaire_occupant: 'Propriétaire occupant',
  foyer: 'Résident de foyer',
  sans_droit_ni_titre: 'Occupant sans droit ni titre',
};
