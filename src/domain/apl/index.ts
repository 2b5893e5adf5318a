// The APL/AL estimator (issue 5): dated barème, estimate in both conventions, resources,
// calibration and the after-relocation estimate with its basis.
export {
  BAREME_APL,
  PERIODES_CONNUES,
  chargerBaremeApl,
  dernierMoisConnu,
  donneesBaremeSchema,
  type BaremeApl,
  type DonneesBareme,
  type ParametresMois,
  type PeriodeBareme,
} from './bareme.ts';
export {
  DISPOSITIFS_AIDE,
  MAX_PERSONNES_A_CHARGE,
  aplInputSchema,
  creerSchemaCalibration,
  creerSchemaEntree,
  libelleCouverture,
  type DispositifAide,
  type EntreeAide,
  type EntreeCalibration,
  type ResultatApl,
  type SituationLogement,
  type ZoneApl,
} from './entree.ts';
export { calculerAide, estimerAide, type EstimationAide } from './estimer.ts';
export { ECART_RESSOURCES_ESTIMEES, estimerRessources, type EstimationRessources, type RevenusImposables } from './ressources.ts';
export { ECART_TOLERE, calibrerRessources, type Calibration } from './calibrage.ts';
export {
  estimerAideApresRelogement,
  expliquerEstimation,
  type BaseRessources,
  type EstimationApresRelogement,
  type SourceRessources,
} from './apres-relogement.ts';
