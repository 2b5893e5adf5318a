import { subMonths, format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { parseNombreFr } from '../commun/index.ts';
import type { Reponse } from './entretien.ts';

// Charte §3.4 and §7.1: monthly resources are the average of the last three months before the
// interview; exceptional income (bonuses, study grants) is recorded but excluded.
export const NATURES_RESSOURCE = [
  { valeur: 'salaire', libelle: 'Salaires' },
  { valeur: 'chomage', libelle: 'Allocations chômage' },
  { valeur: 'retraite', libelle: 'Retraites, pensions' },
  { valeur: 'minimaSociaux', libelle: 'RSA, AAH, ASS' },
  { valeur: 'prestationsFamiliales', libelle: 'Prestations familiales (hors APL)' },
  { valeur: 'pensionRecue', libelle: 'Pension alimentaire reçue' },
  { valeur: 'autres', libelle: 'Autres ressources régulières' },
  { valeur: 'exceptionnel', libelle: 'Revenus exceptionnels (exclus du calcul)' },
] as const;
export type NatureRessource = (typeof NATURES_RESSOURCE)[number]['valeur'];
export const NATURE_EXCLUE: NatureRessource = 'exceptionnel';

export const MOIS_RESSOURCES = [1, 2, 3] as const;
export type RangMois = (typeof MOIS_RESSOURCES)[number];

export const cleRessource = (personneId: string, mois: RangMois, nature: NatureRessource) => `ressources.${personneId}.${mois}.${nature}`;

/** The calendar month "rang" months before the interview's month, e.g. "août 2026". */
export function libelleMois(dateEntretien: string, rang: RangMois): string {
  const base = /^\d{4}-\d{2}-\d{2}$/.test(dateEntretien) ? parseISO(dateEntretien) : parseISO('2000-01-01');
  return format(subMonths(base, rang), 'MMMM yyyy', { locale: fr });
}

/** Above this monthly amount a resource is implausible (a typo, often): counted only once confirmed. */
export const PLAFOND_RESSOURCE_PLAUSIBLE = 20_000;

/** An amount above the plausible bound, that the officer must confirm or correct. */
export function estMontantImprobable(texte: string): boolean {
  const n = parseNombreFr(texte);
  return n !== null && n > PLAFOND_RESSOURCE_PLAUSIBLE;
}

/** What an answer adds to the totals: nothing while unreadable, negative, or implausible and not confirmed. */
export function montantRetenu(r: Reponse | undefined): number | null {
  if (!r || typeof r.valeur !== 'string') return null;
  const n = parseNombreFr(r.valeur);
  if (n === null || n < 0) return null;
  return estMontantImprobable(r.valeur) && !r.confirme ? null : n;
}

export type MoisRessources = { rang: RangMois; total: number; exceptionnel: number };

/** Household totals per month; a month counts only when at least one amount retained was typed for it. */
export function totauxMensuels(reponses: Readonly<Record<string, Reponse>>, personneIds: readonly string[]): MoisRessources[] {
  const mois: MoisRessources[] = [];
  for (const rang of MOIS_RESSOURCES) {
    let total = 0;
    let exceptionnel = 0;
    let renseigne = false;
    for (const personneId of personneIds) {
      for (const { valeur: nature } of NATURES_RESSOURCE) {
        const n = montantRetenu(reponses[cleRessource(personneId, rang, nature)]);
        if (n === null) continue;
        renseigne = true;
        if (nature === NATURE_EXCLUE) exceptionnel += n;
        else total += n;
      }
    }
    if (renseigne) mois.push({ rang, total, exceptionnel });
  }
  return mois;
}

/** Average monthly resources over the months entered, exceptional income excluded; null when none. */
export function ressourcesMensuelles(reponses: Readonly<Record<string, Reponse>>, personneIds: readonly string[]): number | null {
  const mois = totauxMensuels(reponses, personneIds);
  if (mois.length === 0) return null;
  return mois.reduce((s, m) => s + m.total, 0) / mois.length;
}
