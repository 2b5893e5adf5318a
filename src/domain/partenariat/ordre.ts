import type { Positionnement } from './positionnement.ts';

// The order the convention sets for designating (convention AMP art. 10): the households of the
// operations the steering committee made priority first, then the host landlord's own households
// (those its demolitions displace), then by date of positioning. The product proposes it and says
// why; the person designating decides.

export type CandidatOrdonne = { position: Positionnement; raisons: string[] };

export function ordreDesignation(positions: readonly Positionnement[], bailleurOffreId: string): CandidatOrdonne[] {
  const poids = (p: Positionnement) => (p.operationPrioritaire ? 2 : 0) + (p.bailleurOrigineId === bailleurOffreId ? 1 : 0);
  return positions
    .filter((p) => p.statut === 'positionne' || p.statut === 'designe')
    .sort((a, b) => poids(b) - poids(a) || a.positionneLe.localeCompare(b.positionneLe) || a.id.localeCompare(b.id))
    .map((position) => ({
      position,
      raisons: [
        ...(position.operationPrioritaire ? ['Opération prioritaire du comité de pilotage'] : []),
        ...(position.bailleurOrigineId === bailleurOffreId ? ['Ménage du bailleur qui propose le logement'] : []),
        `Positionné le ${position.positionneLe.split('-').reverse().join('/')}`,
      ],
    }));
}
