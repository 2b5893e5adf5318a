import { z } from 'zod';
import { idSchema } from '../commun/index.ts';
import { commentaireSchema, noteSchema } from './echelle.ts';
import { rendezVousChamps } from './rendez-vous.ts';

// The satisfaction survey of every household 6 months after the move (charte §4 step 14): how
// the operation went, the new home, the new neighbourhood.
export const deroulementSchema = z.object({
  information: noteSchema('Information reçue sur le relogement'),
  ecoute: noteSchema('Écoute du chargé de relogement'),
  souhaits: noteSchema('Prise en compte des souhaits'),
  demenagement: noteSchema('Organisation du déménagement'),
  delais: noteSchema('Délais du relogement'),
  commentaire: commentaireSchema,
});

export const logementSchema = z.object({
  global: noteSchema('Satisfaction sur le nouveau logement'),
  taille: noteSchema('Taille du logement'),
  etat: noteSchema('État du logement'),
  equipements: noteSchema('Équipements du logement'),
  cout: noteSchema('Loyer et charges'),
  commentaire: commentaireSchema,
});

export const INTEGRATIONS = ['oui', 'en_partie', 'non'] as const;

export const quartierSchema = z.object({
  global: noteSchema('Satisfaction sur le nouveau quartier'),
  commerces: noteSchema('Commerces et services'),
  transports: noteSchema('Transports'),
  ecoles: noteSchema('Écoles et modes de garde'),
  voisinage: noteSchema('Voisinage et tranquillité'),
  integration: z.enum(INTEGRATIONS, { error: 'Se sent intégré : oui, en partie ou non.' }).nullable().default(null),
  commentaire: commentaireSchema,
});

export const enqueteSatisfactionSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  ...rendezVousChamps,
  deroulement: deroulementSchema.prefault({}),
  logement: logementSchema.prefault({}),
  quartier: quartierSchema.prefault({}),
  commentaire: commentaireSchema,
  supprime: z.boolean().optional(),
});
export type EnqueteSatisfaction = z.infer<typeof enqueteSatisfactionSchema>;
