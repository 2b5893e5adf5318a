import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { heureSchema } from '../calendrier/index.ts';
import { circuitSchema } from './orientation.ts';

// One relocation proposal (charte §4 steps 7 to 12): an offer put to the partners, allotted by the
// CALEOL, visited, answered by the household, ending with the lease. Each step is its own field so
// two people recording different steps never overwrite each other. Records change only through
// `appliquerEvenement`, which keeps the steps in order.

export const MOTIFS_REFUS = [
  'etat_logement',
  'loyer_charges',
  'taille',
  'accessibilite',
  'etage',
  'localisation',
  'environnement',
  'eloignement',
  'autre',
] as const;
export const motifRefusSchema = z.enum(MOTIFS_REFUS, { error: 'Motif de refus inconnu : choisissez-le dans la liste.' });
export type MotifRefus = z.infer<typeof motifRefusSchema>;
export const LIBELLES_MOTIF_REFUS: Record<MotifRefus, string> = {
  etat_logement: 'État du logement',
  loyer_charges: 'Montant du loyer et des charges',
  taille: 'Taille du logement inadaptée',
  accessibilite: 'Logement inadapté à un handicap ou à la mobilité',
  etage: 'Étage ou absence d’ascenseur',
  localisation: 'Commune ou quartier',
  environnement: 'Environnement, voisinage',
  eloignement: 'Éloignement de l’école, du travail ou de la famille',
  autre: 'Autre motif',
};

export const AVIS = ['favorable', 'defavorable'] as const;
export const avisPartenaireSchema = z.object({
  avis: z.enum(AVIS, { error: 'Avis inconnu : favorable ou défavorable.' }),
  date: isoDateSchema,
  motif: z.string().max(2000).default(''),
});
export type AvisPartenaire = z.infer<typeof avisPartenaireSchema>;

export const DECISIONS_CALEOL = ['attribution', 'refus'] as const;
export const caleolSchema = z.object({
  date: isoDateSchema,
  decision: z.enum(DECISIONS_CALEOL, { error: 'Décision de la CALEOL inconnue : attribution ou refus.' }),
  motif: z.string().max(2000).default(''),
});

/** `sans_reponse`: silence past the deadline of a notified written offer, which counts as a refusal (CCH R441-10). */
export const DECISIONS_MENAGE = ['acceptation', 'refus', 'sans_reponse'] as const;
export const reponseMenageSchema = z.object({
  date: isoDateSchema,
  decision: z.enum(DECISIONS_MENAGE, { error: 'Réponse du ménage inconnue : acceptation, refus ou sans réponse.' }),
  motif: motifRefusSchema.nullable().default(null),
  commentaire: z.string().max(4000).default(''),
});

/** How the congé reached the household: its proof of delivery is the signed receipt or the bailiff's act (charte §3.4 C). */
export const MODES_CONGE = ['lettre_recommandee', 'huissier'] as const;
export const LIBELLES_MODE_CONGE: Record<(typeof MODES_CONGE)[number], string> = {
  lettre_recommandee: 'Lettre recommandée avec accusé de réception',
  huissier: 'Signification par commissaire de justice (huissier)',
};
export const congeSchema = z.object({
  mode: z.enum(MODES_CONGE, { error: 'Mode de remise du congé inconnu : lettre recommandée ou huissier.' }),
  envoyeLe: isoDateSchema,
  /** The day on the receipt or the act: the 6 months of CCH L442-6 run from it. */
  notifieLe: isoDateSchema,
  /** The receipt's number or the act's reference. */
  preuve: z.string().min(1, 'Indiquez la preuve de remise : numéro de l’accusé de réception ou référence de l’acte.').max(200),
});
export type Conge = z.infer<typeof congeSchema>;

/** The papers handed to the legal follow-up when the household stays after the 3rd refusal (charte §3.4 D). */
export const PIECES_SUITE_JURIDIQUE = [
  'propositions_ecrites',
  'refus_ecrits',
  'courrier_post_mediation',
  'conge',
  'preuve_remise_conge',
] as const;
export type PieceSuiteJuridique = (typeof PIECES_SUITE_JURIDIQUE)[number];
export const LIBELLES_PIECE_SUITE_JURIDIQUE: Record<PieceSuiteJuridique, string> = {
  propositions_ecrites: 'Les propositions écrites faites au ménage',
  refus_ecrits: 'Les refus du ménage et leurs motifs',
  courrier_post_mediation: 'Le courrier post-médiation',
  conge: 'Le congé',
  preuve_remise_conge: 'La preuve de remise du congé (accusé de réception ou acte)',
};
export const suiteJuridiqueSchema = z.object({
  transmisLe: isoDateSchema,
  destinataire: z.string().min(1, 'Indiquez à qui le dossier est transmis (service juridique, avocat…).').max(200),
  pieces: z
    .array(z.enum(PIECES_SUITE_JURIDIQUE, { error: 'Pièce inconnue pour la suite juridique.' }))
    .max(PIECES_SUITE_JURIDIQUE.length)
    .default([]),
  commentaire: z.string().max(2000).default(''),
});
export type SuiteJuridique = z.infer<typeof suiteJuridiqueSchema>;

export const propositionSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  offreId: idSchema,
  /** 1, 2, 3… among the proposals that reached the household; the 3rd is binding, later ones are further offers. */
  rang: z
    .number({ error: 'Indiquez le rang de la proposition.' })
    .int('Le rang de la proposition doit être entier.')
    .min(1, 'Le rang commence à 1.')
    .max(20, 'Rang de proposition improbable.'),
  circuit: circuitSchema,
  /** The simulation the offer was made with, kept exactly as it was then. */
  simulation: z.json().default(null),
  proposeeLe: isoDateSchema,
  /** Who must validate: each partner in the circuit dématérialisé, the group itself in GTR/GTRM. */
  partenaires: z
    .array(z.string().min(1, 'Nom de partenaire vide.').max(120))
    .min(1, 'Indiquez au moins un partenaire appelé à valider la proposition.')
    .max(20),
  avis: z.record(z.string(), avisPartenaireSchema).default({}),
  caleol: caleolSchema.nullable().default(null),
  visite: z
    .object({ date: isoDateSchema, heure: heureSchema.nullable().default(null) })
    .nullable()
    .default(null),
  /** Notification of the written offer, which starts the legal answer delay (CCH R441-10). */
  offreNotifieeLe: isoDateSchema.nullable().default(null),
  reponse: reponseMenageSchema.nullable().default(null),
  /** The relocation date: the relocation counts as done at the lease signature (charte §4 step 12). */
  bailSigneLe: isoDateSchema.nullable().default(null),
  retrait: z
    .object({ date: isoDateSchema, motif: z.string().max(2000) })
    .nullable()
    .default(null),
  /**
   * A temporary dwelling while the final one is found (charte §2.2 B and D): its lease and move are
   * the household's, but it is not one of the proposals of CCH L353-15 and the follow-up after
   * the move waits for the final lease.
   */
  temporaire: z.boolean().default(false),
  /** A refusal by the household judged legitimate: it does not count among its refusals (charte §3.4 C). */
  refusLegitime: z
    .object({ date: isoDateSchema, motif: z.string().min(1).max(2000) })
    .nullable()
    .default(null),
  /** The congé served with the binding proposal (charte §3.4 C, CCH L442-6). */
  conge: congeSchema.nullable().default(null),
  /** The file handed to the legal follow-up after the binding proposal was refused (charte §3.4 D). */
  suiteJuridique: suiteJuridiqueSchema.nullable().default(null),
  supprime: z.boolean().optional(),
});
export type Proposition = z.infer<typeof propositionSchema>;
