import { enumeration, type ValeurDe } from '../commun/index.ts';

// The steps of the relocation process (charte §4; docs/domaine.md §2), in order. Without zod: the
// caseload, the first screen, shows these labels; the schemas are the household's (menage.ts).
const statutsMenage = enumeration({
  a_rencontrer: 'À rencontrer',
  entretien: 'Entretiens en cours',
  dossier: 'Dossier administratif',
  oriente: 'Orienté (GTR, GTRM, circuit)',
  proposition: 'Proposition en cours',
  reloge: 'Relogé (bail signé)',
  suivi: 'Visites de courtoisie',
  clos: 'Clos',
});
export const STATUTS_MENAGE = statutsMenage.valeurs;
export type StatutMenage = ValeurDe<typeof statutsMenage>;

export const LIBELLES_STATUT = statutsMenage.libelles;

/** The steps from the lease signature on: the household is relocated. */
export const STATUTS_RELOGE: ReadonlySet<StatutMenage> = new Set(['reloge', 'suivi', 'clos']);

const typesMenage = enumeration({
  locataire_social: 'Locataire du parc social',
  locataire_prive: 'Locataire du parc privé',
  proprietaire_occupant: 'Propriétaire occupant',
  foyer: 'Résident de foyer',
  sans_droit_ni_titre: 'Occupant sans droit ni titre',
});
export const TYPES_MENAGE = typesMenage.valeurs;
export type TypeMenage = ValeurDe<typeof typesMenage>;

export const LIBELLES_TYPE_MENAGE = typesMenage.libelles;
