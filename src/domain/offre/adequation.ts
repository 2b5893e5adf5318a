import { etatOccupation, evaluerOccupation, preparerComposition, type Composition, type EtatOccupation } from '../occupation/index.ts';
import {
  LIBELLES_ALERTE_SIMULATION,
  LIBELLES_POSTE,
  depensesIncompressibles,
  diviseurResteAVivre,
  forfaitsCharges,
  formatEuros,
  formatEvolutionEuros,
  formatResteAVivre,
  formatTaux,
  hausseNonProportionnelle,
  moyenneRessources,
  normaliserTexte,
  resteACharge,
  resteAVivre,
  resteAVivreDegrade,
  resteAVivrePasseSousSeuil,
  resteAVivreSousSeuil,
  tauxEffort,
  tauxEffortEleve,
  type ContexteSimulation,
  type ForfaitsCharges,
  type LogementSimule,
  type PosteQuittancable,
  type Seuils,
} from '../simulation/index.ts';
import { TYPOLOGIES, offreCompleteSchema, piecesDeTypologie, type Offre, type OffreComplete, type Typologie } from './offre.ts';
import { logementDeLOffre, partsNonDetaillees } from './logement-offre.ts';
import { motifsRecente } from './recente.ts';
import type { ProfilMenage } from './profil-menage.ts';
import { PONDERATIONS_PAR_DEFAUT, type Ponderations } from './ponderations.ts';

// How well an offer fits a household (charte §3.4 A: composition, wished places, reduced
// mobility; §7.1: taux d'effort and reste à vivre after the move). The figures come from the
// simulation's own rules; the score only weighs them, and the reasons say why in French.

export type ContexteAppariement = ContexteSimulation & {
  /** Reference date: ages, recent dwellings. */
  date: string;
  ponderations?: Ponderations;
  /** APL after moving into the offer; without an estimator, the current APL, and the reasons say so. */
  aplApres?: (profil: ProfilMenage, offre: OffreComplete) => number;
};

export type MenagePrepare = {
  profil: ProfilMenage;
  composition: Composition;
  ressources: number;
  depenses: number;
  diviseur: number;
  forfaits: ForfaitsCharges;
  communes: ReadonlySet<string>;
  typologies: ReadonlySet<Typologie>;
  /** Share of the typology criterion each type earns: 1 if wished (or no wish), ½ one room away. */
  fractionsTypologie: Readonly<Record<Typologie, number>>;
};

export type OffrePrepare = { offre: OffreComplete; logement: LogementSimule; commune: string };

export function preparerMenage(profil: ProfilMenage, ctx: ContexteAppariement): MenagePrepare {
  const { postes } = ctx.bareme;
  const typologies = new Set(profil.typologiesSouhaitees);
  return {
    profil,
    composition: preparerComposition(profil.composition ?? profil.occupants, ctx.date),
    ressources: moyenneRessources(profil.ressourcesMensuelles),
    depenses: depensesIncompressibles(profil.depenses, postes, profil.occupants),
    diviseur: diviseurResteAVivre(profil.occupants, profil.composition, ctx.date, ctx.reglages),
    forfaits: forfaitsCharges(postes, profil.occupants),
    communes: new Set(profil.communesSouhaitees.map(normaliserTexte).filter(Boolean)),
    typologies,
    fractionsTypologie: Object.fromEntries(TYPOLOGIES.map((t) => [t, fractionTypologie(typologies, t)])) as Record<Typologie, number>,
  };
}

/** Null when the offer lacks what a simulation needs (see `verifierOffre`). */
export function preparerOffre(offre: Offre): OffrePrepare | null {
  const complete = offreCompleteSchema.safeParse(offre);
  if (!complete.success) return null;
  return { offre: complete.data, logement: logementDeLOffre(complete.data, 0), commune: normaliserTexte(complete.data.commune) };
}

export type Mesure = {
  apl: number;
  resteAChargeAvant: number;
  resteAChargeApres: number;
  tauxEffortAvant: number | null;
  tauxEffortApres: number | null;
  resteAVivreAvant: number;
  resteAVivreApres: number;
  occupation: EtatOccupation;
  /** Null when the household gave no wish. */
  typologieSouhaitee: boolean | null;
  communeSouhaitee: boolean | null;
  /** Null when not needed or not known. */
  pmr: boolean | null;
  etage: boolean | null;
  compatible: boolean;
  score: number;
};

function fractionTypologie(souhaits: ReadonlySet<Typologie>, t: Typologie): number {
  if (souhaits.size === 0 || souhaits.has(t)) return 1;
  const n = piecesDeTypologie(t);
  return [...souhaits].some((s) => Math.abs(piecesDeTypologie(s) - n) === 1) ? 0.5 : 0;
}
const FRACTION_OCCUPATION: Record<EtatOccupation, number> = { adapte: 1, indetermine: 0.5, 'sous-occupation': 0.5, suroccupation: 0 };
const fractionTauxEffort = (te: number | null, s: Seuils): number =>
  te === null ? 0 : tauxEffortEleve(te, s) ? Math.max(0, 1 - (te - s.seuilTauxEffort) / s.seuilTauxEffort) : 1;

function fractionResteAVivre(avant: number, apres: number, ctx: ContexteSimulation): number {
  const s = ctx.reglages;
  if (resteAVivrePasseSousSeuil(avant, apres, s) || resteAVivreDegrade(avant, apres, s)) return 0;
  return resteAVivreSousSeuil(apres, s) ? 0.5 : 1;
}

function besoinPmrSatisfait(p: ProfilMenage, o: OffreComplete): boolean | null {
  return p.besoinPmr ? o.pmr : null;
}

function etageAccessible(p: ProfilMenage, o: OffreComplete): boolean | null {
  if (p.etageMaxSansAscenseur === null) return null;
  if (o.ascenseur === true) return true;
  if (o.etage === null) return null;
  if (o.etage <= p.etageMaxSansAscenseur) return true;
  return o.ascenseur === false ? false : null;
}

export const mesureVide = (): Mesure => ({
  apl: 0,
  resteAChargeAvant: 0,
  resteAChargeApres: 0,
  tauxEffortAvant: null,
  tauxEffortApres: null,
  resteAVivreAvant: 0,
  resteAVivreApres: 0,
  occupation: 'indetermine',
  typologieSouhaitee: null,
  communeSouhaitee: null,
  pmr: null,
  etage: null,
  compatible: true,
  score: 0,
});

/** Fills `x` with the measure of a pair: the matching reuses one object for every pair it ranks. */
export function mesurerDans(x: Mesure, m: MenagePrepare, o: OffrePrepare, ctx: ContexteAppariement): Mesure {
  const p = m.profil;
  const apl = ctx.aplApres ? ctx.aplApres(p, o.offre) : p.logementActuel.apl;
  const racAvant = resteACharge(p.logementActuel, o.logement, m.forfaits);
  const racApres = resteACharge(o.logement, p.logementActuel, m.forfaits) - apl;
  const teApres = tauxEffort(racApres, m.ressources);
  const ravAvant = resteAVivre(m.ressources, racAvant, m.depenses, m.diviseur);
  const ravApres = resteAVivre(m.ressources, racApres, m.depenses, m.diviseur);
  const occupation = etatOccupation(ctx.reglages.normeOccupation, m.composition, o.logement);
  const commune = m.communes.size === 0 ? null : m.communes.has(o.commune);
  const pmr = besoinPmrSatisfait(p, o.offre);
  const etage = etageAccessible(p, o.offre);
  const w = ctx.ponderations ?? PONDERATIONS_PAR_DEFAUT;
  const points =
    w.typologie * m.fractionsTypologie[o.offre.typologie] +
    w.occupation * FRACTION_OCCUPATION[occupation] +
    w.commune * (commune === false ? 0 : 1) +
    w.tauxEffort * fractionTauxEffort(teApres, ctx.reglages) +
    w.resteAVivre * fractionResteAVivre(ravAvant, ravApres, ctx);
  x.apl = apl;
  x.resteAChargeAvant = racAvant;
  x.resteAChargeApres = racApres;
  x.tauxEffortAvant = tauxEffort(racAvant, m.ressources);
  x.tauxEffortApres = teApres;
  x.resteAVivreAvant = ravAvant;
  x.resteAVivreApres = ravApres;
  x.occupation = occupation;
  x.typologieSouhaitee = m.typologies.size === 0 ? null : m.typologies.has(o.offre.typologie);
  x.communeSouhaitee = commune;
  x.pmr = pmr;
  x.etage = etage;
  x.compatible = pmr !== false && etage !== false;
  x.score = (100 * points) / (w.typologie + w.occupation + w.commune + w.tauxEffort + w.resteAVivre);
  return x;
}

export const mesurer = (m: MenagePrepare, o: OffrePrepare, ctx: ContexteAppariement): Mesure => mesurerDans(mesureVide(), m, o, ctx);

const ordinalEtage = (n: number) => (n === 0 ? 'rez-de-chaussée' : n === 1 ? '1er étage' : `${n}e étage`);
const liste = (valeurs: readonly string[]) => valeurs.join(', ');
const phrase = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function situationEtage(o: OffreComplete): string {
  if (o.etage === null) return 'étage non renseigné';
  const ascenseur = o.ascenseur === true ? 'avec ascenseur' : o.ascenseur === false ? 'sans ascenseur' : 'ascenseur non renseigné';
  return `${ordinalEtage(o.etage)} ${ascenseur}`;
}

/** The reasons of a fit, in the order an officer reads them: blocking needs first, then place, size, money. */
export function raisons(m: MenagePrepare, o: OffrePrepare, x: Mesure, ctx: ContexteAppariement): string[] {
  const p = m.profil;
  const offre = o.offre;
  const r: string[] = [];
  if (x.pmr === true) r.push('Accessible aux personnes à mobilité réduite, comme le ménage en a besoin.');
  if (x.pmr === false) r.push('Non accessible aux personnes à mobilité réduite, alors que le ménage a besoin d’un logement adapté.');
  if (p.besoinPmr && x.pmr === null) r.push('Accessibilité PMR non renseignée : à vérifier, le ménage a besoin d’un logement adapté.');
  if (p.etageMaxSansAscenseur !== null) {
    const situation = situationEtage(offre);
    const limite = `le ménage ne monte pas au-delà du ${ordinalEtage(p.etageMaxSansAscenseur)} sans ascenseur`;
    if (x.etage === true) r.push(`Étage accessible (${situation}).`);
    else r.push(`${phrase(situation)} : ${x.etage === false ? '' : 'à vérifier, '}${limite}.`);
  }
  if (x.communeSouhaitee === true) r.push(`Commune souhaitée : ${offre.commune}.`);
  if (x.communeSouhaitee === false) r.push(`Commune non souhaitée : ${offre.commune} (souhaits : ${liste(p.communesSouhaitees)}).`);
  if (x.typologieSouhaitee === true) r.push(`Typologie souhaitée : ${offre.typologie}.`);
  if (x.typologieSouhaitee === false) r.push(`Typologie non souhaitée : ${offre.typologie} (souhaits : ${liste(p.typologiesSouhaitees)}).`);
  r.push(`Occupation : ${evaluerOccupation(ctx.reglages.normeOccupation, m.composition, o.logement).detail}`);
  r.push(
    `Taux d’effort après relogement : ${formatTaux(x.tauxEffortApres)} (actuellement ${formatTaux(x.tauxEffortAvant)}, seuil ${formatTaux(ctx.reglages.seuilTauxEffort)}).`,
  );
  r.push(
    `Reste à vivre après relogement : ${formatResteAVivre(x.resteAVivreApres)} (${formatEvolutionEuros(x.resteAVivreApres - x.resteAVivreAvant)}).`,
  );
  if (resteAVivrePasseSousSeuil(x.resteAVivreAvant, x.resteAVivreApres, ctx.reglages))
    r.push(`${LIBELLES_ALERTE_SIMULATION.RESTE_A_VIVRE_PASSE_SOUS_SEUIL}.`);
  if (resteAVivreDegrade(x.resteAVivreAvant, x.resteAVivreApres, ctx.reglages))
    r.push(`${LIBELLES_ALERTE_SIMULATION.RESTE_A_VIVRE_DEGRADE}.`);
  if (hausseNonProportionnelle(x.resteAChargeAvant, x.resteAChargeApres, p.logementActuel.surface, o.logement.surface))
    r.push(`${LIBELLES_ALERTE_SIMULATION.HAUSSE_NON_PROPORTIONNELLE}.`);
  if (!ctx.aplApres)
    r.push(`APL après relogement supposée égale à l’APL actuelle (${formatEuros(x.apl)}) : à confirmer par une estimation.`);
  const surestimees: PosteQuittancable[] = partsNonDetaillees(offre).filter((poste) => p.logementActuel[poste] === null);
  for (const poste of surestimees)
    r.push(`Part de ${LIBELLES_POSTE[poste]} des charges non détaillée par le bailleur : le reste à charge après peut être surestimé.`);
  const recente = motifsRecente(offre, ctx.date);
  if (recente.length > 0) r.push(`Logement neuf ou récent (${recente.join(', ')}).`);
  return r;
}
