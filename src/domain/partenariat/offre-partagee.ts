import { z } from 'zod';
import { enumeration, isoDateSchema } from '../commun/index.ts';
import { offreSchema, type Offre } from '../offre/index.ts';

// A dwelling a landlord puts at the disposal of the relocation of its territory (convention AMP
// art. 10, with the sheet of its annex 5). The sheet is the offer's; each later step is a date
// written by whoever takes it. The step the offer is at is derived from those dates and from the
// candidates' positions, never stored, so two parties never race on a status.

const jour = isoDateSchema.nullable().default(null);
const texte = (max: number) => z.string().max(max, `Texte trop long (${max} caractères au plus).`).default('');

export const offrePartageeSchema = offreSchema.omit({ statut: true, aValider: true }).extend({
  /** Annex 5: the day the dwelling is made available; every deadline of the offer starts from it. */
  dateMiseADisposition: isoDateSchema,
  /** Annex 5: the day the outgoing tenant gave notice. */
  datePreavisSortant: jour,
  /**
   * The day the host landlord received the candidates' files (art. 10: « A réception de ces
   * dossiers par l'organisme de logement social, ce dernier dispose de 10 jours ouvrés pour faire
   * l'appel des éventuelles pièces complémentaires »): the pieces' clock starts from it.
   */
  dossiersRecusLe: jour,
  /** Pieces the host landlord asks for, and when (art. 10: within 10 working days of receiving the files). */
  piecesDemandees: texte(2000),
  piecesDemandeesLe: jour,
  dossiersCompletsLe: jour,
  caleolLe: jour,
  visiteLe: jour,
  emmenagementLe: jour,
  bailSigneLe: jour,
  /** Given back to the landlord for want of a candidate. */
  rendueLe: jour,
  retireeLe: jour,
  motifRetrait: texte(500),
});
export type OffrePartagee = z.infer<typeof offrePartageeSchema>;

/** The offer's dated steps after the sheet: each must come on or after the day it was made available. */
const datesEtapesOffre = enumeration({
  datePreavisSortant: 'Le préavis du locataire sortant',
  dossiersRecusLe: 'La réception des dossiers',
  piecesDemandeesLe: 'La demande de pièces',
  dossiersCompletsLe: 'La complétude des dossiers',
  caleolLe: 'La CALEOL',
  visiteLe: 'La visite',
  emmenagementLe: 'L’emménagement',
  bailSigneLe: 'La signature du bail',
  rendueLe: 'La restitution de l’offre',
  retireeLe: 'Le retrait de l’offre',
});
export const DATES_ETAPES_OFFRE = datesEtapesOffre.valeurs;
const LIBELLES_DATES = datesEtapesOffre.libelles;

export type ErreurOffrePartagee = { champ: string; message: string };

/** What makes a pooled offer's dates impossible; empty when they hold. The notice may precede the availability. */
export function erreursOffrePartagee(o: OffrePartagee): ErreurOffrePartagee[] {
  const erreurs: ErreurOffrePartagee[] = [];
  for (const champ of DATES_ETAPES_OFFRE) {
    const d = o[champ];
    if (champ !== 'datePreavisSortant' && d !== null && d < o.dateMiseADisposition) {
      erreurs.push({
        champ,
        message: `${LIBELLES_DATES[champ]} ne peut pas précéder la mise à disposition du logement (${o.dateMiseADisposition}).`,
      });
    }
  }
  if (o.retireeLe !== null && o.motifRetrait.trim() === '')
    erreurs.push({ champ: 'motifRetrait', message: 'Indiquez le motif du retrait de l’offre.' });
  return erreurs;
}

/** The sheet as a team's offer reads it: the matching and the sheet's checks take it as it is. */
export const commeOffre = (o: OffrePartagee): Offre => ({ ...o, statut: 'disponible', aValider: false });
