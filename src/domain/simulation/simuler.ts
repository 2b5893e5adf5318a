import { evaluerOccupation, preparerComposition, type NormeOccupation, type Occupation } from '../occupation/index.ts';
import type { BaremeCalcul } from './bareme.ts';
import type { EntreeSimulation } from './entree.ts';
import type { ReglagesSimulation } from './reglages.ts';
import { moyenneRessources } from './ressources.ts';
import { chargesRetenues, forfaitsCharges, resteACharge, type ChargeRetenue } from './reste-a-charge.ts';
import { tauxEffort } from './taux-effort.ts';
import { depensesIncompressibles, diviseurResteAVivre, resteAVivre } from './reste-a-vivre.ts';
import { alertesSimulation, type CodeAlerteSimulation } from './alertes.ts';
import { orienter, type AvisOrientation } from './orientation.ts';

// One household, before (current dwelling) and after (the offer), as the charter compares them
// (charte §7.1). The screens and the command line both call `simuler`, so they show the same
// figures; amounts stay unrounded here and are rounded only for display.

export type Situation = { resteACharge: number; tauxEffort: number | null; resteAVivre: number };

export const CODES_AVERTISSEMENT = ['BAREME_EXEMPLE', 'APL_SUPERIEURE_AU_COUT', 'UNITES_CONSOMMATION_SANS_AGES'] as const;
export type Avertissement = { code: (typeof CODES_AVERTISSEMENT)[number]; message: string };

export type ResultatSimulation = {
  bareme: Pick<BaremeCalcul, 'territoire' | 'debut' | 'fin' | 'source' | 'exemple'>;
  ressourcesMensuelles: number;
  depensesIncompressibles: number;
  avant: Situation;
  apres: Situation;
  evolution: { resteACharge: number; tauxEffort: number | null; resteAVivre: number; surface: number | null };
  alertes: CodeAlerteSimulation[];
  avertissements: Avertissement[];
  orientation: AvisOrientation;
  occupation: { norme: NormeOccupation; avant: Occupation; apres: Occupation };
  /** How the figures were reached: each of the three charges, and what the reste à vivre is divided by. */
  detail: { charges: ChargeRetenue[]; diviseurResteAVivre: number };
};

export type ContexteSimulation = { bareme: BaremeCalcul; reglages: ReglagesSimulation };

const difference = (avant: number | null, apres: number | null) => (avant === null || apres === null ? null : apres - avant);

function avertissements(entree: EntreeSimulation, avant: Situation, apres: Situation, ctx: ContexteSimulation): Avertissement[] {
  const liste: Avertissement[] = [];
  if (ctx.bareme.exemple) {
    liste.push({
      code: 'BAREME_EXEMPLE',
      message:
        'Barème d’exemple : les forfaits ne sont pas ceux du Département. Faites saisir le barème FSL en vigueur dans les paramètres.',
    });
  }
  const aplExcessives: [Situation, string][] = [
    [avant, 'du logement actuel'],
    [apres, 'du logement proposé'],
  ];
  for (const [situation, du] of aplExcessives) {
    if (situation.resteACharge < 0) {
      liste.push({
        code: 'APL_SUPERIEURE_AU_COUT',
        message: `L’APL ${du} dépasse le coût du logement (reste à charge négatif) : vérifiez son montant.`,
      });
    }
  }
  if (ctx.reglages.uniteResteAVivre === 'unite-consommation' && !entree.composition) {
    liste.push({
      code: 'UNITES_CONSOMMATION_SANS_AGES',
      message: 'Âges des occupants inconnus : le reste à vivre est divisé par le nombre de personnes et non par unités de consommation.',
    });
  }
  return liste;
}

export function simuler(entree: EntreeSimulation, ctx: ContexteSimulation): ResultatSimulation {
  const { bareme, reglages } = ctx;
  const taille = entree.occupants;
  const forfaits = forfaitsCharges(bareme.postes, taille);
  const ressources = moyenneRessources(entree.ressourcesMensuelles);
  const depenses = depensesIncompressibles(entree.depenses, bareme.postes, taille);
  const diviseur = diviseurResteAVivre(taille, entree.composition, entree.date, reglages);
  const situation = (logement: EntreeSimulation['avant'], autre: EntreeSimulation['avant']): Situation => {
    const rac = resteACharge(logement, autre, forfaits);
    return { resteACharge: rac, tauxEffort: tauxEffort(rac, ressources), resteAVivre: resteAVivre(ressources, rac, depenses, diviseur) };
  };
  const avant = situation(entree.avant, entree.apres);
  const apres = situation(entree.apres, entree.avant);
  const composition = preparerComposition(entree.composition ?? taille, entree.date);
  const norme = reglages.normeOccupation;
  const occupation = {
    norme,
    avant: evaluerOccupation(norme, composition, entree.avant),
    apres: evaluerOccupation(norme, composition, entree.apres),
  };
  return {
    bareme: { territoire: bareme.territoire, debut: bareme.debut, fin: bareme.fin, source: bareme.source, exemple: bareme.exemple },
    ressourcesMensuelles: ressources,
    depensesIncompressibles: depenses,
    avant,
    apres,
    evolution: {
      resteACharge: apres.resteACharge - avant.resteACharge,
      tauxEffort: difference(avant.tauxEffort, apres.tauxEffort),
      resteAVivre: apres.resteAVivre - avant.resteAVivre,
      surface: difference(entree.avant.surface, entree.apres.surface),
    },
    alertes: alertesSimulation(
      {
        ressources,
        avant: { ...avant, surface: entree.avant.surface },
        apres: { ...apres, surface: entree.apres.surface, occupation: occupation.apres.etat },
      },
      reglages,
    ),
    avertissements: avertissements(entree, avant, apres, ctx),
    orientation: orienter(apres.tauxEffort, avant.resteAVivre, apres.resteAVivre, entree.criteresMenage, reglages),
    occupation,
    detail: { charges: chargesRetenues(entree.avant, entree.apres, forfaits), diviseurResteAVivre: diviseur },
  };
}
