import type { Menage } from '../menage/index.ts';
import type { Tableau } from './tableau.ts';

// The caseload of each chargé against the charter's ceiling (charte §3.6: about 60 households
// per officer): households not yet closed, counted for their référent.
export type ChargeReferent = { referentId: string | null; nom: string; menages: number; depasse: boolean };

export function chargeParReferent(menages: readonly Menage[], noms: ReadonlyMap<string, string>, plafond: number): ChargeReferent[] {
  const parReferent = new Map<string | null, number>();
  for (const m of menages) {
    if (m.supprime || m.statut === 'clos') continue;
    parReferent.set(m.referentId, (parReferent.get(m.referentId) ?? 0) + 1);
  }
  return [...parReferent]
    .map(([referentId, n]) => ({
      referentId,
      nom: referentId === null ? 'Sans référent' : (noms.get(referentId) ?? 'Compte inconnu'),
      menages: n,
      depasse: n > plafond,
    }))
    .sort((a, b) => b.menages - a.menages || a.nom.localeCompare(b.nom, 'fr'));
}

export const tableauCharge = (charges: readonly ChargeReferent[], plafond: number): Tableau => ({
  code: 'charge',
  titre: `Ménages suivis par chargé (plafond ${plafond})`,
  colonnes: ['Chargé', 'Ménages suivis', 'Au-delà du plafond'],
  lignes: charges.map((c) => [c.nom, c.menages, c.depasse ? 'oui' : 'non']),
});
