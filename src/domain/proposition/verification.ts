import type { ErreurChamp } from '../commun/index.ts';
import { echeanceSilence } from './delais.ts';
import { avisDefavorable, estClose, valideeParLesPartenaires } from './etat.ts';
import type { Mediation } from './mediation.ts';
import type { Proposition } from './proposition.ts';
import type { ReglagesProposition } from './reglages.ts';
import { mediationApres, situationPropositions } from './situation.ts';

// The invariants the events keep (charte §4 steps 7 to 12, CCH L353-15 and R441-10). A record
// merged from several devices is checked against them; a breach is flagged, never rewritten.

const erreur = (champ: string, message: string): ErreurChamp => ({ champ, message });

function verifierAvis(p: Proposition): ErreurChamp[] {
  return Object.entries(p.avis).flatMap(([nom, a]) => [
    ...(p.partenaires.includes(nom) ? [] : [erreur('avis', `${nom} a donné un avis sans être appelé à valider.`)]),
    ...(a.date < p.proposeeLe ? [erreur('avis', `L’avis de ${nom} précède la proposition.`)] : []),
    ...(a.avis === 'defavorable' && a.motif.trim() === '' ? [erreur('avis', `L’avis défavorable de ${nom} n’a pas de motif.`)] : []),
  ]);
}

function verifierEtapes(p: Proposition, r: ReglagesProposition): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  const attribue = p.caleol?.decision === 'attribution';
  if (p.caleol && !valideeParLesPartenaires(p))
    erreurs.push(erreur('caleol', 'La CALEOL a statué sans la validation de tous les partenaires.'));
  if (p.caleol?.decision === 'refus' && p.caleol.motif.trim() === '')
    erreurs.push(erreur('caleol', 'Le refus de la CALEOL n’a pas de motif.'));
  if (p.visite && !valideeParLesPartenaires(p))
    erreurs.push(erreur('visite', 'La visite a eu lieu sans la validation de tous les partenaires.'));
  if (p.visite && r.visiteApresCaleol && (!attribue || (p.caleol && p.visite.date < p.caleol.date)))
    erreurs.push(erreur('visite', 'La visite précède l’attribution par la CALEOL.'));
  if (p.offreNotifieeLe && (!attribue || (p.caleol && p.offreNotifieeLe < p.caleol.date)))
    erreurs.push(erreur('offreNotifieeLe', 'L’offre écrite précède l’attribution par la CALEOL.'));
  if (p.reponse && (!p.visite || p.reponse.date < p.visite.date))
    erreurs.push(erreur('reponse', 'La réponse du ménage précède la visite.'));
  if (p.reponse?.decision === 'refus' && p.reponse.motif === null) erreurs.push(erreur('reponse', 'Le refus du ménage n’a pas de motif.'));
  if (p.reponse?.decision === 'sans_reponse') {
    const echeance = echeanceSilence(p, r);
    if (echeance === null) erreurs.push(erreur('reponse', 'L’absence de réponse vaut refus sans offre écrite notifiée.'));
    else if (p.reponse.date <= echeance) erreurs.push(erreur('reponse', 'L’absence de réponse est constatée avant la fin du délai.'));
  }
  if (p.bailSigneLe && (p.reponse?.decision !== 'acceptation' || !attribue || p.bailSigneLe < p.reponse.date)) {
    erreurs.push(erreur('bailSigneLe', 'Le bail est signé sans attribution par la CALEOL ou avant l’acceptation du ménage.'));
  }
  if (
    p.retrait &&
    (p.bailSigneLe || (p.reponse && p.reponse.decision !== 'acceptation') || p.caleol?.decision === 'refus' || avisDefavorable(p))
  ) {
    erreurs.push(erreur('retrait', 'Une proposition déjà close a été retirée.'));
  }
  return erreurs;
}

export const verifierProposition = (p: Proposition, r: ReglagesProposition): ErreurChamp[] => [...verifierAvis(p), ...verifierEtapes(p, r)];

/** Checks across a household's proposals: one at a time, ranks in order, mediation before the third. */
export function verifierPropositionsDuMenage(
  propositions: readonly Proposition[],
  mediations: readonly Mediation[],
  r: ReglagesProposition,
  aujourdhui: string,
): ErreurChamp[] {
  const s = situationPropositions(propositions, r);
  const erreurs: ErreurChamp[] = [];
  if (propositions.filter((p) => !p.supprime && !estClose(p)).length > 1)
    erreurs.push(erreur('propositions', 'Plusieurs propositions sont en cours en même temps.'));
  if (s.comptees.some((p, i) => p.rang !== i + 1)) erreurs.push(erreur('propositions', 'Les rangs des propositions ne se suivent pas.'));
  const refus = s.refusDeclenchantMediation;
  const apresRefus = refus ? s.comptees.filter((p) => p.rang > refus.rang) : [];
  if (refus && apresRefus.some((p) => !mediationApres(refus, mediations, p.proposeeLe, aujourdhui))) {
    erreurs.push(erreur('mediation', `Une proposition suit le ${r.mediationApresRefus}e refus du ménage sans médiation.`));
  }
  return erreurs;
}
