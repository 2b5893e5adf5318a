import { dateEnLettres } from '../calendrier/index.ts';
import { tauxAffiche } from '../commun/index.ts';
import type { BilanAnnuel } from './bilan-annuel-schema.ts';
import type { DonneesPilotage } from './donnees.ts';
import { cleNom, filtresPilotageSchema, memeNom } from './filtres.ts';
import { dansPeriode } from './periode.ts';
import { perimetre, type OptionsPerimetre, type Relogement } from './perimetre.ts';
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
  const filtres = filtresPilotageSchema.parse({ periode: { debut: `${annee}-01-01`, fin: `${annee}-12-31` } });
  return perimetre(donnees, filtres, options).relogements;
}

const chez = (rs: readonly Relogement[], bailleur: string) => rs.filter((r) => r.offre !== null && memeNom(r.offre.bailleur, bailleur));
const parNom = <T>(entrees: Record<string, T>, nom: (e: T) => string): T[] =>
  Object.values(entrees).sort((a, b) => nom(a).localeCompare(nom(b), 'fr'));

/** Each landlord's objective of the year (AMP annexe 4) against its relocations; null without any objective. */
export function objectifsBailleurs(donnees: DonneesPilotage, annee: number, options: OptionsPerimetre): Tableau | null {
  const objectifs = parNom(bilanDe(donnees, annee).objectifs, (e) => e.bailleur);
  if (objectifs.length === 0) return null;
  const rs = relogementsDeLAnnee(donnees, annee, options);
  return {
    code: 'objectifsBailleurs',
    titre: `Objectifs annuels de relogement des bailleurs (${annee})`,
    ...DEFINITIONS_BILAN.objectifsBailleurs,
    colonnes: ['Bailleur', 'Objectif', 'Relogements réalisés', 'Écart', 'Résultat'],
    lignes: objectifs.map((o) => {
      const realises = chez(rs, o.bailleur).length;
      return [o.bailleur, o.objectif, realises, realises - o.objectif, jugement(realises >= o.objectif)];
    }),
  };
}

/** Each réservataire's flux commitment of the year (flux art. 6) against the dwellings of its flux made available; null without any. */
export function fluxReservataires(donnees: DonneesPilotage, annee: number, options: OptionsPerimetre): Tableau | null {
  const engagements = parNom(bilanDe(donnees, annee).engagementsFlux, (e) => e.reservataire);
  if (engagements.length === 0) return null;
  const annuelle = { debut: `${annee}-01-01`, fin: `${annee}-12-31` };
  const offres = donnees.offres.filter((o) => !o.supprime && o.reservataire.trim() !== '' && dansPeriode(o.dateDisponibilite, annuelle));
  const rs = relogementsDeLAnnee(donnees, annee, options);
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
export function partAttributions(donnees: DonneesPilotage, annee: number, options: OptionsPerimetre): Tableau | null {
  const totaux = bilanDe(donnees, annee).attributions;
  const rs = relogementsDeLAnnee(donnees, annee, options);
  const noms = new Map<string, string>();
  for (const t of Object.values(totaux)) noms.set(cleNom(t.bailleur), t.bailleur);
  for (const r of rs) {
    const nom = r.offre?.bailleur.trim() ?? '';
    if (nom !== '' && !noms.has(cleNom(nom))) noms.set(cleNom(nom), nom);
  }
  if (noms.size === 0) return null;
  const lignes = [...noms.values()]
    .sort((a, b) => a.localeCompare(b, 'fr'))
    .map((bailleur): Cellule[] => {
      const siens = chez(rs, bailleur);
      const inter = siens.filter(
        (r) => r.residence !== null && r.residence.bailleur.trim() !== '' && !memeNom(r.residence.bailleur, bailleur),
      );
      const total = Object.values(totaux).find((t) => memeNom(t.bailleur, bailleur));
      const base = [bailleur, siens.length, inter.length];
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

/** The yearly review's tables for the year holding `fin` that have something to show. */
export function tableauxBilanAnnuel(donnees: DonneesPilotage, fin: string, options: OptionsPerimetre): Tableau[] {
  const annee = Number(fin.slice(0, 4));
  return [
    objectifsBailleurs(donnees, annee, options),
    fluxReservataires(donnees, annee, options),
    partAttributions(donnees, annee, options),
  ].filter((t): t is Tableau => t !== null);
}
