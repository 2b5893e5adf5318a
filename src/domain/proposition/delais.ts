import { dernierJour, plusMois, plusTardive } from '../calendrier/index.ts';
import { avisAttendus, etatProposition, refusCompte } from './etat.ts';
import type { Proposition } from './proposition.ts';
import type { ReglagesProposition } from './reglages.ts';

// The clocks of a proposal. The household answers within 10 days of the visit (charte §4 step 11)
// and never less than 10 days from the written offer (CCH R441-10): the later of both, counted
// per CPC art. 641–642. Partners of the circuit dématérialisé validate within 5 days (charte
// §5.5 C).

/** The last day to answer; null before the visit or while no start of the delay is known. */
export function echeanceReponse(p: Proposition, r: ReglagesProposition): string | null {
  if (p.visite === null) return null;
  const fins: string[] = [];
  if (r.delaiReponseApresVisite) fins.push(dernierJour(p.visite.date, r.delaiReponseApresVisite));
  if (r.delaiReponseApresOffre && p.offreNotifieeLe) fins.push(dernierJour(p.offreNotifieeLe, r.delaiReponseApresOffre));
  return fins.length === 0 ? null : fins.reduce(plusTardive);
}

/**
 * The last day before the household's silence counts as a refusal; null while no written offer is
 * notified, since silence is a refusal only past the delay stated in that offer (CCH R441-10).
 */
export const echeanceSilence = (p: Proposition, r: ReglagesProposition): string | null =>
  p.offreNotifieeLe === null ? null : echeanceReponse(p, r);

/** Past the deadline of a notified written offer with no answer recorded: the silence is to be recorded as a refusal. */
export function reponseEchue(p: Proposition, r: ReglagesProposition, aujourdhui: string): boolean {
  const echeance = echeanceSilence(p, r);
  return p.reponse === null && p.retrait === null && echeance !== null && aujourdhui > echeance;
}

export const echeanceValidationPartenaires = (p: Proposition, r: ReglagesProposition): string | null =>
  p.circuit === 'circuit_dematerialise' ? dernierJour(p.proposeeLe, r.delaiValidationPartenaires) : null;

/** Partners of the circuit dématérialisé still silent after their deadline. */
export function partenairesEnRetard(p: Proposition, r: ReglagesProposition, aujourdhui: string): string[] {
  const echeance = echeanceValidationPartenaires(p, r);
  return echeance !== null && aujourdhui > echeance && etatProposition(p) === 'soumise' ? avisAttendus(p) : [];
}

/**
 * CCH L442-6 II: six months after the notice of the 3rd offer, served with the congé (charte §3.4
 * C), a household that refused it has no title to stay any more. The law's number, not a
 * territory's setting.
 */
export const MOIS_MAINTIEN_APRES_CONGE = 6;

/** The last day of the household's right to stay, counted from the notice on the receipt or the act; null without a congé. */
export const finMaintienDansLesLieux = (p: Pick<Proposition, 'conge'>): string | null =>
  p.conge === null ? null : plusMois(p.conge.notifieLe, MOIS_MAINTIEN_APRES_CONGE);

/** The congé's clock while it matters: the binding proposal refused (the refusal counting), the file not yet handed to the legal follow-up. */
export const echeanceConge = (p: Proposition): string | null =>
  refusCompte(p) && p.suiteJuridique === null ? finMaintienDansLesLieux(p) : null;
