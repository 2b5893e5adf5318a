import { forfait, type PostesFsl } from './bareme.ts';
import { POSTES_QUITTANCABLES, type LogementSimule, type PosteQuittancable } from './entree.ts';

// Charte §7.1 A: reste à charge = rent + general charges + water, hot water and heating − APL.
// Each of the three counts at its receipt amount only when it is on the receipt both before and
// after; otherwise the FSL lump sum stands for it on both sides, so before and after compare alike.

export type ForfaitsCharges = Record<PosteQuittancable, number>;
export type LogementChiffre = Pick<LogementSimule, 'loyer' | 'chargesGenerales' | PosteQuittancable | 'apl'>;

export function forfaitsCharges(postes: PostesFsl, taille: number): ForfaitsCharges {
  return {
    eau: forfait(postes, 'eau', taille),
    eauChaude: forfait(postes, 'eauChaude', taille),
    chauffage: forfait(postes, 'chauffage', taille),
  };
}

export const quittanceDesDeuxCotes = (poste: PosteQuittancable, logement: LogementChiffre, autre: LogementChiffre): boolean =>
  logement[poste] !== null && autre[poste] !== null;

const retenue = (montant: number | null, autre: number | null, forfaitPoste: number): number =>
  montant !== null && autre !== null ? montant : forfaitPoste;

export function chargeRetenue(
  poste: PosteQuittancable,
  logement: LogementChiffre,
  autre: LogementChiffre,
  forfaits: ForfaitsCharges,
): number {
  return retenue(logement[poste], autre[poste], forfaits[poste]);
}

/** `autre` is the dwelling it is compared with (the offer for the current one, and back). */
export function resteACharge(logement: LogementChiffre, autre: LogementChiffre, forfaits: ForfaitsCharges): number {
  // Spelled out poste by poste: the matching calls this for every household × offer pair.
  return (
    logement.loyer +
    logement.chargesGenerales +
    retenue(logement.eau, autre.eau, forfaits.eau) +
    retenue(logement.eauChaude, autre.eauChaude, forfaits.eauChaude) +
    retenue(logement.chauffage, autre.chauffage, forfaits.chauffage) -
    logement.apl
  );
}

export type ChargeRetenue = { poste: PosteQuittancable; source: 'quittance' | 'forfait'; avant: number; apres: number };

/** How each of the three charges was counted, for the screens. */
export function chargesRetenues(avant: LogementChiffre, apres: LogementChiffre, forfaits: ForfaitsCharges): ChargeRetenue[] {
  return POSTES_QUITTANCABLES.map((poste) => ({
    poste,
    source: quittanceDesDeuxCotes(poste, avant, apres) ? 'quittance' : 'forfait',
    avant: chargeRetenue(poste, avant, apres, forfaits),
    apres: chargeRetenue(poste, apres, avant, forfaits),
  }));
}
