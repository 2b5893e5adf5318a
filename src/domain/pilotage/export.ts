import { dateEnLettres } from '../calendrier/index.ts';
import { ecrireCsv, type ValeurCsv } from '../offre/index.ts';
import type { Chiffre } from './chiffre.ts';
import type { FiltresPilotage } from './filtres.ts';
import type { RapportPilotage } from './indicateurs.ts';
import type { Tableau } from './tableau.ts';

// The report as files: every table as a CSV French Excel opens, headed by the filters used and
// the day it was made, so a figure copied into a spreadsheet keeps its context.

/** The filters in words, with the names of the operation and résidence chosen. */
export function filtresEnClair(f: FiltresPilotage, noms: { operation?: string; residence?: string } = {}): string[] {
  const lignes = [`Période : du ${dateEnLettres(f.periode.debut)} au ${dateEnLettres(f.periode.fin)}`];
  if (f.operationId) lignes.push(`Opération : ${noms.operation ?? f.operationId}`);
  if (f.residenceId) lignes.push(`Résidence : ${noms.residence ?? f.residenceId}`);
  if (f.bailleur) lignes.push(`Bailleur : ${f.bailleur}`);
  if (f.commune) lignes.push(`Commune : ${f.commune}`);
  if (f.qpv !== null) lignes.push(f.qpv ? 'En QPV' : 'Hors QPV');
  if (f.typologie) lignes.push(`Typologie : ${f.typologie}`);
  if (f.financement) lignes.push(`Financement : ${f.financement}`);
  return lignes;
}

const objectifEnClair = (c: Chiffre): string =>
  c.objectif === null ? '' : `${c.objectif.libelle} : ${c.atteint === null ? 'non évaluable' : c.atteint ? 'atteint' : 'non atteint'}`;

export const tableauDesChiffres = (r: RapportPilotage): Tableau => ({
  code: 'chiffres',
  titre: 'Indicateurs',
  colonnes: ['Indicateur', 'Valeur', 'Unité', 'Numérateur', 'Dénominateur', 'Objectif', 'Sans valeur parce que', 'Source'],
  lignes: r.chiffres.map((c) => [
    c.libelle,
    c.valeur,
    UNITES_EN_CLAIR[c.unite],
    c.numerateur,
    c.denominateur,
    objectifEnClair(c),
    c.raison ?? '',
    c.source,
  ]),
});

const UNITES_EN_CLAIR: Record<Chiffre['unite'], string> = {
  nombre: 'nombre',
  pourcentage: '%',
  jours: 'jours',
  euros: '€ par mois',
  points: 'points',
  euros_jour: '€ par personne et par jour',
};

/** One table as a CSV, after the report's context lines. */
export function tableauVersCsv(t: Tableau, contexte: readonly string[]): string {
  const lignes: ValeurCsv[][] = [[t.titre], ...contexte.map((c) => [c]), [], t.colonnes, ...t.lignes];
  return ecrireCsv(lignes);
}

export const enteteRapport = (f: FiltresPilotage, faitLe: string, noms: { operation?: string; residence?: string } = {}): string[] => [
  `Établi le ${dateEnLettres(faitLe)}`,
  ...filtresEnClair(f, noms),
];
