import { dernierJour, type Delai } from '../calendrier/index.ts';
import type { Proposition } from '../proposition/index.ts';
import {
  LIBELLES_POSTE_DEMENAGEMENT,
  POSTES_DEMENAGEMENT,
  posteDe,
  type Demenagement,
  type PosteDemenagement,
  type PosteDemenagementSaisi,
} from './demenagement.ts';

// Charte §3.2: « un chèque de remboursement est remis au ménage sur présentation de la facture ou
// de l'appel de paiement dans un délai de 8 jours ». Days, not working days, counted like every
// delay of the charter (CPC art. 641-642: the day the invoice is handed in does not count, a last
// day on a weekend or holiday moves to the next working day).

/** The last day to pay the household back; null while no invoice was handed in. */
export const echeanceRemboursement = (poste: Pick<PosteDemenagementSaisi, 'factureRemiseLe'>, delai: Delai): string | null =>
  poste.factureRemiseLe === null ? null : dernierJour(poste.factureRemiseLe, delai);

export type RemboursementAttendu = {
  poste: PosteDemenagement;
  libelle: string;
  montant: number | null;
  factureRemiseLe: string;
  echeance: string;
};

/** The invoices handed in and not yet paid back, with their deadline. */
export function remboursementsAttendus(d: Pick<Demenagement, 'postes'>, delai: Delai): RemboursementAttendu[] {
  return POSTES_DEMENAGEMENT.flatMap((poste) => {
    const p = posteDe(d, poste);
    const echeance = echeanceRemboursement(p, delai);
    if (echeance === null || p.factureRemiseLe === null || p.rembourseLe !== null || p.etat === 'sans_objet') return [];
    return [{ poste, libelle: LIBELLES_POSTE_DEMENAGEMENT[poste], montant: p.montant, factureRemiseLe: p.factureRemiseLe, echeance }];
  });
}

/** Paid back after the deadline: said on the checklist, the household having waited longer than the charter allows. */
export function rembourseHorsDelai(p: PosteDemenagementSaisi, delai: Delai): boolean {
  const echeance = echeanceRemboursement(p, delai);
  return echeance !== null && p.rembourseLe !== null && p.rembourseLe > echeance;
}

export type DemenagementDu = { proposition: Proposition; temporaire: boolean; bailSigneLe: string };

/**
 * Every move the household is owed a checklist for: one per lease signed, the temporary dwelling's
 * and the final one's (charte §3.2: costs covered twice), in lease order.
 */
export function demenagementsDus(propositions: readonly Proposition[]): DemenagementDu[] {
  return propositions
    .flatMap((p) =>
      !p.supprime && p.bailSigneLe !== null ? [{ proposition: p, temporaire: p.temporaire, bailSigneLe: p.bailSigneLe }] : [],
    )
    .sort((a, b) => a.bailSigneLe.localeCompare(b.bailSigneLe));
}
