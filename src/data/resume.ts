import type { Entretien, Menage, Personne } from '../domain/index.ts';

/** What the caseload needs of a household, kept small so 5,000 of them filter in a few ms. */
export type ResumeMenage = {
  id: string;
  residenceId: string;
  statut: Menage['statut'];
  nom: string;
  reference: string;
  adresse: string;
  /** Lower-case, accent-free text of every searchable field, occupants' names included. */
  texte: string;
  occupants: number;
  premierEntretienTermineLe: string | null;
  entretienEnCours: boolean;
  dernierContact: string | null;
  supprime: boolean;
};

export const normaliser = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function resumeDe(m: Menage, personnes: readonly Personne[], entretiens: readonly Entretien[]): ResumeMenage {
  const presentes = personnes.filter((p) => !p.supprime);
  const valides = entretiens.filter((e) => !e.supprime);
  const termines = valides.filter((e) => e.statut === 'termine').map((e) => e.date).sort();
  const datesEntretiens = valides.map((e) => e.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const contacts = [m.dernierContact, ...datesEntretiens].filter((d): d is string => !!d).sort();
  return {
    id: m.id,
    residenceId: m.residenceId,
    statut: m.statut,
    nom: m.nom,
    reference: m.reference,
    adresse: m.adresse,
    texte: normaliser([m.nom, m.reference, m.adresse, m.logement, ...presentes.flatMap((p) => [p.prenom, p.nom])].join(' ')),
    occupants: presentes.length,
    premierEntretienTermineLe: termines[0] ?? null,
    entretienEnCours: valides.some((e) => e.statut === 'brouillon'),
    dernierContact: contacts.at(-1) ?? null,
    supprime: Boolean(m.supprime),
  };
}
