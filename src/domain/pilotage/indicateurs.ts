import { estRecente, LIBELLES_TYPOLOGIE, type Offre } from '../offre/index.ts';
import type { AuteurRefus } from '../proposition/index.ts';
import { compte, rapport, type Chiffre, type Definition, type Objectif } from './chiffre.ts';
import { tableauxBilanAnnuel } from './bilan-annuel.ts';
import type { DonneesPilotage } from './donnees.ts';
import type { FaitChiffre } from './faits.ts';
import { memeNom, type FiltresPilotage } from './filtres.ts';
import { anneeEntiere, dansPeriode, joursEntre, trimestresDe } from './periode.ts';
import { perimetre, rapportDUnBailleur, type OptionsPerimetre, type Perimetre, type Relogement } from './perimetre.ts';
import { realiseContrePrevu } from './plan.ts';
import { REGLAGES_PILOTAGE_PAR_DEFAUT, type ReglagesPilotage } from './reglages.ts';
import { repartitionVariationRav, tableau, type Tableau } from './tableau.ts';

// Every figure of the steering report (AMP art. 12, charte §2.3 and §5.3, flux art. 6), defined
// once here and computed from the records; the tablet and the server both call `calculerPilotage`.

const AMP12 = 'Convention de mutualisation AMP, art. 12';
export const DEFINITIONS = {
  logements: {
    code: 'logements',
    libelle: 'Logements mis à disposition',
    unite: 'nombre',
    source: AMP12,
    description: 'Logements dont la date de disponibilité tombe dans la période.',
  },
  relogements: {
    code: 'relogements',
    libelle: 'Relogements réalisés',
    unite: 'nombre',
    source: `${AMP12} ; charte §4 étape 12`,
    description: 'Baux signés dans la période : le relogement compte à la signature du bail.',
  },
  transformation: {
    code: 'transformation',
    libelle: 'Taux de transformation',
    unite: 'pourcentage',
    source: AMP12,
    description: 'Relogements réalisés ÷ logements mis à disposition dans la période.',
  },
  refusMenage: {
    code: 'refusMenage',
    libelle: 'Refus des ménages',
    unite: 'nombre',
    source: AMP12,
    description: 'Propositions refusées par le ménage dans la période (le silence après une offre écrite vaut refus).',
  },
  refusCaleol: {
    code: 'refusCaleol',
    libelle: 'Refus de la CALEOL',
    unite: 'nombre',
    source: AMP12,
    description: 'Propositions refusées par la commission d’attribution dans la période.',
  },
  refusPartenaires: {
    code: 'refusPartenaires',
    libelle: 'Rejets des partenaires',
    unite: 'nombre',
    source: 'Charte de relogement §5.5 C',
    description: 'Propositions rejetées par un partenaire du circuit dématérialisé dans la période.',
  },
  delai: {
    code: 'delai',
    libelle: 'Délai moyen de la mise à disposition au relogement',
    unite: 'jours',
    source: AMP12,
    description:
      'Moyenne, en jours, de la date de disponibilité du logement à la signature du bail, sur les relogements dont la disponibilité est datée.',
  },
  neufRecent: {
    code: 'neufRecent',
    libelle: 'Relogements dans le neuf ou récent',
    unite: 'pourcentage',
    source: 'Charte de relogement §2.3 C',
    description: 'Part des relogements dans un logement neuf, ou conventionné ou réhabilité depuis moins de 5 ans au jour du bail.',
  },
  horsQpv: {
    code: 'horsQpv',
    libelle: 'Relogements hors QPV',
    unite: 'pourcentage',
    source: 'Charte de relogement §2.3',
    description: 'Part des relogements hors quartier prioritaire, parmi ceux dont le quartier est renseigné.',
  },
  interbailleur: {
    code: 'interbailleur',
    libelle: 'Relogements interbailleurs',
    unite: 'pourcentage',
    source: 'Charte de relogement §2.3 (protocole interbailleurs, 70 / 30)',
    description:
      'Part des relogements chez un autre bailleur que celui de la résidence quittée, parmi ceux dont les deux bailleurs sont connus.',
  },
  propositions: {
    code: 'propositions',
    libelle: 'Propositions faites',
    unite: 'nombre',
    source: 'Charte de relogement §5.3',
    description: 'Propositions parvenues au ménage dans la période (hors rejets des partenaires ou de la CALEOL et retraits).',
  },
  mediations: {
    code: 'mediations',
    libelle: 'Médiations',
    unite: 'nombre',
    source: 'Charte de relogement §3 D',
    description: 'Médiations tenues dans la période après un deuxième refus.',
  },
  evolutionRac: {
    code: 'evolutionRac',
    libelle: 'Évolution moyenne du reste à charge',
    unite: 'euros',
    source: 'Charte de relogement §7.1',
    description: 'Reste à charge mensuel après moins avant, en moyenne, d’après la simulation jointe à la proposition signée.',
  },
  evolutionTe: {
    code: 'evolutionTe',
    libelle: 'Évolution moyenne du taux d’effort',
    unite: 'points',
    source: 'Charte de relogement §7.1',
    description: 'Taux d’effort après moins avant, en points, en moyenne, d’après la simulation jointe à la proposition signée.',
  },
  evolutionRav: {
    code: 'evolutionRav',
    libelle: 'Évolution moyenne du reste à vivre',
    unite: 'euros_jour',
    source: 'Charte de relogement §7.1',
    description:
      'Reste à vivre par personne et par jour après moins avant, en moyenne, d’après la simulation jointe à la proposition signée.',
  },
  enquetes: {
    code: 'enquetes',
    libelle: 'Enquêtes de satisfaction réalisées',
    unite: 'nombre',
    source: 'Charte de relogement §4 étape 14',
    description: 'Enquêtes à 6 mois réalisées dans la période.',
  },
  satisfaction: {
    code: 'satisfaction',
    libelle: 'Ménages satisfaits du nouveau logement',
    unite: 'pourcentage',
    source: 'Charte de relogement §4 étape 14',
    description: 'Part des enquêtes réalisées dans la période notant le nouveau logement 3 ou 4 sur 4, parmi celles qui le notent.',
  },
} as const satisfies Record<string, Definition>;
export type CodeChiffre = keyof typeof DEFINITIONS;

export type RapportPilotage = {
  filtres: FiltresPilotage;
  /** Nothing matches the filters: no household, no dwelling. */
  vide: boolean;
  chiffres: Chiffre[];
  tableaux: Tableau[];
};

const menagesDe = (rs: readonly Relogement[]) => rs.map((r) => r.menage.id);
const moyenne = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function chiffresRelogements(p: Perimetre, r: ReglagesPilotage): Chiffre[] {
  const rs = p.relogements;
  const avecOffre = rs.filter((x): x is Relogement & { offre: Offre } => x.offre !== null);
  const recents = avecOffre.filter((x) => estRecente(x.offre, x.bailSigneLe));
  const qpvConnu = avecOffre.filter((x) => x.offre.qpv !== null);
  const horsQpv = qpvConnu.filter((x) => x.offre.qpv === false);
  const bailleursConnus = avecOffre.filter((x) => x.offre.bailleur.trim() !== '' && (x.residence?.bailleur.trim() ?? '') !== '');
  const inter = bailleursConnus.filter((x) => !memeNom(x.offre.bailleur, x.residence?.bailleur ?? ''));
  const dates = avecOffre.filter((x) => x.offre.dateDisponibilite !== null && x.offre.dateDisponibilite <= x.bailSigneLe);
  const objectif = (valeur: number, libelle: string): Objectif => ({ sens: 'au_moins', valeur, libelle });
  const aucun = 'aucun relogement dans la période';
  return [
    compte(DEFINITIONS.relogements, menagesDe(rs), rs.length),
    rapport(DEFINITIONS.transformation, menagesDe(rs), rs.length, p.offres.length, 'aucun logement mis à disposition dans la période'),
    rapport(
      DEFINITIONS.delai,
      menagesDe(dates),
      moyenne(dates.map((x) => joursEntre(x.offre.dateDisponibilite as string, x.bailSigneLe))),
      dates.length,
      rs.length === 0 ? aucun : 'aucun relogement dont la disponibilité du logement est datée',
    ),
    rapport(
      DEFINITIONS.neufRecent,
      menagesDe(recents),
      recents.length,
      avecOffre.length,
      aucun,
      objectif(r.partNeufRecent, `au moins ${r.partNeufRecent} %`),
    ),
    rapport(
      DEFINITIONS.horsQpv,
      menagesDe(horsQpv),
      horsQpv.length,
      qpvConnu.length,
      rs.length === 0 ? aucun : 'aucun relogement dont le quartier (QPV ou non) est renseigné',
    ),
    rapport(
      DEFINITIONS.interbailleur,
      menagesDe(inter),
      inter.length,
      bailleursConnus.length,
      rs.length === 0 ? aucun : 'aucun relogement dont les deux bailleurs sont connus',
      objectif(r.partInterbailleur, `au moins ${r.partInterbailleur} %`),
    ),
  ];
}

/** A relocation whose signed proposal holds a simulation: the changes after the move (after minus before). */
type VariationSimulee = { id: string; rac: number; te: number | null; rav: number };

const variationsSimulees = (p: Perimetre): VariationSimulee[] =>
  p.relogements.flatMap(({ proposition: x, menage }) =>
    x.racAvant === null || x.racApres === null || x.ravAvant === null || x.ravApres === null
      ? []
      : [
          {
            id: menage.id,
            rac: x.racApres - x.racAvant,
            te: x.teAvant === null || x.teApres === null ? null : x.teApres - x.teAvant,
            rav: x.ravApres - x.ravAvant,
          },
        ],
  );

function chiffresArgent(p: Perimetre, avecSimulation: readonly VariationSimulee[]): Chiffre[] {
  const avecTe = avecSimulation.filter((s): s is VariationSimulee & { te: number } => s.te !== null);
  const raison = p.relogements.length === 0 ? 'aucun relogement dans la période' : 'aucun relogement signé avec une simulation jointe';
  return [
    rapport(
      DEFINITIONS.evolutionRac,
      avecSimulation.map((s) => s.id),
      moyenne(avecSimulation.map((s) => s.rac)),
      avecSimulation.length,
      raison,
    ),
    rapport(
      DEFINITIONS.evolutionTe,
      avecTe.map((s) => s.id),
      moyenne(avecTe.map((s) => s.te)),
      avecTe.length,
      raison,
    ),
    rapport(
      DEFINITIONS.evolutionRav,
      avecSimulation.map((s) => s.id),
      moyenne(avecSimulation.map((s) => s.rav)),
      avecSimulation.length,
      raison,
    ),
  ];
}

/** The proposals that reached the household in the period (charte §5.3), shared by the figure and the table by rank. */
const propositionsFaites = (p: Perimetre, f: FiltresPilotage) =>
  p.propositions.filter((x) => x.comptee && dansPeriode(x.proposeeLe, f.periode));

function chiffresParcours(d: DonneesPilotage, p: Perimetre, f: FiltresPilotage, proposees: readonly FaitChiffre[]): Chiffre[] {
  // With a filter on the dwelling, a mediation counts for a household proposed a matching one, a
  // survey for a household relocated into one.
  const logement = p.surLesLogements;
  const proposes = logement ? new Set(p.propositions.map((x) => x.menageId)) : null;
  const reloges = logement ? new Set(p.propositions.filter((x) => x.bailSigneLe !== null).map((x) => x.menageId)) : null;
  const retenu = (id: string, parmi: Set<string> | null) => p.menagesParId.has(id) && (parmi === null || parmi.has(id));
  const refusPar = (def: Definition, par: AuteurRefus) => {
    const refus = p.refus.filter((r) => r.refusPar === par);
    return compte(
      def,
      refus.map((r) => r.menageId),
      refus.length,
    );
  };
  const mediations = d.mediations.filter((m) => !m.supprime && retenu(m.menageId, proposes) && dansPeriode(m.date, f.periode));
  const enquetes = d.enquetes.filter(
    (e) => !e.supprime && retenu(e.menageId, reloges) && e.issue === 'realisee' && dansPeriode(e.date, f.periode),
  );
  const notees = enquetes.filter((e) => e.logement.global !== null);
  const satisfaits = notees.filter((e) => (e.logement.global ?? 0) >= 3);
  return [
    compte(DEFINITIONS.logements, [], p.offres.length),
    compte(
      DEFINITIONS.propositions,
      proposees.map((x) => x.menageId),
      proposees.length,
    ),
    refusPar(DEFINITIONS.refusMenage, 'menage'),
    refusPar(DEFINITIONS.refusCaleol, 'caleol'),
    refusPar(DEFINITIONS.refusPartenaires, 'partenaires'),
    compte(
      DEFINITIONS.mediations,
      mediations.map((m) => m.menageId),
      mediations.length,
    ),
    compte(
      DEFINITIONS.enquetes,
      enquetes.map((e) => e.menageId),
      enquetes.length,
    ),
    rapport(
      DEFINITIONS.satisfaction,
      satisfaits.map((e) => e.menageId),
      satisfaits.length,
      notees.length,
      'aucune enquête réalisée notant le logement dans la période',
    ),
  ];
}

const CARACTERISTIQUES = [
  ['commune', 'Commune'],
  ['typologie', 'Typologie'],
  ['financement', 'Financement'],
  ['qpv', 'Quartier (QPV)'],
  ['bailleur', 'Bailleur'],
] as const;
const RANGS = ['1re', '2e', '3e', '4e et suivantes'] as const;
const rangDe = (rang: number) => RANGS[Math.min(rang, 4) - 1] as string;

function tableaux(
  d: DonneesPilotage,
  p: Perimetre,
  f: FiltresPilotage,
  proposees: readonly FaitChiffre[],
  avecSimulation: readonly VariationSimulee[],
  options: OptionsPerimetre,
): Tableau[] {
  const rs = p.relogements;
  const carac = (o: Offre | null) => ({
    commune: o?.commune.trim() || 'Non renseignée',
    typologie: o?.typologie ? LIBELLES_TYPOLOGIE[o.typologie] : 'Non renseignée',
    financement: o?.financement ?? 'Non renseigné',
    qpv: o?.qpv === true ? 'En QPV' : o?.qpv === false ? 'Hors QPV' : 'Non renseigné',
    bailleur: o?.bailleur.trim() || 'Non renseigné',
  });
  const caracOffres = p.offres.map(carac);
  const caracRelogements = rs.map((x) => carac(x.offre));
  const refuseesMenage = p.refus.filter((r) => r.refusPar === 'menage');
  // The relocation plans are the operations', not a landlord's stock: its own report has none.
  const plan = rapportDUnBailleur(options) ? null : realiseContrePrevu(d, f);
  return [
    {
      code: 'relogementsParTrimestre',
      titre: 'Relogements par trimestre',
      colonnes: ['Trimestre', 'Relogements'],
      lignes: trimestresDe(f.periode).map((t) => [t.libelle, rs.filter((x) => dansPeriode(x.bailSigneLe, t)).length]),
    },
    ...(plan ? [plan] : []),
    ...CARACTERISTIQUES.map(([cle, nom]) =>
      tableau(
        `repartition-${cle}`,
        `Logements et relogements par ${nom.toLowerCase()}`,
        nom,
        ['Logements mis à disposition', 'Relogements'],
        [caracOffres.map((c) => c[cle]), caracRelogements.map((c) => c[cle])],
      ),
    ),
    tableau(
      'propositionsParRang',
      'Propositions et refus des ménages par rang',
      'Rang',
      ['Propositions', 'Refus du ménage'],
      [proposees.map((x) => rangDe(x.rang)), refuseesMenage.map((x) => rangDe(x.rang))],
      RANGS,
    ),
    repartitionVariationRav(avecSimulation.map((s) => s.rav)),
  ];
}

export type OptionsPilotage = OptionsPerimetre & {
  /** The figures without the households behind them, as `agregatsSeulement` gives them, without sorting lists to drop them. */
  agregatsSeulement?: boolean;
};

/** The steering report over `donnees` for `filtres` (the period already checked by `verifierPeriode`). */
export function calculerPilotage(
  donnees: DonneesPilotage,
  filtres: FiltresPilotage,
  options: OptionsPilotage,
  reglages: ReglagesPilotage = REGLAGES_PILOTAGE_PAR_DEFAUT,
): RapportPilotage {
  const p = perimetre(donnees, filtres, options, anneeEntiere(Number(filtres.periode.fin.slice(0, 4))));
  const proposees = propositionsFaites(p, filtres);
  const simules = variationsSimulees(p);
  const [logements, ...parcours] = chiffresParcours(donnees, p, filtres, proposees);
  const chiffres = [logements as Chiffre, ...chiffresRelogements(p, reglages), ...parcours, ...chiffresArgent(p, simules)].map((c) => ({
    ...c,
    menageIds: options.agregatsSeulement ? [] : [...new Set(c.menageIds)].sort(),
  }));
  // Nothing counted at all: the filters match nothing in the period, which the screen says.
  const vide = chiffres.every((c) => c.unite !== 'nombre' || c.valeur === 0);
  return {
    filtres,
    vide,
    chiffres,
    tableaux: [
      ...tableaux(donnees, p, filtres, proposees, simules, options),
      ...tableauxBilanAnnuel(donnees, filtres.periode.fin, options, p.relogementsAutrePeriode),
    ],
  };
}

/** The same report without any household identifier: what partners of the territory receive. */
export const agregatsSeulement = (r: RapportPilotage): RapportPilotage => ({
  ...r,
  chiffres: r.chiffres.map((c) => ({ ...c, menageIds: [] })),
});
