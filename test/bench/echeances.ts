import fc from 'fast-check';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  agenda,
  alertesDossier,
  grouperParSemaine,
  type ContexteAgenda,
} from '../../src/domain/echeances/index.ts';
import { agendaVersIcs } from '../../src/domain/ics/index.ts';
import { REGLAGES_PROPOSITION_PAR_DEFAUT } from '../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../src/domain/visite/index.ts';
import { dossierArbitraire } from '../domain/echeances/dossiers.ts';
import { REGLAGES_REUNIONS_PAR_DEFAUT } from '../../src/domain/reunion/index.ts';

// The agenda and the clocks of a large caseload: 5 000 households at every stage, drawn from a
// fixed seed so every run measures the same data.
const aujourdhui = '2025-05-14';
const ctx: ContexteAgenda = {
  aujourdhui,
  echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
  suivi: REGLAGES_SUIVI_PAR_DEFAUT,
  propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
  reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
};
const NOMBRE = 5000;

// On a shared machine the elapsed time depends on the neighbours: the process's CPU time is
// given first, the elapsed time after it.
type Mesure = { calcul: number; ecoule: number };

const median = (valeurs: number[]): number => valeurs.sort((a, b) => a - b)[Math.floor(valeurs.length / 2)] ?? Number.NaN;

function mesurer(tache: () => unknown, essais = 21, echauffement = 5): Mesure {
  for (let i = 0; i < echauffement; i++) tache();
  const calculs: number[] = [];
  const ecoules: number[] = [];
  for (let i = 0; i < essais; i++) {
    const cpu = process.cpuUsage();
    const debut = performance.now();
    tache();
    ecoules.push(performance.now() - debut);
    const { user, system } = process.cpuUsage(cpu);
    calculs.push((user + system) / 1000);
  }
  return { calcul: median(calculs), ecoule: median(ecoules) };
}

const ms = (n: number) => `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ms`;
const nombre = (n: number) => n.toLocaleString('fr-FR');
const figure = (m: Mesure, objectif?: number) =>
  `${ms(m.calcul)} de calcul${objectif ? ` (objectif ≤ ${objectif} ms)` : ''}, ${ms(m.ecoule)} écoulés`;

export async function bench(): Promise<Record<string, string>> {
  const dossiers = fc.sample(dossierArbitraire(aujourdhui), { numRuns: NOMBRE, seed: 42 });
  const avecPropositions = dossiers.filter((d) => d.propositions.length > 0);
  const evenements = agenda(dossiers, ctx);
  return {
    'Ménages générés': `${nombre(dossiers.length)}, dont ${nombre(avecPropositions.length)} avec une proposition ; ${nombre(evenements.length)} événements à l’agenda`,
    'Agenda de 5 000 ménages': figure(
      mesurer(() => agenda(dossiers, ctx)),
      100,
    ),
    'Agenda de 5 000 ménages groupé par semaine': figure(mesurer(() => grouperParSemaine(agenda(dossiers, ctx)))),
    'Délais et alertes de 5 000 ménages avec propositions': figure(
      mesurer(() => dossiers.map((d) => alertesDossier(d, ctx))),
      50,
    ),
    'Export .ics de l’agenda': figure(mesurer(() => agendaVersIcs(evenements, (e) => e.nom, { horodatage: '2025-05-14T08:00:00Z' }), 5, 1)),
  };
}
