import { z } from 'zod';

// The steps of the relocation process (charte §4; DOMAIN.md §2), in order.
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
export const statutMenageSchema = z.enum(STATUTS_MENAGE, { message: 'Statut inconnu.' });
export type StatutMenage = z.infer<typeof statutMenageSchema>;

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

export const TYPES_MENAGE = ['locataire_social', 'locataire_prive', 'proprietaire_occupant', 'foyer', 'sans_droit_ni_titre'] as const;
export const typeMenageSchema = z.enum(TYPES_MENAGE, { message: 'Type de ménage inconnu.' });
export type TypeMenage = z.infer<typeof typeMenageSchema>;

export const LIBELLES_TYPE_MENAGE: Record<TypeMenage, string> = {
  locataire_social: 'Locataire du parc social',
  locataire_prive: 'Locataire du parc privé',
  proprietaire_occupant: 'Propriétaire occupant',
  foyer: 'Résident de foyer',
  sans_droit_ni_titre: 'Occupant sans droit ni titre',
};
