import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { heureSchema } from '../calendrier/index.ts';
import { circuitSchema } from './orientation.ts';

// One relocation proposal (charte §4 steps 7 to 12): an offer put to the partners, allotted by the
// CALEOL, visited, answered by the household, ending with the lease. Each step is its own field so
// two people recording different steps never overwrite each other. Records change only through
// `appliquerEvenement`, which keeps the steps in order.

export const MOTIFS_REFUS = ['etat_logement', 'loyer_charges', 'taille', 'accessibilite', 'etage', 'localisation', 'environnement', 'eloignement', 'autre'] as const;
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

export const propositionSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  offreId: idSchema,
  /** 1, 2, 3… among the proposals that reached the household; the 3rd is binding, later ones are further offers. */
  rang: z.number({ error: 'Indiquez le rang de la proposition.' }).int('Le rang de la proposition doit être entier.').min(1, 'Le rang commence à 1.').max(20, 'Rang de proposition improbable.'),
  circuit: circuitSchema,
  /** The simulation the offer was made with, kept exactly as it was then. */
  simulation: z.json().default(null),
  proposeeLe: isoDateSchema,
  /** Who must validate: each partner in the circuit dématérialisé, the group itself in GTR/GTRM. */
  partenaires: z.array(z.string().min(1, 'Nom de partenaire vide.').max(120)).min(1, 'Indiquez au moins un partenaire appelé à valider la proposition.').max(20),
  avis: z.record(z.string(), avisPartenaireSchema).default({}),
  caleol: caleolSchema.nullable().default(null),
  visite: z.object({ date: isoDateSchema, heure: heureSchema.nullable().default(null) }).nullable().default(null),
  /** Notification of the written offer, which starts the legal answer delay (CCH R441-10). */
  offreNotifieeLe: isoDateSchema.nullable().default(null),
  reponse: reponseMenageSchema.nullable().default(null),
  /** The relocation date: the relocation counts as done at the lease signature (charte §4 step 12). */
  bailSigneLe: isoDateSchema.nullable().default(null),
  retrait: z.object({ date: isoDateSchema, motif: z.string().max(2000) }).nullable().default(null),
  supprime: z.boolean().optional(),
});
export type Proposition = z.infer<typeof propositionSchema>;
