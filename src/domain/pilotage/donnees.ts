import { z } from 'zod';
import type { Menage, Operation, Residence } from '../menage/index.ts';
import type { Offre } from '../offre/index.ts';
import type { Mediation, Proposition } from '../proposition/index.ts';
import type { EnqueteSatisfaction } from '../visite/index.ts';
import type { PlanRelogement } from './plan-schema.ts';

// The records every figure is computed from, as the tablet stores them and the server loads them
// for the organisations it reports on: no figure is typed by hand.
export type DonneesPilotage = {
  menages: readonly Menage[];
  residences: readonly Residence[];
  operations: readonly Operation[];
  offres: readonly Offre[];
  propositions: readonly Proposition[];
  mediations: readonly Mediation[];
  enquetes: readonly EnqueteSatisfaction[];
  /** The relocation plans of the operations (charte §6.6). */
  plansRelogement: readonly PlanRelogement[];
};

export const DONNEES_VIDES: DonneesPilotage = {
  menages: [],
  residences: [],
  operations: [],
  offres: [],
  propositions: [],
  mediations: [],
  enquetes: [],
  plansRelogement: [],
};

// What a proposal keeps of its simulation (charte §7.1): before and after the move. Parsed, since
// it is stored as free JSON; an older or hand-made snapshot without figures is left out.
const situationSchema = z.object({ resteACharge: z.number(), tauxEffort: z.number().nullable(), resteAVivre: z.number() });
const instantaneSchema = z.object({ resultat: z.object({ avant: situationSchema, apres: situationSchema }) });
export type SimulationSignee = z.infer<typeof instantaneSchema>['resultat'];

export function avantApres(simulation: unknown): SimulationSignee | null {
  const r = instantaneSchema.safeParse(simulation);
  return r.success ? r.data.resultat : null;
}
