import { z } from 'zod';
import { idSchema } from '../commun/index.ts';

// One piece of the administrative dossier (CCH R441-2-4; docs/domaine.md §4): what it is,
// whom it concerns, where it stands, and its pages, each a photo or scan kept as a blob named by
// the SHA-256 of its content (docs/donnees.md §2). Dates are kept as typed and checked at the field.
export const KINDS_PIECE = [
  'identite',
  'titre_sejour',
  'jugement_tutelle',
  'avis_imposition_dernier',
  'avis_imposition_precedent',
  'bulletins_salaire',
  'bilan_independant',
  'attestation_chomage',
  'justificatif_pension',
  'attestation_caf',
  'livret_famille',
  'attestation_pacs',
  'jugement_divorce',
  'certificat_grossesse',
  'carte_invalidite',
  'justificatif_hebergement',
  'attestation_hebergement',
  'bail',
  'quittances',
  'titre_propriete',
  'attestation_foyer',
  'attestation_domiciliation',
  'numero_unique',
  'autre',
] as const;
export const kindPieceSchema = z.enum(KINDS_PIECE, { message: 'Type de pièce inconnu.' });
export type KindPiece = z.infer<typeof kindPieceSchema>;

export const LIBELLES_KIND_PIECE: Record<KindPiece, string> = {
  identite: 'Pièce d’identité (carte d’identité, passeport)',
  titre_sejour: 'Titre de séjour (ou récépissé de demande)',
  jugement_tutelle: 'Jugement de tutelle ou curatelle',
  avis_imposition_dernier: 'Dernier avis d’impôt sur le revenu',
  avis_imposition_precedent: 'Avis d’impôt de l’année précédente',
  bulletins_salaire: 'Bulletins de salaire des 3 derniers mois',
  bilan_independant: 'Dernier bilan ou attestation du comptable',
  attestation_chomage: 'Attestation d’allocations chômage (3 derniers mois)',
  justificatif_pension: 'Justificatif de pension (retraite, invalidité)',
  attestation_caf: 'Attestation de paiement CAF ou MSA (prestations, RSA, AAH)',
  livret_famille: 'Livret de famille (ou actes de naissance des enfants)',
  attestation_pacs: 'Attestation d’enregistrement du PACS',
  jugement_divorce: 'Jugement de divorce ou de séparation',
  certificat_grossesse: 'Certificat de grossesse',
  carte_invalidite: 'Carte mobilité inclusion « invalidité » ou décision MDPH',
  justificatif_hebergement: 'Justificatif de 8 mois de présence (personne hébergée)',
  attestation_hebergement: 'Attestation d’hébergement signée par la personne qui héberge (avec sa pièce d’identité)',
  bail: 'Bail du logement actuel',
  quittances: 'Dernières quittances de loyer',
  titre_propriete: 'Titre de propriété',
  attestation_foyer: 'Attestation de résidence en foyer',
  attestation_domiciliation: 'Attestation de domiciliation',
  numero_unique: 'Numéro unique de demande de logement social (attestation)',
  autre: 'Autre pièce',
};

/** What the officer records; `statutPiece` tells what it means today (expired, to renew). */
export const STATUTS_PIECE = ['manquante', 'fournie', 'a_renouveler', 'expiree', 'non_applicable'] as const;
export const statutPieceSchema = z.enum(STATUTS_PIECE, { message: 'Statut de pièce inconnu.' });
export type StatutPiece = z.infer<typeof statutPieceSchema>;
export const LIBELLES_STATUT_PIECE: Record<StatutPiece, string> = {
  manquante: 'Manquante',
  fournie: 'Fournie',
  a_renouveler: 'À renouveler',
  expiree: 'Expirée',
  non_applicable: 'Non applicable',
};

export const blobHashDossierSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 attendue (64 caractères hexadécimaux).');
export const MIMES_PAGE = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** One page: a compressed photo, or an imported PDF (which may hold several pages itself). */
export const pageDossierSchema = z.object({
  blobHash: blobHashDossierSchema,
  mime: z.enum(MIMES_PAGE, { message: 'Type de fichier non pris en charge.' }),
  size: z
    .number()
    .int()
    .min(1)
    .max(30 * 1024 * 1024),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type PageDossier = z.infer<typeof pageDossierSchema>;

const dateSaisie = z.string().max(10).default('');

export const pieceDossierSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  kind: kindPieceSchema.default('autre'),
  /** The occupant it concerns; null for a piece of the whole household (lease, numéro unique). */
  personneId: idSchema.nullable().default(null),
  /** The officer's own title, for a piece she added ("autre") or to make one precise. */
  libelle: z.string().max(200).default(''),
  statut: statutPieceSchema.default('manquante'),
  /** The date printed on the document (issue of a tax notice, registration of the demand). */
  dateDocument: dateSaisie,
  /** The day the household handed it over. */
  dateFournie: dateSaisie,
  /** The document's own end of validity when it has one (identity card, residence permit). */
  expireLe: dateSaisie,
  /** The demand's number as typed, on a numéro unique certificate (`verifierNumeroUnique` judges it at the field). */
  numero: z.string().max(40).default(''),
  notes: z.string().max(2000).default(''),
  pages: z.array(pageDossierSchema).max(100).default([]),
  supprime: z.boolean().optional(),
});
export type PieceDossier = z.infer<typeof pieceDossierSchema>;
