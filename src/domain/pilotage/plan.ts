import { LIBELLES_TYPOLOGIE } from '../offre/index.ts';
import type { DonneesPilotage } from './donnees.ts';
import { filtresPilotageSchema, type FiltresPilotage } from './filtres.ts';
import { anneeEntiere, trimestresDe, type Periode } from './periode.ts';
import { perimetre } from './perimetre.ts';
import { revisionCourante, revisionEnVigueur, type LignePlan, type PlanRelogement } from './plan-schema.ts';
import type { Tableau } from './tableau.ts';

// The relocation plan against what was done: by line of the plan for a year, and by quarter.

export type LigneComparee = LignePlan & { realises: number; ecart: number };

const pourOperation = (operationId: string, periode: Periode, f?: FiltresPilotage): FiltresPilotage =>
  filtresPilotageSchema.parse({ periode, operationId, residenceId: f?.residenceId ?? null, typologie: f?.typologie ?? null });

/** Each line of the current plan for `annee` with the leases signed that year by the households of that résidence into that type. */
export function planContreRealise(plan: PlanRelogement, donnees: DonneesPilotage, annee: number): LigneComparee[] {
  const { relogements } = perimetre(donnees, pourOperation(plan.operationId, anneeEntiere(annee)), {
    offresProposeesSeulement: true,
  });
  const realises = (l: LignePlan) =>
    relogements.filter((r) => r.menage.residenceId === l.residenceId && r.offre?.typologie === l.typologie).length;
  const lignes = revisionCourante(plan)?.lignes ?? [];
  return lignes.filter((l) => l.annee === annee).map((l) => ({ ...l, realises: realises(l), ecart: realises(l) - l.prevus }));
}

export function tableauPlan(lignes: readonly LigneComparee[], nomsResidences: ReadonlyMap<string, string>): Tableau {
  return {
    code: 'plan',
    titre: 'Plan de relogement : prévu et réalisé',
    colonnes: ['Résidence', 'Typologie', 'Prévus', 'Réalisés', 'Écart'],
    lignes: lignes.map((l) => [
      nomsResidences.get(l.residenceId) ?? 'Résidence inconnue',
      LIBELLES_TYPOLOGIE[l.typologie],
      l.prevus,
      l.realises,
      l.ecart,
    ]),
  };
}

/**
 * « Réalisé contre prévu » by quarter of the period, over the operations that have a plan (and the
 * operation, résidence and type filtered): the year's forecast as it stood at the end of each
 * quarter (its revision then in force), against the leases signed from 1 January to the end of
 * the quarter. The dwelling filters the plan does not know (landlord, town…) are not applied here.
 * Null when no operation in scope has a plan.
 */
export function realiseContrePrevu(donnees: DonneesPilotage, f: FiltresPilotage): Tableau | null {
  const plans = donnees.plansRelogement.filter((p) => !p.supprime && (f.operationId === null || p.operationId === f.operationId));
  if (plans.length === 0) return null;
  const ligneRetenue = (l: LignePlan) =>
    (f.residenceId === null || l.residenceId === f.residenceId) && (f.typologie === null || l.typologie === f.typologie);
  const trimestres = trimestresDe(f.periode);
  // The leases of the operations with a plan from the first 1 January to the period's end, gathered
  // once: each quarter then counts its year's own from them.
  const depuis = `${f.periode.debut.slice(0, 4)}-01-01`;
  const planifiees = new Set(plans.map((p) => p.operationId));
  const tous = filtresPilotageSchema.parse({
    periode: { debut: depuis, fin: f.periode.fin },
    residenceId: f.residenceId,
    typologie: f.typologie,
  });
  const signes = perimetre(donnees, tous, { offresProposeesSeulement: true }).relogements.filter(
    (r) => r.residence !== null && planifiees.has(r.residence.operationId),
  );
  const lignes = trimestres.map((t) => {
    const annee = Number(t.debut.slice(0, 4));
    const janvier = `${annee}-01-01`;
    const prevus = plans
      .flatMap((plan) => revisionEnVigueur(plan, t.fin)?.lignes ?? [])
      .filter((l) => l.annee === annee && ligneRetenue(l))
      .reduce((s, l) => s + l.prevus, 0);
    const realises = signes.filter((r) => r.bailSigneLe >= janvier && r.bailSigneLe <= t.fin).length;
    return [t.libelle, prevus, realises];
  });
  return {
    code: 'realiseContrePrevu',
    titre: 'Relogements réalisés depuis janvier contre le plan de l’année',
    colonnes: ['Trimestre', 'Prévus dans l’année', 'Réalisés depuis janvier'],
    lignes,
  };
}
