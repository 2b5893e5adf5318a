// The weight of each criterion in the fit score (0–100). A setting, so a territory can stress
// money over place or the reverse; PMR and floor needs are not weighed: an unmet one rules the
// offer out.
export type Ponderations = { typologie: number; occupation: number; commune: number; tauxEffort: number; resteAVivre: number };

export const PONDERATIONS_PAR_DEFAUT: Ponderations = { typologie: 20, occupation: 20, commune: 15, tauxEffort: 25, resteAVivre: 20 };
