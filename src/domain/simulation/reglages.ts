import { enumeration } from '../commun/index.ts';
import { z } from 'zod';
import { normeOccupationSchema } from '../occupation/index.ts';

// The simulation's settings of a territory (charte §7.1 B and C; docs/domaine.md §9): alert
// thresholds, how the reste à vivre is divided, and the occupancy norm. Defaults are the MEL's.
const unitesResteAVivre = enumeration({
  personne: 'par personne (charte)',
  'unite-consommation': 'par unité de consommation (INSEE)',
});
export const UNITES_RESTE_A_VIVRE = unitesResteAVivre.valeurs;
export const LIBELLES_UNITE_RESTE_A_VIVRE = unitesResteAVivre.libelles;

/**
 * The three limits between the quartiles of yearly resources per consumption unit of the
 * territory's applicants (the 1st is set yearly by prefectoral order), in euros, rising.
 */
export const seuilsQuartilesSchema = z
  .array(z.number({ error: 'Seuil de quartile : un montant en euros.' }).positive('Un seuil de quartile est positif.'))
  .length(3, 'Indiquez les trois seuils des quartiles (1er, 2e, 3e).')
  .refine((s) => s.every((x, i) => i === 0 || x > (s[i - 1] ?? 0)), 'Les seuils des quartiles doivent croître.');
export type SeuilsQuartiles = z.infer<typeof seuilsQuartilesSchema>;

export const reglagesSimulationSchema = z.object({
  seuilTauxEffort: z
    .number({ error: 'Indiquez le seuil d’alerte du taux d’effort, en %.' })
    .min(0, 'Le seuil du taux d’effort ne peut pas être négatif.')
    .max(100, 'Le seuil du taux d’effort ne peut pas dépasser 100 %.')
    .default(30),
  seuilResteAVivre: z
    .number({ error: 'Indiquez le seuil d’alerte du reste à vivre, en euros par jour et par personne.' })
    .min(0, 'Le seuil du reste à vivre ne peut pas être négatif.')
    .default(6.5),
  joursParMois: z
    .number({ error: 'Indiquez le nombre de jours par mois du reste à vivre.' })
    .int('Nombre de jours entier attendu.')
    .min(28, 'Au moins 28 jours.')
    .max(31, 'Au plus 31 jours.')
    .default(30),
  uniteResteAVivre: z
    .enum(UNITES_RESTE_A_VIVRE, { error: 'Unité du reste à vivre inconnue : « personne » ou « unite-consommation ».' })
    .default('personne'),
  normeOccupation: normeOccupationSchema.default('charte-MEL'),
  /** For the resource quartile on the CALEOL sheet; null until the territory types them. */
  seuilsQuartiles: seuilsQuartilesSchema.nullable().default(null),
});
export type ReglagesSimulation = z.infer<typeof reglagesSimulationSchema>;

export const REGLAGES_SIMULATION_PAR_DEFAUT: ReglagesSimulation = reglagesSimulationSchema.parse({});

/** Consumption units (modified OECD scale used by INSEE, docs/domaine.md §5). */
export const UNITES_CONSOMMATION = {
  source: 'INSEE, échelle de l’OCDE modifiée',
  premierePersonne: 1,
  autrePersonne: 0.5,
  enfant: 0.3,
  ageEnfantJusqua: 14,
} as const;
