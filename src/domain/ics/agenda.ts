import { dateEnLettres } from '../calendrier/index.ts';
import { LIBELLES_NATURE_EVENEMENT, type EvenementAgenda } from '../echeances/index.ts';
import { exporterIcs, type EvenementIcs, type OptionsIcs } from './calendrier.ts';

// The agenda as an .ics file for the officer's own calendar. Household data leave the app with
// it (DOMAIN.md §7), so the caller says how a household is named there: its name, a reference…
export type Designation = (e: EvenementAgenda) => string;

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
  exporterIcs(evenements.map((e) => evenementIcs(e, designation)), options);
