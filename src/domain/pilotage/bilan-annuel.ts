import { dateEnLettres } from '../calendrier/index.ts';
import { tauxAffiche } from '../commun/index.ts';
import { cleDe, cleEntree, type AttributionsBailleur, type BilanAnnuel, type ObjectifBailleur } from './bilan-annuel-schema.ts';
import type { DonneesPilotage } from './donnees.ts';
import type { Offre } from '../offre/index.ts';
import { filtresPilotageSchema, memeNom } from './filtres.ts';
import { anneeEntiere, dansPeriode } from './periode.ts';
import { perimetre, rapportDUnBailleur, type OptionsPerimetre, type Relogement } from './perimetre.ts';
import type { Cellule, Tableau } from './tableau.ts';

// The yearly review (bilan annuel) of the year holding the report's end: each landlord's objective
// against its relocations, each réservataire's flux commitment against what it gave, and the
// share of the landlords' lettings given to relocated households. Over the whole year and every
// record in scope: objectives and commitments are the landlord's or réservataire's whole year,
// so the report's other filters do not apply.

/** « 11 % des attributions annuelles totales à dédier aux relogements des ménages NPRU » (charte §2.3, protocole interbailleurs). */
export const PART_ATTRIBUTIONS_RELOGEMENT = 11;
export const NON_RENSEIGNE = 'total des attributions non renseigné';

export const DEFINITIONS_BILAN = {
  objectifsBailleurs: {
    source: 'Convention de mutualisation AMP, art. 3 et annexe 4',
    description:
      'Objectif annuel de relogements de chaque bailleur, contre les baux signés dans l’année dans ses logements : atteint quand les relogements égalent ou dépassent l’objectif.',
  },
  fluxReservataires: {
    source: 'Convention de gestion en flux, art. 3 et art. 6',
    description:
      'Logements du flux de chaque réservataire engagés pour le relogement, contre les logements de son flux mis à disposition dans l’année (la mise à disposition vaut décompte, art. 3) et les baux signés sur ces logements.',
  },
  partAttributions: {
    source: 'Charte de relogement §2.3 et §5.3 (protocole interbailleurs, 11 %)',
    description:
      'Relogements de l’année dans les logements du bailleur ÷ total de ses attributions de l’année, renseigné par le bailleur ou un encadrant : objectif 11 %.',
  },
} as const;

/**
 * The year's review, merged over the records in scope: a territory's report reads the métropole's
 * objectives and each landlord's own total lettings, each kept in its organisation.
 */
function bilanDe(donnees: DonneesPilotage, annee: number): Pick<BilanAnnuel, 'objectifs' | 'attributions' | 'engagementsFlux'> {
  const bilans = donnees.bilansAnnuels.filter((b) => !b.supprime && b.annee === annee);
  return {
    objectifs: Object.assign({}, ...bilans.map((b) => b.objectifs)) as BilanAnnuel['objectifs'],
    attributions: Object.assign({}, ...bilans.map((b) => b.attributions)) as BilanAnnuel['attributions'],
    engagementsFlux: Object.assign({}, ...bilans.map((b) => b.engagementsFlux)) as BilanAnnuel['engagementsFlux'],
  };
}

const jugement = (atteint: boolean) => (atteint ? 'atteint' : 'non atteint');

/** The leases signed in `annee` by the households in scope (the report's own perimeter, without its filters). */
function relogementsDeLAnnee(donnees: DonneesPilotage, annee: number, options: OptionsPerimetre): Relogement[] {
  return perimetre(donnees, filtresPilotageSchema.parse({ periode: anneeEntiere(annee) }), options).relogements;
}

/**
 * A landlord of the review: its organisation id in the territory (its current name from the
 * territory's list), else the name typed outside any territory.
 */
type Bailleur = { cle: string; organisationId: string | null; nom: string };

/** The landlord of an offer: the organisation matched at entry, else its name as typed. */
const bailleurDeLOffre = (o: Offre): Omit<Bailleur, 'nom'> => ({
  cle: o.bailleurId ?? cleEntree(o.bailleur),
  organisationId: o.bailleurId,
});

/** Current names of the territory's organisations: a renamed landlord keeps its entries and shows its new name. */
const nomsActuels = (donnees: DonneesPilotage) => new Map((donnees.organisations ?? []).map((o) => [o.id, o.name]));

function bailleurDe(e: ObjectifBailleur | AttributionsBailleur, noms: ReadonlyMap<string, string>): Bailleur {
  return { cle: cleDe(e), organisationId: e.organisationId, nom: (e.organisationId && noms.get(e.organisationId)) ?? e.bailleur };
}

/**
 * The relocations into each landlord's dwellings, by the landlord's key: by organisation id where
 * the offer has one, by name only between names. One pass over the year's leases.
 */
function parBailleur(rs: readonly Relogement[]): (b: Bailleur) => readonly Relogement[] {
  const chez = new Map<string, Relogement[]>();
  for (const r of rs) {
    if (r.offre === null) continue;
    const cle = bailleurDeLOffre(r.offre).cle;
    const siens = chez.get(cle);
    if (siens) siens.push(r);
    else chez.set(cle, [r]);
  }
  return (b) => chez.get(b.cle) ?? [];
}
/** In a landlord's own report, its line alone: the other landlords' relocations are not in it. */
const duBailleur =
  (options: OptionsPerimetre) =>
  (b: { organisationId: string | null }): boolean =>
    !rapportDUnBailleur(options) || b.organisationId === options.bailleurId;
const parNom = <T>(entrees: readonly T[], nom: (e: T) => string): T[] => [...entrees].sort((a, b) => nom(a).localeCompare(nom(b), 'fr'));

/** Each landlord's objective of the year (AMP annexe 4) against its relocations; null without any objective. */
export function objectifsBailleurs(
  donnees: DonneesPilotage,
  annee: number,
  options: OptionsPerimetre,
  rs: readonly Relogement[] = relogementsDeLAnnee(donnees, annee, options),
): Tableau | null {
  const noms = nomsActuels(donnees);
  const objectifs = parNom(
    Object.values(bilanDe(donnees, annee).objectifs)
      .map((e) => ({ ...bailleurDe(e, noms), objectif: e.objectif }))
      .filter(duBailleur(options)),
    (e) => e.nom,
  );
  if (objectifs.length === 0) return null;
  const chez = parBailleur(rs);
  return {
    code: 'objectifsBailleurs',
    titre: `Objectifs annuels de relogement des bailleurs (${annee})`,
    ...DEFINITIONS_BILAN.objectifsBailleurs,
    colonnes: ['Bailleur', 'Objectif', 'Relogements réalisés', 'Écart', 'Résultat'],
    lignes: objectifs.map((o) => {
      const realises = chez(o).length;
      return [o.nom, o.objectif, realises, realises - o.objectif, jugement(realises >= o.objectif)];
    }),
  };
}

/** Each réservataire's flux commitment of the year (flux art. 6) against the dwellings of its flux made available; null without any. */
export function fluxReservataires(
  donnees: DonneesPilotage,
  annee: number,
  options: OptionsPerimetre,
  rs: readonly Relogement[] = relogementsDeLAnnee(donnees, annee, options),
): Tableau | null {
  const engagements = parNom(Object.values(bilanDe(donnees, annee).engagementsFlux), (e) => e.reservataire);
  if (engagements.length === 0) return null;
  const annuelle = anneeEntiere(annee);
  const offres = donnees.offres.filter((o) => !o.supprime && o.reservataire.trim() !== '' && dansPeriode(o.dateDisponibilite, annuelle));
  return {
    code: 'fluxReservataires',
    titre: `Bilan annuel des flux des réservataires (${annee})`,
    ...DEFINITIONS_BILAN.fluxReservataires,
    colonnes: ['Réservataire', 'Logements engagés', 'Logements mis à disposition', 'Relogements (baux signés)', 'Écart', 'Résultat'],
    lignes: engagements.map((e) => {
      const donnes = offres.filter((o) => memeNom(o.reservataire, e.reservataire));
      const ids = new Set(donnes.map((o) => o.id));
      const baux = rs.filter((r) => r.offre !== null && ids.has(r.offre.id)).length;
      return [e.reservataire, e.engagement, donnes.length, baux, donnes.length - e.engagement, jugement(donnes.length >= e.engagement)];
    }),
  };
}

/**
 * Each landlord's share of its year's lettings given to relocated households (charte §2.3, 11 %):
 * the landlords with a total typed or with relocations that year. Without the total the share is
 * not computed and the row says so; null when neither exists.
 */
export function partAttributions(
  donnees: DonneesPilotage,
  annee: number,
  options: OptionsPerimetre,
  rs: readonly Relogement[] = relogementsDeLAnnee(donnees, annee, options),
): Tableau | null {
  const noms = nomsActuels(donnees);
  const totaux = Object.values(bilanDe(donnees, annee).attributions);
  const bailleurs = new Map<string, Bailleur>();
  for (const t of totaux) bailleurs.set(cleDe(t), bailleurDe(t, noms));
  for (const r of rs) {
    if (r.offre === null || (r.offre.bailleurId === null && r.offre.bailleur.trim() === '')) continue;
    const b = bailleurDeLOffre(r.offre);
    if (!bailleurs.has(b.cle))
      bailleurs.set(b.cle, { ...b, nom: (b.organisationId && noms.get(b.organisationId)) ?? r.offre.bailleur.trim() });
  }
  const retenus = [...bailleurs.values()].filter(duBailleur(options));
  if (retenus.length === 0) return null;
  const chez = parBailleur(rs);
  const lignes = parNom(retenus, (b) => b.nom).map((bailleur): Cellule[] => {
    const siens = chez(bailleur);
    // Whether the household leaves another landlord's résidence: résidences name their landlord only.
    const nomOffre = (r: Relogement) => r.offre?.bailleur ?? '';
    const inter = siens.filter(
      (r) => r.residence !== null && r.residence.bailleur.trim() !== '' && !memeNom(r.residence.bailleur, nomOffre(r)),
    );
    const total = totaux.find((t) => cleDe(t) === bailleur.cle);
    const base = [bailleur.nom, siens.length, inter.length];
    if (!total) return [...base, null, NON_RENSEIGNE, null, NON_RENSEIGNE];
    const renseigne = `le ${dateEnLettres(total.saisiLe)} (${total.source})`;
    if (total.attributions === 0) return [...base, 0, renseigne, null, 'aucune attribution dans l’année'];
    const part = tauxAffiche((100 * siens.length) / total.attributions);
    return [...base, total.attributions, renseigne, part, jugement(part >= PART_ATTRIBUTIONS_RELOGEMENT)];
  });
  return {
    code: 'partAttributions',
    titre: `Part des attributions des bailleurs dédiée au relogement (${annee})`,
    ...DEFINITIONS_BILAN.partAttributions,
    colonnes: [
      'Bailleur',
      'Relogements',
      'dont interbailleurs',
      'Attributions de l’année',
      'Renseigné',
      'Part des attributions (%)',
      `Résultat (objectif ${PART_ATTRIBUTIONS_RELOGEMENT} %)`,
    ],
    lignes,
  };
}

/**
 * The yearly review's tables for the year holding `fin` that have something to show. `relogementsAnnee`, the
 * year's leases when the report's pass gathered them, spares gathering them again.
 */
export function tableauxBilanAnnuel(
  donnees: DonneesPilotage,
  fin: string,
  options: OptionsPerimetre,
  relogementsAnnee?: readonly Relogement[] | null,
): Tableau[] {
  const annee = Number(fin.slice(0, 4));
  // The year's leases, gathered once for the three tables.
  const rs = relogementsAnnee ?? relogementsDeLAnnee(donnees, annee, options);
  // A réservataire's flux comes from every landlord's dwellings: a landlord's own report cannot judge it.
  return [
    objectifsBailleurs(donnees, annee, options, rs),
    rapportDUnBailleur(options) ? null : fluxReservataires(donnees, annee, options, rs),
    partAttributions(donnees, annee, options, rs),
  ].filter((t): t is Tableau => t !== null);
}
