import type { ParametresMois } from './bareme.ts';
import { selonComposition4, selonComposition9 } from './composition.ts';
import type { EntreeAide } from './entree.ts';

// The pieces of the locatif formula shared by both conventions: CCH D823-16 (Af = L + C − Pp,
// taper, −5 €, threshold), D823-17 (Pp = P0 + Tp × (R − R0)), D842-2 (furnished rent) and the
// arrêté du 27 septembre 2019 (art. 7 to 15: ceilings, charges, P0, TF, TL, R0, taper
// coefficients); L832-3 and L442-2-1 for the RLS.

export type Arrondi = (x: number, decimales?: number) => number;

/** What the formula reads once the month, the household and the dwelling are known. */
export type Bases = {
  /** Before rounding to the cent, which each convention does its own way. */
  plafondBrut: number;
  loyerPaye: number;
  charges: number;
  loyerReference: number;
  tauxFamille: number;
  r0: number;
  rls: number;
  seuil: number;
};

const CLE_ZONE = { 1: 'zone1', 2: 'zone2', 3: 'zone3' } as const;

/** Arrêté art. 7: zone × composition, or 0.9 × the single person's ceiling for a room. */
function plafondBrut(p: ParametresMois, e: EntreeAide): number {
  const table = p.loyersPlafonds[CLE_ZONE[e.zone]];
  return e.chambre ? table.isole * p.coefficientsPlafond.chambre : selonComposition4(table, e);
}

/** L442-2-1: only tenants of social landlords whose monthly resources are under the ceiling. */
function rls(p: ParametresMois, e: EntreeAide, ressources: number): number {
  const r = p.reductionLoyerSolidarite;
  if (e.dispositif !== 'APL' || !e.bailleurSocial) return 0;
  const plafond = selonComposition9(r.plafondRessourcesMensuel[CLE_ZONE[e.zone]], e);
  return ressources / 12 < plafond ? selonComposition4(r.montantMensuel[CLE_ZONE[e.zone]], e) : 0;
}

export function bases(p: ParametresMois, e: EntreeAide, ressources: number): Bases {
  return {
    plafondBrut: plafondBrut(p, e),
    loyerPaye: e.meuble ? e.loyer * p.loyerMeuble.coefficient : e.loyer,
    charges: p.forfaitCharges.casGeneral.base + e.personnesACharge * p.forfaitCharges.casGeneral.parPAC,
    loyerReference: selonComposition4(p.loyersPlafonds.zone2, e),
    tauxFamille: selonComposition9(p.tauxFamilleTF_metropole, e),
    r0: selonComposition9(p.abattementR0, e),
    rls: rls(p, e, ressources),
    seuil: e.dispositif === 'APL' ? p.seuilMinimumVersement.apl : p.seuilMinimumVersement.alNonApl,
  };
}

/** Arrêté art. 14: TL from RL = L / LR, by brackets (0, then taux2, then taux3). */
export function tauxLoyer(p: ParametresMois, rapportLoyers: number): number {
  const { seuil1, seuil2, taux2, taux3 } = p.tauxLoyerTL;
  if (rapportLoyers >= seuil2) return taux3 * (rapportLoyers - seuil2) + taux2 * (seuil2 - seuil1);
  return Math.max(0, taux2 * (rapportLoyers - seuil1));
}

/** Arrêté art. 13: P0 = max(8.5 % × (L + C), forfait), the rate's product rounded by the caller. */
export function participationMinimale(p: ParametresMois, loyerRetenu: number, charges: number, arrondi: (x: number) => number): number {
  const { taux, forfait } = p.participationMinimaleP0;
  return Math.max(arrondi(taux * (loyerRetenu + charges)), forfait);
}

/** D823-16 taper: 1 up to the degressivity ceiling, 0 from the suppression ceiling, linear between. */
export function coefficientDegressivite(p: ParametresMois, e: EntreeAide, plafond: number, loyer: number, arrondi: Arrondi): number {
  if (e.handicap) return 1;
  const coefficients = p.degressivite[CLE_ZONE[e.zone]];
  const debut = arrondi(plafond * coefficients.degressivite, 2);
  const fin = arrondi(plafond * coefficients.suppression, 2);
  if (loyer <= debut) return 1;
  if (loyer <= fin) return 1 - (loyer - debut) / (fin - debut);
  return 0;
}
