import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { STATUTS_MENAGE, TYPES_MENAGE } from './statut.ts';
import { accordPartenaireSchema, partenaireSchema, refusConsentementSchema } from './consentement.ts';

export const statutMenageSchema = z.enum(STATUTS_MENAGE, { message: 'Statut inconnu.' });
export const typeMenageSchema = z.enum(TYPES_MENAGE, { message: 'Type de ménage inconnu.' });

// A household to relocate (docs/domaine.md §1). Searchable fields stay flat; the interview answers live
// in their own records so two officers editing different parts never touch the same record.
export const menageSchema = z.object({
  id: idSchema,
  residenceId: idSchema,
  /**
   * The users who follow the household (their account ids): who may see it on a chargée's tablet.
   * Set by an encadrant; a chargée creating a household becomes its référente. Right after
   * `residenceId` so that the batch creating a household carries them (docs/sync.md « Droits »).
   */
  referentId: idSchema.nullable().default(null),
  binomeId: idSchema.nullable().default(null),
  reference: z.string().max(60).default(''),
  nom: z.string().max(200),
  adresse: z.string().max(300).default(''),
  logement: z.string().max(60).default(''),
  telephone: z.string().max(40).default(''),
  type: typeMenageSchema.default('locataire_social'),
  statut: statutMenageSchema.default('a_rencontrer'),
  /** Display names written before the ids existed: shown until the users' list is known, never used for rights. */
  referent: z.string().max(120).default(''),
  binome: z.string().max(120).default(''),
  consentements: z.partialRecord(partenaireSchema, accordPartenaireSchema).default({}),
  refusConsentement: refusConsentementSchema.nullable().default(null),
  dernierContact: isoDateSchema.nullable().default(null),
  /** The lease signature of the new home (relocation done, follow-up counted from it); absent while not relocated. */
  dateRelogement: isoDateSchema.nullable().optional(),
  /** Décohabitation: the household this one comes from and the occupant who left it (docs/domaine.md §1); absent on others, so existing records and literals stay valid. */
  menageOrigineId: idSchema.nullable().optional(),
  personneOrigineId: idSchema.nullable().optional(),
  creeLe: isoDateSchema,
  supprime: z.boolean().optional(),
});
export type Menage = z.infer<typeof menageSchema>;
