import { z } from 'zod';
import { enumeration, idSchema, isoDateSchema, type ValeurDe } from '../commun/index.ts';

// The move and what it costs (charte §3.2 and §3.3): nothing for the household. One checklist per
// move, so a household relocated first to a temporary dwelling then to its final one has two, and
// every cost is covered twice (charte §3.2 « En cas de double relogement, l'ensemble de ces frais
// seront pris en charge deux fois »; §2.2 D for the double move).

const postesDemenagement = enumeration({
  demenageur: 'Entreprise de déménagement',
  compteurs: 'Compteurs et abonnements (gaz, électricité, téléphone, internet)',
  courrier: 'Transfert du courrier pendant 6 mois',
  carte_grise: 'Changement de carte grise',
  caution: 'Dépôt de garantie transféré, différence réglée entre bailleurs',
  apl: 'Transfert de l’APL',
  cuisine_salle_de_bains: 'Réinstallation de la cuisine ou de la salle de bains, placards',
  forfait_prive: 'Forfait relogement (parc privé)',
});
export const POSTES_DEMENAGEMENT = postesDemenagement.valeurs;
export type PosteDemenagement = ValeurDe<typeof postesDemenagement>;
export const posteDemenagementCleSchema = z.enum(POSTES_DEMENAGEMENT, { error: 'Poste du déménagement inconnu.' });
export const LIBELLES_POSTE_DEMENAGEMENT = postesDemenagement.libelles;

const payeurs = enumeration({
  bailleur_origine: 'Bailleur démolisseur (d’origine)',
  bailleur_accueil: 'Bailleur d’accueil',
  operateur: 'Opérateur du parc privé',
});
export const PAYEURS = payeurs.valeurs;
export type Payeur = ValeurDe<typeof payeurs>;
export const LIBELLES_PAYEUR = payeurs.libelles;

/**
 * Who pays by default (charte §3.2, §3.3): the landlord's removal firm; meters, mail and car
 * registration by the demolishing landlord (or the operator for old private housing), paid back
 * on invoice; the deposit moves as it is; the APL transfer is the landlord's paperwork; the
 * refitting is in the demolishing landlord's lump sum; the private-sector lump sum is the operator's.
 */
export const PAYEUR_PAR_DEFAUT: Record<PosteDemenagement, Payeur> = {
  demenageur: 'bailleur_origine',
  compteurs: 'bailleur_origine',
  courrier: 'bailleur_origine',
  carte_grise: 'bailleur_origine',
  caution: 'bailleur_origine',
  apl: 'bailleur_origine',
  cuisine_salle_de_bains: 'bailleur_origine',
  forfait_prive: 'operateur',
};

const etatsPoste = enumeration({
  a_faire: 'À faire',
  fait: 'Fait',
  sans_objet: 'Sans objet',
});
export const ETATS_POSTE = etatsPoste.valeurs;
export const LIBELLES_ETAT_POSTE = etatsPoste.libelles;

const montant = (quoi: string) =>
  z
    .number({ error: `${quoi} : un montant en euros.` })
    .min(0, `${quoi} ne peut pas être négatif.`)
    .max(1_000_000, `${quoi} : montant improbable.`)
    .nullable()
    .default(null);

export const posteDemenagementSchema = z.object({
  etat: z.enum(ETATS_POSTE, { error: 'État du poste : à faire, fait ou sans objet.' }).default('a_faire'),
  payeur: z.enum(PAYEURS, { error: 'Payeur inconnu : bailleur d’origine, bailleur d’accueil ou opérateur.' }).nullable().default(null),
  montant: montant('Le montant de la facture'),
  /** The day the household handed in the invoice or payment request: the 8 days run from it. */
  factureRemiseLe: isoDateSchema.nullable().default(null),
  rembourseLe: isoDateSchema.nullable().default(null),
  commentaire: z.string().max(1000).default(''),
});
export type PosteDemenagementSaisi = z.infer<typeof posteDemenagementSchema>;

export const demenagementSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  /** The proposal whose lease this move follows: the temporary dwelling's or the final one's. */
  propositionId: idSchema,
  demenageLe: isoDateSchema.nullable().default(null),
  postes: z.partialRecord(posteDemenagementCleSchema, posteDemenagementSchema).default({}),
  /** The deposits, in euros: paid to the landlord of origin, asked by the host landlord. */
  cautionOrigine: montant('Le dépôt de garantie versé au bailleur d’origine'),
  cautionAccueil: montant('Le dépôt de garantie demandé par le bailleur d’accueil'),
  supprime: z.boolean().optional(),
});
export type Demenagement = z.infer<typeof demenagementSchema>;

/** A checklist line as entered, or as it starts: to do, with its default payer. */
export const posteDe = (d: Pick<Demenagement, 'postes'>, poste: PosteDemenagement): PosteDemenagementSaisi =>
  d.postes[poste] ?? posteDemenagementSchema.parse({ payeur: PAYEUR_PAR_DEFAUT[poste] });
