import { z } from 'zod';
import { idSchema, isoDateSchema, enumeration } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';

// Orientation of a household (charte §4 step 6, §5.5 B): one circuit (GTR, GTRM or the circuit
// dématérialisé) and thematic groups. It may change along the way, so each decision is a record
// and the history is the list of them.
const circuits = enumeration({
  gtr: 'GTR (groupe technique de relogement)',
  gtrm: 'GTRM (groupe technique de relogement métropolitain)',
  circuit_dematerialise: 'Circuit dématérialisé',
});
export const CIRCUITS = circuits.valeurs;
export const circuitSchema = z.enum(CIRCUITS, { error: 'Circuit inconnu : GTR, GTRM ou circuit dématérialisé.' });
export type Circuit = z.infer<typeof circuitSchema>;
export const LIBELLES_CIRCUIT = circuits.libelles;

const groupesThematiques = enumeration({
  suivi_social: 'Suivi social',
  emploi: 'Emploi, insertion',
  mobilite: 'Accompagnement à la mobilité',
  situations_complexes: 'Situations complexes',
});
export const GROUPES_THEMATIQUES = groupesThematiques.valeurs;
export const LIBELLES_GROUPE_THEMATIQUE = groupesThematiques.libelles;

export const orientationSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  date: isoDateSchema,
  circuit: circuitSchema,
  groupes: z
    .array(z.enum(GROUPES_THEMATIQUES, { error: 'Groupe thématique inconnu.' }))
    .max(GROUPES_THEMATIQUES.length)
    .default([]),
  decidePar: z.string().max(200).default(''),
  commentaire: z.string().max(2000).default(''),
  supprime: z.boolean().optional(),
});
export type Orientation = z.infer<typeof orientationSchema>;

export function verifierOrientation(o: Orientation, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (o.date > aujourdhui) erreurs.push({ champ: 'date', message: 'La date de l’orientation ne peut pas être dans le futur.' });
  if (o.decidePar.trim() === '')
    erreurs.push({ champ: 'decidePar', message: 'Indiquez qui a décidé l’orientation (réunion, instance ou partenaires).' });
  return erreurs;
}

/** The decisions in the order they were taken; ids made on the device sort same-day ones. */
export const historiqueOrientations = (orientations: readonly Orientation[]): Orientation[] =>
  orientations.filter((o) => !o.supprime).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

export const orientationCourante = (orientations: readonly Orientation[]): Orientation | null =>
  historiqueOrientations(orientations).at(-1) ?? null;
