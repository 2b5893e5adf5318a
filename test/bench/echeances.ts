import fc from 'fast-check';
import { REGLAGES_ECHEANCES_PAR_DEFAUT, agenda, alertesDossier, grouperParSemaine, type ContexteAgenda } from '../../src/domain/echeances/index.ts';
import { agendaVersIcs } from '../../src/domain/ics/index.ts';
import { REGLAGES_PROPOSITION_PAR_DEFAUT } from '../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../src/domain/visite/index.ts';
import { dossierArbitraire } from '../unit/echeances/dossiers.ts';

// The agenda and the clocks of a large caseload: 5 000 households at every stage, drawn from a
// fixed seed so every run measures the same data.
const aujourdhui = '2025-05-14';
const ctx: ContexteAgenda = { aujourdhui, echeances: REGLAGES_ECHEANCES_PAR_DEFAUT, suivi: REGLAGES_SUIVI_PAR_DEFAUT, propositions: REGLAGES_PROPOSITION_PAR_DEFAUT };
const NOMBRE = 5000;

function mediane(mesure: () => unknown, essais = 21, echauffement = 5): number {
  for (let i = 0; i < echauffement; i++) mesure();
  const durees: number[] = [];
  for (let i = 0; i < essais; i++) {
    const debut = performance.now();
    mesure();
    durees.push(performance.now() - debut);
  }
  durees.sort((a, b) => a - b);
  return durees[Math.floor(durees.length / 2)] ?? Number.NaN;
}

const ms = (n: number) => `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ms`;
const nombre = (n: number) => n.toLocaleString('fr-FR');

export async function bench(): Promise<Record<string, string>> {
  const dossiers = fc.sample(dossierArbitraire(aujourdhui), { numRuns: NOMBRE, seed: 42 });
  const avecPropositions = dossiers.filter((d) => d.propositions.length > 0);
  const evenements = agenda(dossiers, ctx);
  return {
    'Ménages générés': `${nombre(dossiers.length)}, dont ${nombre(avecPropositions.length)} avec une proposition ; ${nombre(evenements.length)} événements à l’agenda`,
    'Agenda de 5 000 ménages': `${ms(mediane(() => agenda(dossiers, ctx)))} (objectif ≤ 100 ms)`,
    'Agenda de 5 000 ménages groupé par semaine': `${ms(mediane(() => grouperParSemaine(agenda(dossiers, ctx))))}`,
    'Délais et alertes de 5 000 ménages avec propositions': `${ms(mediane(() => dossiers.map((d) => alertesDossier(d, ctx))))} (objectif ≤ 50 ms)`,
    'Export .ics de l’agenda': `${ms(mediane(() => agendaVersIcs(evenements, (e) => e.nom, { horodatage: '2025-05-14T08:00:00Z' }), 5, 1))}`,
  };
}
