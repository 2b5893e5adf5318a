import { z } from 'zod';
import { parametresSchema } from '../parametres/index.ts';
import { REGLAGES_SIMULATION_PAR_DEFAUT, reglagesSimulationSchema } from '../simulation/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT, REGLAGES_VIGILANCE_PAR_DEFAUT, reglagesSuiviSchema, reglagesVigilanceSchema } from '../visite/index.ts';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  REGLAGES_PLATEFORME_PAR_DEFAUT,
  reglagesEcheancesSchema,
  reglagesPlateformeSchema,
} from '../echeances/index.ts';
import { REGLAGES_PROPOSITION_PAR_DEFAUT, reglagesPropositionSchema } from '../proposition/index.ts';
import { REGLAGES_DOSSIER_PAR_DEFAUT, reglagesDossierSchema } from '../dossier/index.ts';
import { REGLAGES_REUNIONS_PAR_DEFAUT, reglagesReunionsSchema } from '../reunion/index.ts';
import { REGLAGES_PILOTAGE_PAR_DEFAUT, reglagesPilotageSchema } from '../pilotage/reglages.ts';

// Every setting of a territory in one record (the charter's delays and thresholds are defaults a
// territory may change), edited by an administrator and synced to every tablet. Each capability owns the
// schema of its part; this only puts them together.
const agendaSchema = reglagesEcheancesSchema.pick({ bientotJours: true, horizonJours: true });

export const reglagesTerritoireSchema = parametresSchema.extend({
  simulation: reglagesSimulationSchema.default(REGLAGES_SIMULATION_PAR_DEFAUT),
  suivi: reglagesSuiviSchema.default(REGLAGES_SUIVI_PAR_DEFAUT),
  vigilance: reglagesVigilanceSchema.default(REGLAGES_VIGILANCE_PAR_DEFAUT),
  agenda: agendaSchema.default(agendaSchema.parse(REGLAGES_ECHEANCES_PAR_DEFAUT)),
  propositions: reglagesPropositionSchema.default(REGLAGES_PROPOSITION_PAR_DEFAUT),
  dossier: reglagesDossierSchema.default(REGLAGES_DOSSIER_PAR_DEFAUT),
  /** The Marseille relocation platform's delays (AMP art. 10), the reading of its « 48 h » included. */
  plateforme: reglagesPlateformeSchema.default(REGLAGES_PLATEFORME_PAR_DEFAUT),
  /** The clocks of the bilan de peuplement and of the orientation meeting (charte §4 steps 5 and 6). */
  reunions: reglagesReunionsSchema.default(REGLAGES_REUNIONS_PAR_DEFAUT),
  pilotage: reglagesPilotageSchema.default(REGLAGES_PILOTAGE_PAR_DEFAUT),
});
export type ReglagesTerritoire = z.infer<typeof reglagesTerritoireSchema>;

export const REGLAGES_TERRITOIRE_PAR_DEFAUT: ReglagesTerritoire = reglagesTerritoireSchema.parse({ id: 'territoire' });
