import { agendaVersIcs, designerMenage } from '../../domain/index.ts';
import type { EvenementAgenda } from '../../domain/index.ts';

// The .ics leaves the app: the officer chooses how a household is named in her calendar
// (docs/domaine.md §8: share only what is needed), by its reference by default, by its name without one.
export type Designation = 'reference' | 'nom';

export function fichierIcs(
  evenements: readonly EvenementAgenda[],
  designation: Designation,
  references: ReadonlyMap<string, string>,
  maintenant = new Date(),
): string {
  return agendaVersIcs(evenements, designerMenage(designation, references), {
    horodatage: `${maintenant.toISOString().slice(0, 19)}Z`,
    nomCalendrier: 'Relogement — À faire',
  });
}

/** Hands the file to the browser as a download, through a temporary Blob link. */
export function telecharger(nom: string, contenu: string, type = 'text/calendar;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([contenu], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = nom;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
