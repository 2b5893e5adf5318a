import type { Menage } from '../menage/index.ts';
import type { Entretien, Reponse } from './entretien.ts';
import { estVide } from './entretien.ts';

// Charte §4.3: later interviews update the situation; a new one starts from the previous answers
// and the screens show what changed since.

const memeReponse = (a: Reponse | undefined, b: Reponse | undefined): boolean => {
  if (estVide(a) && estVide(b)) return true;
  if (!a || !b || Boolean(a.nsp) !== Boolean(b.nsp)) return false;
  return JSON.stringify(a.valeur) === JSON.stringify(b.valeur);
};

/** Keys whose answer differs between the previous interview and this one. */
export function reponsesModifiees(precedent: Entretien, courant: Entretien): Set<string> {
  const cles = new Set([...Object.keys(precedent.reponses), ...Object.keys(courant.reponses)]);
  return new Set([...cles].filter((c) => !memeReponse(precedent.reponses[c], courant.reponses[c])));
}

/** The fields of a follow-up interview started from a completed one. */
export function suiteDe(precedent: Entretien, id: string, date: string): Entretien {
  return {
    id,
    menageId: precedent.menageId,
    date,
    type: 'suivi',
    statut: 'brouillon',
    reponses: structuredCloneReponses(precedent.reponses),
    termineLe: null,
    precedentId: precedent.id,
  };
}

const structuredCloneReponses = (r: Readonly<Record<string, Reponse>>): Record<string, Reponse> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { ...v, valeur: Array.isArray(v.valeur) ? [...v.valeur] : v.valeur }]));

/**
 * The household once an interview is completed: the interview is a contact (the caseload's "no
 * contact since" reads it), and a household still to meet moves to the interviews' step (charte
 * §4 step 2). A household already further along keeps its step.
 */
export function menageApresEntretien(menage: Menage, entretien: Pick<Entretien, 'date'>): Menage {
  const dernierContact = menage.dernierContact !== null && menage.dernierContact > entretien.date ? menage.dernierContact : entretien.date;
  const statut = menage.statut === 'a_rencontrer' ? 'entretien' : menage.statut;
  return { ...menage, dernierContact, statut };
}
