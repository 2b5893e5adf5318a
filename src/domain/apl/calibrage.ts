import { BAREME_APL, type BaremeApl } from './bareme.ts';
import { schemaCalibration, valider, type DispositifAide, type EntreeAide, type EntreeCalibration, type ResultatApl } from './entree.ts';
import { calculerAide, type EstimationAide } from './estimer.ts';

// Calibration (issue 5 §3): the household's current aid and dwelling are known, its resource
// base is not. R moves in steps of 100 € (D823-17 4°), so every candidate base is tried and the
// ones that give back today's aid, in either rounding convention, are kept.

const PAS_RESSOURCES = 100;
const RESSOURCES_MAX = 10_000_000;
/** Half the largest 100-€ step of the aid (Tp stays under 4 %): a farther gap is not rounding. */
export const ECART_TOLERE = 2;

export type Calibration = {
  /** The aid today's amount is one of, named in the explanation. */
  dispositif: DispositifAide;
  /** The base to use: the middle one of those that reproduce today's aid. */
  ressourcesAnnuelles: number;
  /** Lowest and highest bases that reproduce it, for the estimate's range. */
  min: number;
  max: number;
  /** Today's aid as recomputed with that base, in both conventions. */
  aideReproduite: number;
  montantVerseReproduit: number;
  /** Distance between the typed aid and the nearest recomputed one. */
  ecart: number;
};

const ecart = (e: EstimationAide, aide: number) => Math.min(Math.abs(e.aide - aide), Math.abs(e.montantVerse - aide));
const nulle = (e: EstimationAide) => e.aide === 0 && e.montantVerse === 0;

/** Every base from 0 up to the first one where the aid before RLS is nil, with its estimate. */
function candidats(situation: Omit<EntreeAide, 'ressourcesAnnuelles'>, bareme: BaremeApl): { r: number; estimation: EstimationAide }[] {
  const liste: { r: number; estimation: EstimationAide }[] = [];
  for (let r = 0; r <= RESSOURCES_MAX; r += PAS_RESSOURCES) {
    const estimation = calculerAide({ ...situation, ressourcesAnnuelles: r }, bareme);
    liste.push({ r, estimation });
    // Above the RLS ceiling the aid can rise again (the RLS stops), so only the aid without RLS
    // being nil proves that no larger base gives anything.
    if (nulle(estimation) && nulle(calculerAide({ ...situation, bailleurSocial: false, ressourcesAnnuelles: r }, bareme))) break;
  }
  return liste;
}

function erreur(message: string): ResultatApl<Calibration> {
  return { ok: false, erreurs: [{ champ: 'aideActuelle', message }] };
}

const euros = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n)} €`;

/** The resource base that reproduces today's aid in today's dwelling. */
export function calibrerRessources(brut: unknown, bareme: BaremeApl = BAREME_APL): ResultatApl<Calibration> {
  const entree = valider(schemaCalibration(bareme), brut);
  if (!entree.ok) return entree;
  const { aideActuelle, ...situation }: EntreeCalibration = entree.value;
  if (aideActuelle === 0) {
    return erreur(
      'Une aide actuelle nulle ne permet pas de retrouver les ressources (toute base au-delà d’un seuil donne 0 €) : saisissez la base de ressources ou estimez-la depuis les revenus imposables.',
    );
  }
  const liste = candidats(situation, bareme);
  const plusProche = Math.min(...liste.map((c) => ecart(c.estimation, aideActuelle)));
  if (plusProche > ECART_TOLERE) {
    const maximum = liste[0]?.estimation.aide ?? 0;
    return erreur(
      aideActuelle > maximum
        ? `L’aide actuelle (${euros(aideActuelle)}) dépasse l’aide maximale de ce logement pour ce ménage (${euros(maximum)} avec des ressources nulles) : vérifiez le loyer, la zone, la composition et le dispositif.`
        : `Aucune base de ressources ne redonne ${euros(aideActuelle)} à ${euros(ECART_TOLERE)} près avec ce loyer et cette composition : vérifiez la saisie.`,
    );
  }
  const retenus = liste.filter((c) => ecart(c.estimation, aideActuelle) <= plusProche + 0.005);
  const bases = retenus.map((c) => c.r);
  const milieu = retenus[Math.floor((retenus.length - 1) / 2)];
  if (!milieu) throw new Error('Le plus proche candidat est toujours retenu.');
  return {
    ok: true,
    value: {
      dispositif: situation.dispositif,
      ressourcesAnnuelles: milieu.r,
      min: Math.min(...bases),
      max: Math.max(...bases),
      aideReproduite: milieu.estimation.aide,
      montantVerseReproduit: milieu.estimation.montantVerse,
      ecart: Math.round(plusProche * 100) / 100,
    },
  };
}
