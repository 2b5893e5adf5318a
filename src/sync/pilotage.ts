import { z } from 'zod';
import { UNITES, filtresPilotageSchema, type Chiffre, type Tableau } from '../domain/index.ts';

// The steering report the server computes (GET /api/v1/pilotage), as the device parses it.

const celluleSchema = z.union([z.string(), z.number(), z.null()]);
const tableauSchema: z.ZodType<Tableau> = z.object({
  code: z.string(),
  titre: z.string(),
  colonnes: z.array(z.string()),
  lignes: z.array(z.array(celluleSchema)),
  source: z.string().optional(),
  description: z.string().optional(),
});
const chiffreSchema: z.ZodType<Chiffre> = z.object({
  code: z.string(),
  libelle: z.string(),
  description: z.string(),
  source: z.string(),
  unite: z.enum(UNITES),
  valeur: z.number().nullable(),
  numerateur: z.number().nullable(),
  denominateur: z.number().nullable(),
  raison: z.string().nullable(),
  objectif: z.object({ sens: z.enum(['au_moins', 'au_plus']), valeur: z.number(), libelle: z.string() }).nullable(),
  atteint: z.boolean().nullable(),
  menageIds: z.array(z.string()),
});

/** What the filters of the report offer: the operations, résidences, landlords and towns of the organisations reported on. */
export const choixPilotageSchema = z.object({
  operations: z.array(z.object({ id: z.string(), nom: z.string() })),
  residences: z.array(z.object({ id: z.string(), nom: z.string(), operationId: z.string() })),
  bailleurs: z.array(z.string()),
  communes: z.array(z.string()),
});
export type ChoixPilotage = z.infer<typeof choixPilotageSchema>;

/** The report as the domain computes it, with what only the server adds. */
export const pilotageResponseSchema = z.object({
  filtres: filtresPilotageSchema,
  vide: z.boolean(),
  chiffres: z.array(chiffreSchema),
  tableaux: z.array(tableauSchema),
  /** The caseload per officer (named), for an organisation's own encadrant only. */
  charge: tableauSchema.nullable(),
  /** No household identifier anywhere: the métropole, the State, a landlord's partner account. */
  agregatsSeulement: z.boolean(),
  choix: choixPilotageSchema,
});
export type PilotageResponse = z.infer<typeof pilotageResponseSchema>;
