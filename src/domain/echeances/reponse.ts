import { dernierJour } from '../calendrier/index.ts';
import { echeanceReponse, type Proposition, type ReglagesProposition } from '../proposition/index.ts';

// The household's answer clock as the officer follows it. The written offer starts it (CCH
// R441-10): from its notification the household knows when it must answer at the earliest, even
// before the visit, which may then push the deadline later (charte §4 step 11).

export type EcheanceReponseSuivie = {
  echeance: string;
  /** Counted from the written offer alone: the visit still to come may push it later. */
  avantVisite: boolean;
};

/** The deadline to show while the household has not answered; null before any start of the delay is known. */
export function echeanceReponseSuivie(p: Proposition, r: ReglagesProposition): EcheanceReponseSuivie | null {
  if (p.reponse !== null) return null;
  const apresVisite = echeanceReponse(p, r);
  if (apresVisite !== null) return { echeance: apresVisite, avantVisite: false };
  if (p.visite !== null || p.offreNotifieeLe === null || !r.delaiReponseApresOffre) return null;
  return { echeance: dernierJour(p.offreNotifieeLe, r.delaiReponseApresOffre), avantVisite: true };
}
