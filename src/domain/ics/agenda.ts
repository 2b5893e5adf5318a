import { dateEnLettres } from '../calendrier/index.ts';
import { LIBELLES_NATURE_EVENEMENT, type EvenementAgenda } from '../echeances/index.ts';
import { exporterIcs, type EvenementIcs, type OptionsIcs } from './calendrier.ts';

// The agenda as an .ics file for the officer's own calendar. Household data leave the app with
// it (docs/domaine.md §8), so the caller says how a household is named there: its name, a reference…
export type Designation = (e: EvenementAgenda) => string;

/**
 * The officer's choice: by its reference, or by its name. A household without a reference is named
 * by its name: an internal id would mean nothing in a calendar.
 */
export function designerMenage(choix: 'reference' | 'nom', references: ReadonlyMap<string, string>): Designation {
  const nom = (e: EvenementAgenda) => e.nom || 'Ménage sans nom';
  return choix === 'nom' ? nom : (e) => references.get(e.menageId) || nom(e);
}

export function evenementIcs(e: EvenementAgenda, designation: Designation): EvenementIcs {
  const notes = [
    ...(e.echeance ? [`Échéance : ${dateEnLettres(e.echeance)}`] : []),
    ...(e.horsDelai ? ['Rendez-vous fixé après l’échéance.'] : []),
  ];
  return {
    uid: `${e.cle}@relogement`,
    titre: `${e.libelle} — ${designation(e)}`,
    debut: e.rendezVous ?? { date: e.jour, heure: null },
    description: notes.join('\n'),
    categories: [LIBELLES_NATURE_EVENEMENT[e.nature]],
  };
}

export const agendaVersIcs = (evenements: readonly EvenementAgenda[], designation: Designation, options: OptionsIcs): string =>
  exporterIcs(
    evenements.map((e) => evenementIcs(e, designation)),
    options,
  );
