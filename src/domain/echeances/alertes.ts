import { horlogesDossier, type ContexteAgenda, type DossierAgenda, type NatureEvenement } from './agenda.ts';
import { etatEcheance } from './etat.ts';

// The badges of a household in the caseload: every clock whose due date has passed or is near,
// whatever appointment was set (an appointment after the due date does not make it on time).
export type AlerteDossier = { nature: NatureEvenement; libelle: string; echeance: string; etat: 'en_retard' | 'bientot' };

export function alertesDossier(d: DossierAgenda, ctx: ContexteAgenda): AlerteDossier[] {
  const alertes: AlerteDossier[] = [];
  for (const e of horlogesDossier(d, ctx)) {
    if (e.echeance === null) continue;
    const etat = etatEcheance(e.echeance, ctx.aujourdhui, ctx.echeances.bientotJours);
    if (etat !== 'a_venir') alertes.push({ nature: e.nature, libelle: e.libelle, echeance: e.echeance, etat });
  }
  return alertes;
}
