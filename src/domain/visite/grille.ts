import { z } from 'zod';
import { isoDateSchema, enumeration } from '../commun/index.ts';
import { commentaireSchema, noteSchema } from './echelle.ts';

// The grid of a courtesy visit (charte §4 step 13): is the home suitable, how is the household
// settling, what does the budget look like now, does it need support. Structured answers feed
// the reports; every answer may stay empty.

const choix = <const T extends readonly [string, ...string[]]>(valeurs: T, quoi: string) =>
  z
    .enum(valeurs, { error: `${quoi} : choisissez parmi ${valeurs.join(', ')}.` })
    .nullable()
    .default(null);

export const TAILLES = ['adaptee', 'trop_petit', 'trop_grand'] as const;
export const ETATS = ['bon', 'correct', 'degrade'] as const;
export const EQUIPEMENTS = ['complets', 'a_completer', 'defaillants'] as const;

export const adaptationSchema = z.object({
  taille: choix(TAILLES, 'Taille du logement'),
  etat: choix(ETATS, 'État du logement'),
  equipements: choix(EQUIPEMENTS, 'Équipements'),
  travauxDemandes: z.boolean({ error: 'Travaux demandés : oui ou non.' }).nullable().default(null),
  travaux: z.string().max(2000).default(''),
  commentaire: commentaireSchema,
});

export const installationSchema = z.object({
  quartier: noteSchema('Intégration dans le quartier'),
  services: noteSchema('Accès aux services et commerces'),
  ecoles: noteSchema('Écoles et modes de garde'),
  transports: noteSchema('Transports'),
  commentaire: commentaireSchema,
});

const montant = (quoi: string) =>
  z
    .number({ error: `${quoi} : un montant en euros par mois.` })
    .min(0, `${quoi} ne peut pas être négatif.`)
    .nullable()
    .default(null);

/** The three figures of charte §7.1, as the simulation engine computed them. */
export const chiffresSchema = z.object({
  resteACharge: z.number({ error: 'Reste à charge : un montant en euros par mois.' }),
  tauxEffort: z.number({ error: 'Taux d’effort : un pourcentage.' }).nullable(),
  resteAVivre: z.number({ error: 'Reste à vivre : un montant en euros par jour et par personne.' }),
});
export type Chiffres = z.infer<typeof chiffresSchema>;

export const budgetSchema = z.object({
  nouveauLoyer: montant('Le nouveau loyer'),
  charges: montant('Les charges'),
  apl: montant('L’APL'),
  ressources: montant('Les ressources'),
  avant: chiffresSchema.nullable().default(null),
  apres: chiffresSchema.nullable().default(null),
});

const besoins = enumeration({
  social: 'Accompagnement social',
  emploi: 'Emploi, insertion',
  sante: 'Santé',
  budget: 'Budget',
  administratif: 'Démarches administratives',
  illettrisme: 'Lecture, écriture',
  mobilite: 'Mobilité',
  autre: 'Autre',
});
export const BESOINS = besoins.valeurs;
export const LIBELLES_BESOIN = besoins.libelles;

export const orientationPartenaireSchema = z.object({
  partenaire: z.string().min(1, 'Indiquez le partenaire vers qui le ménage est orienté.').max(200),
  objet: z.string().max(1000).default(''),
  le: isoDateSchema.nullable().default(null),
});

export const accompagnementSchema = z.object({
  besoins: z
    .array(z.enum(BESOINS, { error: 'Besoin d’accompagnement inconnu.' }))
    .max(BESOINS.length)
    .default([]),
  orientations: z.array(orientationPartenaireSchema).max(20).default([]),
  commentaire: commentaireSchema,
});

export const prochaineEtapeSchema = z.object({
  action: z.string().max(1000).default(''),
  date: isoDateSchema.nullable().default(null),
});

export const grilleVisiteSchema = z.object({
  adaptation: adaptationSchema.prefault({}),
  installation: installationSchema.prefault({}),
  budget: budgetSchema.prefault({}),
  accompagnement: accompagnementSchema.prefault({}),
  prochaineEtape: prochaineEtapeSchema.prefault({}),
});
export type GrilleVisite = z.infer<typeof grilleVisiteSchema>;
