import { z } from 'zod';
import { idSchema, enumeration } from '../commun/index.ts';

// Each occupant of the household (charte §2.2 A: the état d'occupation, hosted persons with proof
// of 8 months, décohabitation wishes).
const liens = enumeration({
  titulaire: 'Titulaire du bail',
  conjoint: 'Conjoint(e)',
  enfant: 'Enfant',
  parent: 'Parent',
  autre_famille: 'Autre membre de la famille',
  heberge: 'Personne hébergée',
  autre: 'Autre',
});
export const LIENS = liens.valeurs;
export const lienSchema = z.enum(LIENS, { message: 'Lien avec le titulaire inconnu.' });
export type Lien = z.infer<typeof lienSchema>;
export const LIBELLES_LIEN = liens.libelles;

const activites = enumeration({
  salarie: 'Salarié(e)',
  independant: 'Indépendant(e)',
  demandeur_emploi: 'Demandeur d’emploi',
  retraite: 'Retraité(e)',
  etudiant: 'Étudiant(e)',
  scolaire: 'Scolarisé(e)',
  formation: 'En formation',
  sans_activite: 'Sans activité',
  invalidite: 'Invalidité',
  autre: 'Autre',
});
export const ACTIVITES = activites.valeurs;
export const activiteSchema = z.enum(ACTIVITES, { message: 'Activité inconnue.' });
export type Activite = z.infer<typeof activiteSchema>;
export const LIBELLES_ACTIVITE = activites.libelles;

export const SEXES = ['F', 'M'] as const;

/** Enough to know whether a residence permit is asked (CCH R441-2-4, docs/domaine.md §4: non-EU/EEA/Swiss nationals). */
const nationalites = enumeration({
  francaise: 'Française',
  ue: 'Union européenne, EEE ou Suisse',
  hors_ue: 'Autre (titre de séjour)',
});
export const NATIONALITES = nationalites.valeurs;
export const LIBELLES_NATIONALITE = nationalites.libelles;

/** Stored as typed: birth and hosting dates are checked by `verifierPersonne`, never refused at save. */
export const personneSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  prenom: z.string().max(120).default(''),
  nom: z.string().max(120).default(''),
  lien: lienSchema.default('autre'),
  sexe: z.enum(SEXES).nullable().default(null),
  dateNaissance: z.string().max(10).default(''),
  activite: activiteSchema.nullable().default(null),
  hebergeDepuis: z.string().max(10).default(''),
  handicap: z.boolean().default(false),
  /** Absent on older records and literals, so they stay valid; unknown asks for nothing more. */
  nationalite: z.enum(NATIONALITES).nullable().optional(),
  souhaitDecohabitation: z.boolean().default(false),
  supprime: z.boolean().optional(),
});
export type Personne = z.infer<typeof personneSchema>;
